// Checks an .xlsx file's zip container before ExcelJS sees it, so a zip bomb or a giant sheet is
// turned away with a reason instead of exhausting memory. The central directory's declared sizes
// are checked first (cheap); each entry is then inflated with an output cap of its declared size, so
// an entry that lies about its size is caught without ever inflating more than the limit.
import * as zlib from "zlib";

export interface ZipLimits {
  /** Total declared uncompressed bytes. */
  maxUncompressedBytes: number;
  /** Rows in any one worksheet. */
  maxRowsPerSheet: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUncompressedBytes: 50 * 1024 * 1024, maxRowsPerSheet: 100_000, maxEntries: 2_000 };

export class ZipRejected extends Error {
  /** The zip entry concerned, when there is one (e.g. xl/worksheets/sheet2.xml). */
  constructor(
    message: string,
    readonly entry = "",
  ) {
    super(message);
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65535 bytes, at the very end of the file.
  const stop = Math.max(0, buf.length - 22 - 65535);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

function centralDirectory(buf: Buffer): Entry[] {
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new ZipRejected("not an .xlsx workbook (the file is not a zip package)");
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw new ZipRejected("the workbook is damaged (no zip central directory; the file may be truncated)");
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipRejected("the workbook uses ZIP64, which a return never needs");
  if (offset + size > eocd) throw new ZipRejected("the workbook is damaged (the zip central directory points outside the file)");
  const entries: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw new ZipRejected("the workbook is damaged (bad zip central directory entry)");
    const nameLength = buf.readUInt16LE(p + 28);
    entries.push({
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString("utf8", p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

function entryData(buf: Buffer, e: Entry): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL_SIGNATURE) throw new ZipRejected("the workbook is damaged (bad zip entry)", e.name);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) throw new ZipRejected("the workbook is damaged (a zip entry runs past the end of the file)", e.name);
  return buf.subarray(start, start + e.compressedSize);
}

function countRows(xml: Buffer): number {
  let n = 0;
  for (let i = xml.indexOf("<row"); i >= 0; i = xml.indexOf("<row", i + 4)) {
    const next = xml[i + 4];
    if (next === 0x20 || next === 0x3e || next === 0x2f) n++; // "<row " "<row>" "<row/>", not "<rows"
  }
  return n;
}

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Throws ZipRejected with a plain reason when the package is not a safe, reasonably sized workbook. */
export function checkXlsxPackage(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): void {
  const entries = centralDirectory(buf);
  if (entries.length > limits.maxEntries) throw new ZipRejected(`the workbook has ${entries.length} zip entries (limit ${limits.maxEntries})`);
  let declared = 0;
  for (const e of entries) declared += e.uncompressedSize;
  if (declared > limits.maxUncompressedBytes) {
    throw new ZipRejected(`the workbook would unpack to ${MB(declared)} (limit ${MB(limits.maxUncompressedBytes)}): refused as a possible zip bomb`);
  }
  if (!entries.some((e) => e.name === "xl/workbook.xml")) throw new ZipRejected("not an .xlsx workbook (no xl/workbook.xml in the package)");
  for (const e of entries) {
    if (e.name.endsWith("/")) continue;
    const data = entryData(buf, e);
    let inflated: Buffer;
    if (e.method === 0) inflated = data;
    else if (e.method === 8) {
      try {
        // One byte over the declared size is enough to prove the declaration false.
        inflated = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize + 1) });
      } catch (err) {
        if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
          throw new ZipRejected(`zip entry ${e.name} unpacks to more than its declared ${e.uncompressedSize} bytes: refused as a zip bomb`, e.name);
        }
        throw new ZipRejected(`the workbook is damaged (zip entry ${e.name} does not decompress: ${(err as Error).message})`, e.name);
      }
    } else throw new ZipRejected(`zip entry ${e.name} uses compression method ${e.method}, which Excel does not write`, e.name);
    if (inflated.length > e.uncompressedSize) {
      throw new ZipRejected(`zip entry ${e.name} unpacks to more than its declared ${e.uncompressedSize} bytes: refused as a zip bomb`, e.name);
    }
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      const rows = countRows(inflated);
      if (rows > limits.maxRowsPerSheet) throw new ZipRejected(`a worksheet (${e.name}) has ${rows} rows (limit ${limits.maxRowsPerSheet}): far beyond any return`, e.name);
    }
  }
}
