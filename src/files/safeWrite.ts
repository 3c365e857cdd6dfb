// Writing a file the user names, by one rule for every command: an existing file is replaced only
// with --force; an input of the command is never written, whatever path names it (a symlink, a hard
// link, "./x/../plan.xlsx": files are compared by device and inode, and by real path); the bytes go
// to a temporary file in the same folder that is renamed into place, so a full disk or a crash never
// leaves half a file where a good one was. Every message names the file.
import * as fs from "fs";
import * as path from "path";
import { FileRejected, fileIdentity, kindOf } from "./safeRead";

export interface OutputRules {
  /** Replace an existing file (never an input). */
  force?: boolean;
  /** Every file the command reads; none of them may be written. */
  inputs: readonly string[];
  /** How to name the output in messages (default: the path as given). */
  label?: string;
}

function realPathOrNull(file: string): string | null {
  try {
    return fs.realpathSync(file);
  } catch {
    return null;
  }
}

/** Where the output would really land: the real folder plus the file name (the folder may hold a link). */
function landingPath(out: string): string {
  const dir = realPathOrNull(path.dirname(path.resolve(out))) ?? path.dirname(path.resolve(out));
  return path.join(dir, path.basename(out));
}

interface InputIndex {
  ids: Set<string>;
  reals: Set<string>;
}

// A command may read thousands of inputs (a folder of returns) and write several outputs: each
// input list is resolved once, then every output is a set lookup.
const indexes = new WeakMap<readonly string[], InputIndex>();

function indexOf(inputs: readonly string[]): InputIndex {
  let index = indexes.get(inputs);
  if (!index) {
    index = { ids: new Set(), reals: new Set() };
    for (const input of inputs) {
      const id = fileIdentity(input);
      if (id) index.ids.add(`${id.dev}:${id.ino}`);
      index.reals.add(realPathOrNull(input) ?? landingPath(input));
    }
    indexes.set(inputs, index);
  }
  return index;
}

/** True when out names one of the inputs, by identity (device and inode) or by real path. */
function isAnInput(out: string, inputs: readonly string[]): boolean {
  const index = indexOf(inputs);
  const id = fileIdentity(out);
  if (id && index.ids.has(`${id.dev}:${id.ino}`)) return true;
  return index.reals.has(realPathOrNull(out) ?? landingPath(out)) || index.reals.has(landingPath(out));
}

/** Throws FileRejected when out may not be written; call before the work so nothing is wasted. */
export function checkOutputPath(out: string, rules: OutputRules): void {
  const label = rules.label ?? out;
  if (isAnInput(out, rules.inputs)) throw new FileRejected(label, "this is one of the files being read; it is never overwritten: choose another file name");
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(out);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ELOOP") throw new FileRejected(label, "a link that loops back on itself (a link loop)");
    stat = undefined;
  }
  if (stat && !stat.isFile()) throw new FileRejected(label, `${kindOf(stat)}: cannot be written as a file`);
  if (stat && !rules.force) throw new FileRejected(label, "the file already exists; add --force to replace it (nothing is overwritten without it)");
  if (!stat) {
    try {
      if (fs.lstatSync(out).isSymbolicLink()) throw new FileRejected(label, "a link to a file that does not exist (a dangling link); remove it or choose another name");
    } catch (e) {
      if (e instanceof FileRejected) throw e;
    }
  }
}

function reasonFor(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOSPC") return "could not be written: the disk is full (nothing was changed)";
  if (code === "EDQUOT") return "could not be written: the disk quota is used up (nothing was changed)";
  if (code === "EACCES" || code === "EPERM") return "could not be written: permission denied";
  if (code === "EROFS") return "could not be written: the disk is read-only";
  if (code === "ENOENT") return "could not be written: the folder does not exist";
  return `could not be written (${code ?? (e as Error).message})`;
}

/** The writing steps, replaceable in tests (a full disk cannot be made on demand). */
interface WriteSteps {
  writeFile(file: string, data: Uint8Array | string): void;
}

const realSteps: WriteSteps = {
  writeFile: (file, data) => {
    const fd = fs.openSync(file, "wx", 0o644);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  },
};

/**
 * Writes data to out by the one rule: checks the path, writes a temporary file beside it and renames
 * it into place. Creates the folder when missing. Throws FileRejected naming the file on any failure,
 * leaving whatever was at out untouched.
 */
export function writeOutputFile(out: string, data: Uint8Array | string, rules: OutputRules, steps: WriteSteps = realSteps): void {
  const label = rules.label ?? out;
  checkOutputPath(out, rules);
  const dir = path.dirname(path.resolve(out));
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new FileRejected(label, reasonFor(e));
  }
  const temp = path.join(dir, `.${path.basename(out)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    steps.writeFile(temp, data);
    // Checked again just before the rename: the command may have run for a while.
    checkOutputPath(out, rules);
    fs.renameSync(temp, out);
  } catch (e) {
    try {
      fs.unlinkSync(temp);
    } catch {
      /* never created */
    }
    if (e instanceof FileRejected) throw e;
    throw new FileRejected(label, reasonFor(e));
  }
}
