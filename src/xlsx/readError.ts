// Files that cannot be opened get one plain sentence naming the file and why, before ExcelJS
// produces something cryptic: the first bytes tell an empty file, an old or encrypted OLE file and a zip apart.

export class XlsxReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = "XlsxReadError";
  }
}

const ZIP_MAGIC = [0x50, 0x4b]; // "PK"
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

/** Throws XlsxReadError when the bytes cannot be an .xlsx file; says which kind of wrong it is. */
export function checkXlsxSignature(buf: Uint8Array, file: string): void {
  if (buf.length === 0) throw new XlsxReadError(file, "the file is empty (0 bytes)");
  if (startsWith(buf, OLE_MAGIC)) {
    // Excel wraps a password-protected workbook in an OLE container holding an "EncryptionInfo" stream.
    const utf16 = Buffer.from("EncryptionInfo", "utf16le");
    if (Buffer.from(buf).includes(utf16)) {
      throw new XlsxReadError(file, "the workbook is password protected (encrypted); remove the password in Excel (File > Info > Protect Workbook) and save again");
    }
    throw new XlsxReadError(file, "this is an old-format Excel 97-2003 (.xls) file; open it in Excel and save it as .xlsx");
  }
  if (!startsWith(buf, ZIP_MAGIC)) {
    throw new XlsxReadError(file, "not an Excel .xlsx workbook (the file is not a zip package)");
  }
}
