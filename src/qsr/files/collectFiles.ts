// The return files named on the command line (files, or folders of them), as sources to collect.
import * as fs from "fs";
import * as path from "path";
import type { ReturnSource } from "../../app/collect";
import { readReturnFile } from "./readReturnFile";
import { isReturnCsvFolder } from "./returnCsv";
import { OpenLimits, RETURN_LIMITS } from "../../xlsx/open";

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
      let names: string[];
      try {
        names = fs.readdirSync(arg).sort();
      } catch {
        // An unreadable folder: passed on, so the reader rejects it with its reason.
        out.push(arg);
        continue;
      }
      for (const name of names) {
        const full = path.join(arg, name);
        if (name.startsWith("~$") || name.startsWith(".")) continue; // Excel lock files and hidden files
        // Any .xlsx or .json name is read (a pipe, device or broken link under such a name becomes a reject
        // with its reason); other entries count only when they are CSV return folders.
        if (/\.(xlsx|json)$/i.test(name)) out.push(full);
        else if (isFolder(full) && isReturnCsvFolder(full)) out.push(full);
      }
    } else out.push(arg);
  }
  return out;
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false; // a dangling link or a loop is not a CSV return folder
  }
}

/** Names returns by their path relative to the working directory when that is short, else by base name. */
function labelFor(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : path.basename(file);
}

/** The returns named on the command line as sources for the collect use case (src/app/collect.ts). */
export function returnFileSources(files: readonly string[], limits: OpenLimits = RETURN_LIMITS): ReturnSource[] {
  return files.map((file) => ({ label: labelFor(file), read: () => readReturnFile(file, limits) }));
}
