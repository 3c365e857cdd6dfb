// Collect returns: read each return (from files or bytes), validate it, and roll them up into the
// corporate picture. A return that cannot be read becomes a reject with its reason; the rest go on.
import { collect, CollectInput, CollectOptions, Rollup } from "../qsr/collect";
import type { ParsedReturn } from "../qsr/parseReturn";

/** One return to collect: its label in the roll-up, and how to read it. */
export interface ReturnSource {
  label: string;
  read(): Promise<ParsedReturn>;
}

export async function collectReturns(sources: readonly ReturnSource[], options: CollectOptions = {}, onProgress?: (done: number, total: number) => void): Promise<Rollup> {
  const inputs: CollectInput[] = [];
  for (let i = 0; i < sources.length; i++) {
    const { label } = sources[i];
    let parsed: ParsedReturn;
    try {
      parsed = await sources[i].read();
    } catch (e) {
      // The readers turn every known problem into a reject; this is the unforeseen one, kept as one too.
      parsed = { ok: false, issues: [{ file: label, sheet: "", cell: "", reason: `could not be read (${(e as Error).message})` }] };
    }
    // Problems carry the file's base name; give them the label the rest of the roll-up uses.
    if (!parsed.ok) for (const issue of parsed.issues) issue.file = label;
    inputs.push({ file: label, parsed });
    onProgress?.(i + 1, sources.length);
  }
  return collect(inputs, options);
}

/** Returns handed over as bytes (the pane's file picker). */
export function bytesSources(files: readonly { name: string; bytes: ArrayBuffer | Uint8Array }[]): ReturnSource[] {
  return files.map((f) => ({
    label: f.name,
    read: async () => (await import(/* webpackChunkName: "qsr-read" */ "../qsr/files/readReturnBytes")).readReturnBytes(f.name, f.bytes),
  }));
}
