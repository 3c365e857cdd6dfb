// Which encoding a text file is in, decided from its bytes, with no character ever replaced silently.
// Excel on Windows saves "CSV (Comma delimited)" as Windows-1252 and "Unicode Text" as UTF-16 with a
// byte order mark; everything else we meet is UTF-8, with or without a BOM. The rule:
// - a BOM says UTF-8, UTF-16LE or UTF-16BE, and the text must then decode cleanly in it;
// - no BOM and zero bytes in every other place: UTF-16 without a BOM (noted);
// - no BOM and valid UTF-8: UTF-8;
// - otherwise Windows-1252, with a note naming the first byte that is not UTF-8 (line and column);
//   the five bytes Windows-1252 leaves undefined are refused at their line and column.
// The platform's TextDecoder does UTF-8 and UTF-16 and a 32-entry table does Windows-1252, so no
// library is needed (iconv-lite or chardet would add guessing we do not want: the rule above is exact).

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Said to the user when the encoding was a guess (e.g. Windows-1252 from a file that is not UTF-8). */
  note?: string;
}

/** A file whose bytes are not text in any encoding we read; the message names file, line and column. */
export class TextEncodingError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly problem: string,
  ) {
    super(`${file}: line ${line}, column ${column}: ${problem}`);
    this.name = "TextEncodingError";
  }
}

/** Line and column (1-based, in bytes from the line start) of a byte offset, counting LF bytes. */
function lineColumn(bytes: Uint8Array, offset: number, unit = 1): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i += unit) {
    if (bytes[i] === 0x0a && (unit === 1 || bytes[i + 1] === 0 || bytes[i - 1] === 0)) {
      line++;
      lineStart = i + unit;
    }
  }
  return { line, column: Math.floor((offset - lineStart) / unit) + 1 };
}

/** Offset of the first byte sequence that is not valid UTF-8, or -1 when all of it is. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let i = from;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

// Windows-1252's 0x80-0x9F (the rest of its bytes are their own code points). Decoded by hand:
// some Node builds decode the "windows-1252" label as ISO-8859-1, turning € into a control character.
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}

// Bytes Windows-1252 does not define; WHATWG decoders turn them into C1 controls, which would be a
// silent change of the user's text, so they are refused instead.
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function hex(b: number): string {
  return `0x${b.toString(16).toUpperCase().padStart(2, "0")}`;
}

function decodeUtf16(bytes: Uint8Array, from: number, encoding: "utf-16le" | "utf-16be", file: string): string {
  const body = bytes.subarray(from);
  if (body.length % 2 !== 0) {
    const at = lineColumn(bytes, bytes.length - 1, 2);
    throw new TextEncodingError(file, at.line, at.column, `the file is ${encoding.toUpperCase()} but ends in half a character (the file may be cut short)`);
  }
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    throw new TextEncodingError(file, 1, 1, `the file says it is ${encoding.toUpperCase()} (by its byte order mark) but holds a broken character`);
  }
}

/** Looks like UTF-16 without a BOM: zero bytes in most odd (LE) or even (BE) places of the first 4 KB. */
function bomlessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let oddZero = 0;
  let evenZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero === 0) return "utf-16le";
  if (evenZero > pairs * 0.6 && oddZero === 0) return "utf-16be";
  return null;
}

/** Decodes a text file's bytes; throws TextEncodingError naming file, line and column when it cannot. */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const bad = firstInvalidUtf8(bytes, 3);
    if (bad >= 0) {
      const at = lineColumn(bytes, bad);
      throw new TextEncodingError(file, at.line, at.column, `the file says it is UTF-8 (by its byte order mark) but byte ${hex(bytes[bad])} here is not UTF-8; save it again as "CSV UTF-8"`);
    }
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes, 2, "utf-16le", file), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes, 2, "utf-16be", file), encoding: "utf-16be" };
  const sixteen = bomlessUtf16(bytes);
  if (sixteen) {
    return { text: decodeUtf16(bytes, 0, sixteen, file), encoding: sixteen, note: `${file}: read as ${sixteen.toUpperCase()} (the file has no byte order mark, but every other byte is zero)` };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
  for (let i = 0; i < bytes.length; i++) {
    if (UNDEFINED_1252.has(bytes[i])) {
      const at = lineColumn(bytes, i);
      throw new TextEncodingError(file, at.line, at.column, `byte ${hex(bytes[i])} is not a character in UTF-8 or in Windows-1252; save the file again as "CSV UTF-8"`);
    }
  }
  const at = lineColumn(bytes, bad);
  return {
    text: decodeWindows1252(bytes),
    encoding: "windows-1252",
    note: `${file}: not UTF-8 (byte ${hex(bytes[bad])} at line ${at.line}, column ${at.column}), so read as Windows-1252, as Excel's "CSV (Comma delimited)" saves on Windows; check £ signs and accented names, or save the file as "CSV UTF-8"`,
  };
}
