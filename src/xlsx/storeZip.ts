// A zip of stored (uncompressed) entries, written in one pass: how the opener hands the parts it has
// already inflated and checked to ExcelJS, which then has nothing to inflate. JSZip's own writer
// does the same job some ten times slower (it streams each entry through its worker chain).
// Layout per the ZIP specification (PKWARE APPNOTE 4.3): local headers and data, the central
// directory, the end record. Plain bytes only: the task pane uses it too.

export interface StoredEntry {
  name: string;
  bytes: Uint8Array;
  /** CRC-32 of bytes; computed when not given. */
  crc32?: number;
}

let table: Uint32Array | undefined;

/** CRC-32 (the zip and PNG polynomial, 0xEDB88320). */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const encoder = new TextEncoder();
const UTF8_NAMES = 0x0800; // general purpose flag bit 11: names are UTF-8

/** The entries as one zip with every entry stored. */
export function storeZip(entries: StoredEntry[]): Uint8Array {
  const names = entries.map((e) => encoder.encode(e.name));
  const crcs = entries.map((e) => e.crc32 ?? crc32(e.bytes));
  let local = 0;
  let central = 0;
  for (let i = 0; i < entries.length; i++) {
    local += 30 + names[i].length + entries[i].bytes.length;
    central += 46 + names[i].length;
  }
  const out = new Uint8Array(local + central + 22);
  const dv = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  for (let i = 0; i < entries.length; i++) {
    const size = entries[i].bytes.length;
    offsets.push(p);
    dv.setUint32(p, 0x04034b50, true);
    dv.setUint16(p + 4, 20, true); // version needed: 2.0
    dv.setUint16(p + 6, UTF8_NAMES, true);
    dv.setUint32(p + 14, crcs[i], true);
    dv.setUint32(p + 18, size, true);
    dv.setUint32(p + 22, size, true);
    dv.setUint16(p + 26, names[i].length, true);
    out.set(names[i], p + 30);
    out.set(entries[i].bytes, p + 30 + names[i].length);
    p += 30 + names[i].length + size;
  }
  for (let i = 0; i < entries.length; i++) {
    const size = entries[i].bytes.length;
    dv.setUint32(p, 0x02014b50, true);
    dv.setUint16(p + 4, 20, true); // version made by
    dv.setUint16(p + 6, 20, true); // version needed
    dv.setUint16(p + 8, UTF8_NAMES, true);
    dv.setUint32(p + 16, crcs[i], true);
    dv.setUint32(p + 20, size, true);
    dv.setUint32(p + 24, size, true);
    dv.setUint16(p + 28, names[i].length, true);
    dv.setUint32(p + 42, offsets[i], true);
    out.set(names[i], p + 46);
    p += 46 + names[i].length;
  }
  dv.setUint32(p, 0x06054b50, true);
  dv.setUint16(p + 8, entries.length, true);
  dv.setUint16(p + 10, entries.length, true);
  dv.setUint32(p + 12, central, true);
  dv.setUint32(p + 16, local, true);
  return out;
}
