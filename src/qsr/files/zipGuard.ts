// Checks an .xlsx file's zip container before ExcelJS sees it, so a zip bomb or a giant sheet is
// turned away with a reason instead of exhausting memory. The central directory's declared sizes
// are checked first (cheap); each entry is then inflated with an output cap of its declared size, so
// an entry that lies about its size is caught without inflating much past the limit. Plain bytes
// only (no Node APIs): the inflater is passed in, zlib's on the command line (zipInflate.node.ts),
// JSZip's in the task pane (zipInflate.ts).

export interface ZipLimits {
  /** Total declared uncompressed bytes. */
  maxUncompressedBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUncompressedBytes: 50 * 1024 * 1024, maxEntries: 2_000 };

export class ZipRejected extends Error {
  /** The zip entry concerned, when there is one (e.g. xl/worksheets/sheet2.xml). */
  constructor(
    message: string,
    readonly entry = "",
  ) {
    super(message);
  }
}

/** One entry as the central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  /** The CRC-32 of the uncompressed bytes, as declared (not checked: ExcelJS and Excel do not either). */
  crc32: number;
}

/**
 * Inflates one deflated entry (its raw deflate data), stopping as soon as the output passes cap
 * bytes: then it resolves "too large". Any other failure rejects with the inflater's error.
 */
export type CappedInflate = (entry: ZipEntry, compressed: Uint8Array, cap: number) => Promise<Uint8Array | "too large">;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

const utf8 = new TextDecoder("utf-8");

function view(buf: Uint8Array): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

function findEndOfCentralDirectory(buf: Uint8Array, dv: DataView): number {
  // The record is 22 bytes plus a comment of up to 65535 bytes, at the very end of the file.
  const stop = Math.max(0, buf.length - 22 - 65535);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (dv.getUint32(i, true) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

/** The entries the zip's central directory lists; throws ZipRejected when it is not a sound zip. */
function centralDirectory(buf: Uint8Array): ZipEntry[] {
  const dv = view(buf);
  if (buf.length < 22 || dv.getUint32(0, true) !== LOCAL_SIGNATURE) throw new ZipRejected("not an .xlsx workbook (the file is not a zip package)");
  const eocd = findEndOfCentralDirectory(buf, dv);
  if (eocd < 0) throw new ZipRejected("the workbook is damaged (no zip central directory; the file may be truncated)");
  const count = dv.getUint16(eocd + 10, true);
  const size = dv.getUint32(eocd + 12, true);
  const offset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipRejected("the workbook uses ZIP64 (over 65,535 parts or 4 GB), far beyond any plan or return");
  if (offset + size > eocd) throw new ZipRejected("the workbook is damaged (the zip central directory points outside the file)");
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || dv.getUint32(p, true) !== CENTRAL_SIGNATURE) throw new ZipRejected("the workbook is damaged (bad zip central directory entry)");
    const nameLength = dv.getUint16(p + 28, true);
    if (p + 46 + nameLength > buf.length) throw new ZipRejected("the workbook is damaged (bad zip central directory entry)");
    entries.push({
      method: dv.getUint16(p + 10, true),
      crc32: dv.getUint32(p + 16, true),
      compressedSize: dv.getUint32(p + 20, true),
      uncompressedSize: dv.getUint32(p + 24, true),
      localOffset: dv.getUint32(p + 42, true),
      name: utf8.decode(buf.subarray(p + 46, p + 46 + nameLength)),
    });
    p += 46 + nameLength + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return entries;
}

/** The compressed bytes of one entry, found through its local header. */
export function entryData(buf: Uint8Array, e: ZipEntry): Uint8Array {
  const dv = view(buf);
  const p = e.localOffset;
  if (p + 30 > buf.length || dv.getUint32(p, true) !== LOCAL_SIGNATURE) throw new ZipRejected("the workbook is damaged (bad zip entry)", e.name);
  const start = p + 30 + dv.getUint16(p + 26, true) + dv.getUint16(p + 28, true);
  if (start + e.compressedSize > buf.length) throw new ZipRejected("the workbook is damaged (a zip entry runs past the end of the file)", e.name);
  return buf.subarray(start, start + e.compressedSize);
}

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export const bomb = (e: ZipEntry) => new ZipRejected(`zip entry ${e.name} unpacks to more than its declared ${e.uncompressedSize} bytes: refused as a zip bomb`, e.name);

/** The central directory's entries, refused when too many, declared too large (the `counted` ones together), or not a workbook. */
export function checkedEntries(buf: Uint8Array, limits: Pick<ZipLimits, "maxEntries" | "maxUncompressedBytes">, counted: (e: ZipEntry) => boolean = () => true): ZipEntry[] {
  const entries = centralDirectory(buf);
  if (entries.length > limits.maxEntries) throw new ZipRejected(`the workbook has ${entries.length} zip entries (limit ${limits.maxEntries})`);
  let declared = 0;
  for (const e of entries) if (counted(e)) declared += e.uncompressedSize;
  if (declared > limits.maxUncompressedBytes) {
    throw new ZipRejected(`the workbook would unpack to ${MB(declared)} (limit ${MB(limits.maxUncompressedBytes)}): refused as a possible zip bomb`);
  }
  if (!entries.some((e) => e.name === "xl/workbook.xml")) throw new ZipRejected("not an Excel workbook (the zip package has no xl/workbook.xml; is it a Word or other Office file?)");
  return entries;
}

/** One entry's bytes, inflated no further than its declared size (a part that lies about it is a bomb). */
export async function inflateEntry(buf: Uint8Array, e: ZipEntry, inflate: CappedInflate): Promise<Uint8Array> {
  const data = entryData(buf, e);
  let inflated: Uint8Array | "too large";
  if (e.method === 0) inflated = data;
  else if (e.method === 8) {
    try {
      // One byte over the declared size is enough to prove the declaration false.
      inflated = await inflate(e, data, e.uncompressedSize);
    } catch (err) {
      throw new ZipRejected(`the workbook is damaged (zip entry ${e.name} does not decompress: ${(err as Error).message})`, e.name);
    }
  } else throw new ZipRejected(`zip entry ${e.name} uses compression method ${e.method}, which Excel does not write`, e.name);
  if (inflated === "too large" || inflated.length > e.uncompressedSize) throw bomb(e);
  return inflated;
}

/** An entry with its inflated bytes. */
export interface InflatedEntry {
  entry: ZipEntry;
  bytes: Uint8Array;
}

/**
 * Rejects with ZipRejected and a plain reason when the package is not a safe, reasonably sized
 * workbook; otherwise gives every entry's inflated bytes, so the opener never inflates twice.
 */
export async function checkXlsxPackage(buf: Uint8Array, limits: ZipLimits, inflate: CappedInflate): Promise<Map<string, InflatedEntry>> {
  const contents = new Map<string, InflatedEntry>();
  const entries = checkedEntries(buf, limits);
  for (const e of entries) {
    if (e.name.endsWith("/")) continue;
    contents.set(e.name, { entry: e, bytes: await inflateEntry(buf, e, inflate) });
  }
  return contents;
}
