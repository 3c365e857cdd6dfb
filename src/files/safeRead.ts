// Reading a file the user names, safely: its type and size are checked before a byte is read, and
// at most the limit plus one byte is ever read, so a named pipe cannot hang a command, a link to
// /dev/zero cannot fill memory, and a dangling link, a link loop or an unreadable file becomes one
// plain sentence naming the file instead of a stack trace.
import * as fs from "fs";

/** A file refused before or while reading it; the message names the file. */
export class FileRejected extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = "FileRejected";
  }
}

export const MB = 1024 * 1024;

const mb = (n: number) => (n < 100 * 1024 ? `${n} bytes` : `${(n / MB).toFixed(1)} MB`);

/** Why the file at this path cannot be read as an ordinary file, or null when it can. */
function describeStatError(file: string, code: string | undefined): string {
  if (code === "ENOENT") {
    // lstat tells a missing file from a link whose target is missing.
    try {
      if (fs.lstatSync(file).isSymbolicLink()) return "a link to a file that does not exist (a dangling link)";
    } catch {
      /* missing altogether */
    }
    return "file not found";
  }
  if (code === "ELOOP") return "a link that loops back on itself (a link loop)";
  if (code === "EACCES" || code === "EPERM") return "cannot be read (permission denied)";
  if (code === "ENOTDIR") return "file not found (part of the path is not a folder)";
  if (code === "ENAMETOOLONG") return "the path is too long";
  return `cannot be read (${code ?? "unknown error"})`;
}

/** What kind of thing a non-regular file is, in plain words. */
export function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return "a folder, not a file";
  if (stat.isFIFO()) return "a named pipe, not a file";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device, not a file";
  if (stat.isSocket()) return "a socket, not a file";
  return "not an ordinary file";
}

/** Stats a path (following links) for reading; throws FileRejected unless it is an ordinary file within maxBytes. */
export function checkInputFile(file: string, maxBytes: number, label = file): fs.Stats {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw new FileRejected(label, describeStatError(file, (e as NodeJS.ErrnoException).code));
  }
  if (!stat.isFile()) throw new FileRejected(label, kindOf(stat));
  if (stat.size > maxBytes) throw new FileRejected(label, `the file is ${mb(stat.size)} (limit ${mb(maxBytes)})`);
  return stat;
}

/**
 * The bytes of an ordinary file of at most maxBytes. The type is checked before opening, opened
 * non-blocking (a path swapped for a pipe after the check cannot hang the open), checked again on
 * the open descriptor, and read to at most maxBytes + 1 bytes whatever the file claims its size is.
 */
export function readInputFile(file: string, maxBytes: number, label = file): Buffer {
  checkInputFile(file, maxBytes, label);
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new FileRejected(label, describeStatError(file, (e as NodeJS.ErrnoException).code));
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new FileRejected(label, kindOf(stat));
    const cap = maxBytes + 1;
    const buf = Buffer.allocUnsafe(Math.min(cap, Math.max(stat.size, 0) + 1));
    let got = 0;
    let out = buf;
    for (;;) {
      if (got === out.length) {
        if (out.length >= cap) break;
        // The file grew since it was measured: grow the buffer, never past the cap.
        const bigger = Buffer.allocUnsafe(Math.min(cap, out.length * 2 + 1));
        out.copy(bigger, 0, 0, got);
        out = bigger;
      }
      let n: number;
      try {
        n = fs.readSync(fd, out, got, out.length - got, null);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new FileRejected(label, code === "EISDIR" ? "a folder, not a file" : `cannot be read (${code ?? (e as Error).message})`);
      }
      if (n === 0) break;
      got += n;
    }
    if (got > maxBytes) throw new FileRejected(label, `the file is larger than the limit of ${mb(maxBytes)}`);
    return out.subarray(0, got);
  } finally {
    fs.closeSync(fd);
  }
}

/** The identity of a file (device and inode), following links; null when it does not exist. */
export function fileIdentity(file: string): { dev: number; ino: number } | null {
  try {
    const s = fs.statSync(file);
    return { dev: s.dev, ino: s.ino };
  } catch {
    return null;
  }
}
