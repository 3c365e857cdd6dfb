// Files that cannot be opened get one plain sentence naming the file and why, before ExcelJS
// produces something cryptic: the first bytes tell an empty file, an old or encrypted OLE file and a zip apart.

export class XlsxReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly sheet = "",
    readonly cell = "",
  ) {
    super(`${file}: ${sheet ? `sheet ${sheet}${cell ? `, cell ${cell}` : ""}: ` : ""}${reason}`);
    this.name = "XlsxReadError";
  }
}

const ZIP_MAGIC = [0x50, 0x4b]; // "PK"
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

/** Whether the bytes hold the text in UTF-16LE; plain bytes so it also runs in the browser (no Buffer). */
function containsUtf16(buf: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i); // ASCII text: high bytes stay 0
  outer: for (let i = 0; i + needle.length <= buf.length; i++) {
    for (let j = 0; j < needle.length; j++) if (buf[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Throws XlsxReadError when the bytes cannot be an .xlsx file; says which kind of wrong it is. */
export function checkXlsxSignature(buf: Uint8Array, file: string): void {
  if (buf.length === 0) throw new XlsxReadError(file, "the file is empty (0 bytes)");
  if (startsWith(buf, OLE_MAGIC)) {
    // Excel wraps a password-protected workbook in an OLE container holding an "EncryptionInfo" stream.
    if (containsUtf16(buf, "EncryptionInfo")) {
      throw new XlsxReadError(file, "the workbook is password protected (encrypted); remove the password in Excel (File > Info > Protect Workbook) and save again");
    }
    throw new XlsxReadError(file, "this is an old-format Excel 97-2003 (.xls) file; open it in Excel and save it as .xlsx");
  }
  if (!startsWith(buf, ZIP_MAGIC)) {
    throw new XlsxReadError(file, "not an Excel .xlsx workbook (the file is not a zip package)");
  }
}
