// The demo's files, placed by the one overwrite rule (src/files/safeWrite.ts). The demo is built in a
// temporary folder beside --out; only when it has finished are its files checked and moved in, each
// by a temporary file renamed into place, so a failed demo leaves --out as it was.
// Without --force an existing file is never replaced. With --force only the demo's own files are:
// a list of what it wrote (with each file's SHA-256) stays in the folder, and a file not on that list,
// or changed since (a plan someone opened and edited), is refused, naming it, and nothing is written.
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { FileRejected } from "../../files/safeRead";
import { checkOutputPath, writeOutputFile } from "../../files/safeWrite";
import { UserError } from "../shared";

/** The demo's list of the files it wrote, inside --out. */
const DEMO_MANIFEST = ".golden-thread-demo.json";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Every file under dir, as paths relative to it with "/" between folders. */
function filesUnder(dir: string, under = ""): string[] {
  return fs.readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap((e) => {
    const rel = under ? `${under}/${e.name}` : e.name;
    return e.isDirectory() ? filesUnder(dir, rel) : [rel];
  });
}

/** What the demo wrote into outDir last time: relative path -> SHA-256 (empty when it never ran there). */
function readManifest(outDir: string): Map<string, string> {
  const file = path.join(outDir, DEMO_MANIFEST);
  if (!fs.existsSync(file)) return new Map();
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as { files: Record<string, string> };
    return new Map(Object.entries(parsed.files));
  } catch {
    throw new UserError(`${file}: not the demo's list of its files; move it away or choose another --out`);
  }
}

/**
 * Runs build(tempDir), then moves what it wrote into outDir by the rule, after checking every file
 * first. Returns the files written, relative to outDir.
 */
export async function placeDemo(outDir: string, opts: { force: boolean; inputs: readonly string[] }, build: (tempDir: string) => Promise<void>): Promise<string[]> {
  const parent = path.dirname(path.resolve(outDir));
  fs.mkdirSync(parent, { recursive: true });
  const temp = fs.mkdtempSync(path.join(parent, `.${path.basename(outDir)}-demo-`));
  try {
    await build(temp);
    const made = filesUnder(temp).sort();
    const ownBefore = readManifest(outDir);
    const existing = made.filter((rel) => fs.existsSync(path.join(outDir, rel)));
    if (existing.length && !opts.force) {
      const shown = existing.slice(0, 3).join(", ") + (existing.length > 3 ? ` and ${existing.length - 3} more` : "");
      throw new UserError(`${outDir}: already holds files the demo writes (${shown}); add --force to replace the demo's own files (nothing was written)`);
    }
    for (const rel of existing) {
      const target = path.join(outDir, rel);
      if (fs.statSync(target).isFile() && ownBefore.get(rel) !== sha256(fs.readFileSync(target)))
        throw new FileRejected(target, "not as the demo wrote it (changed since, or not the demo's file), so even --force leaves it: move it away or choose another --out (nothing was written)");
    }
    // Checked for all before any is written: an input, a folder or a link where a file goes.
    for (const rel of made) checkOutputPath(path.join(outDir, rel), { force: true, inputs: opts.inputs });
    const written = new Map(ownBefore);
    for (const rel of made) {
      const bytes = fs.readFileSync(path.join(temp, rel));
      writeOutputFile(path.join(outDir, rel), bytes, { force: true, inputs: opts.inputs });
      written.set(rel, sha256(bytes));
    }
    const manifest = { about: "The files `service-plan demo` wrote here, so --force replaces only these, and only if unchanged.", files: Object.fromEntries(written) };
    writeOutputFile(path.join(outDir, DEMO_MANIFEST), JSON.stringify(manifest, null, 2) + "\n", { force: true, inputs: opts.inputs });
    return made;
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}
