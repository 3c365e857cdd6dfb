// Reads the return files named on the command line (files, or folders of them) and rolls them up.
import * as fs from "fs";
import * as path from "path";
import { CollectInput, CollectOptions, Rollup, collect } from "../collect";
import { readReturnFile } from "./readReturnFile";
import { isReturnCsvFolder } from "./returnCsv";
import { DEFAULT_ZIP_LIMITS, ZipLimits } from "./zipGuard";

/** Files and CSV-return folders to read: a folder that is not itself a CSV return is searched one level deep. */
export function expandReturnPaths(args: string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(arg);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory() && !isReturnCsvFolder(arg)) {
      for (const name of fs.readdirSync(arg).sort()) {
        const full = path.join(arg, name);
        if (name.startsWith("~$") || name.startsWith(".")) continue; // Excel lock files and hidden files
        if (/\.(xlsx|json)$/i.test(name) || (fs.statSync(full).isDirectory() && isReturnCsvFolder(full))) out.push(full);
      }
    } else out.push(arg);
  }
  return out;
}

/** Names returns by their path relative to the working directory when that is short, else by base name. */
function labelFor(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : path.basename(file);
}

export async function collectFiles(
  files: string[],
  opts: CollectOptions = {},
  onProgress?: (done: number, total: number) => void,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<Rollup> {
  const inputs: CollectInput[] = [];
  for (let i = 0; i < files.length; i++) {
    const parsed = await readReturnFile(files[i], limits);
    const label = labelFor(files[i]);
    // Problems carry the base name; give them the same label the rest of the roll-up uses.
    if (!parsed.ok) for (const issue of parsed.issues) issue.file = label;
    inputs.push({ file: label, parsed });
    onProgress?.(i + 1, files.length);
  }
  return collect(inputs, opts);
}
