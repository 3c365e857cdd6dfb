// The browser's inflater for the zip guard: JSZip (no Node APIs), streaming each entry and giving up
// once its output passes the cap. JSZip inflates one 16 KB input block at a time, so a bomb costs at
// most about 16 MB of transient output before it is stopped, never the whole bomb.
import JSZip from "jszip";
import type { CappedInflate } from "./zipGuard";

/** JSZip's stream over one entry (public in JSZip 3, though its typings leave it out). */
interface EntryStream {
  on(event: "data", fn: (chunk: Uint8Array) => void): EntryStream;
  on(event: "error", fn: (e: Error) => void): EntryStream;
  on(event: "end", fn: () => void): EntryStream;
  resume(): EntryStream;
  pause(): EntryStream;
}

function joined(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** An inflater over this one package (JSZip reads it once, on the first deflated entry). */
export function jszipInflate(bytes: Uint8Array): CappedInflate {
  let zip: Promise<JSZip> | undefined;
  return async (entry, _compressed, cap) => {
    zip ??= JSZip.loadAsync(bytes);
    const file = (await zip).file(entry.name);
    if (!file) throw new Error("the entry cannot be found");
    return new Promise((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let total = 0;
      let settled = false;
      const stream = (file as unknown as { internalStream(type: "uint8array"): EntryStream }).internalStream("uint8array");
      stream
        .on("data", (chunk: Uint8Array) => {
          if (settled) return;
          total += chunk.length;
          if (total > cap) {
            settled = true;
            stream.pause();
            resolve("too large");
          } else chunks.push(chunk);
        })
        .on("error", (e: Error) => {
          if (settled) return;
          settled = true;
          reject(e);
        })
        .on("end", () => {
          if (settled) return;
          settled = true;
          resolve(joined(chunks, total));
        })
        .resume();
    });
  };
}
