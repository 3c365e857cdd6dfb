import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { XlsxReadError, XlsxWorkbook } from "../../src/xlsx/adapter";

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function reason(buf: Buffer, name = "plan.xlsx"): Promise<string> {
  try {
    await XlsxWorkbook.fromBuffer(buf, name);
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxReadError);
    expect((e as XlsxReadError).file).toBe(name);
    return (e as Error).message;
  }
  throw new Error("expected an XlsxReadError");
}

describe("files that are not readable workbooks get one plain sentence", () => {
  test("an empty file", async () => {
    expect(await reason(Buffer.alloc(0))).toBe("plan.xlsx: the file is empty (0 bytes)");
  });

  test("a CSV or text file saved with .xlsx on the end", async () => {
    expect(await reason(Buffer.from("id,action\nA1,Do things\n"))).toBe("plan.xlsx: not an Excel .xlsx workbook (the file is not a zip package)");
  });

  test("a password-protected workbook (an encrypted OLE container)", async () => {
    const encrypted = Buffer.concat([OLE, Buffer.alloc(504), Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(64)]);
    expect(await reason(encrypted)).toMatch(/^plan\.xlsx: the workbook is password protected \(encrypted\); remove the password/);
  });

  test("an old .xls file", async () => {
    expect(await reason(Buffer.concat([OLE, Buffer.alloc(1024)]), "old.xls")).toMatch(/^old\.xls: this is an old-format Excel 97-2003 \(\.xls\) file; open it in Excel and save it as \.xlsx$/);
  });

  test("a damaged zip (a download cut short)", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>".repeat(200));
    const whole = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    expect(await reason(whole.subarray(0, Math.floor(whole.length / 2)))).toMatch(/^plan\.xlsx: the workbook is damaged \(no zip central directory; the file may be truncated\)/);
  });

  test("a zip that is not a workbook (e.g. a Word document)", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    expect(await reason(await zip.generateAsync({ type: "nodebuffer" }), "report.xlsx")).toBe(
      "report.xlsx: not an Excel workbook (the zip package has no xl/workbook.xml; is it a Word or other Office file?)",
    );
  });

  test("a workbook whose parts are broken", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/workbook.xml", "<workbook><sheets><sheet name=");
    expect(await reason(await zip.generateAsync({ type: "nodebuffer" }))).toMatch(/^plan\.xlsx: the workbook is damaged and cannot be read/);
  });

  test("a missing file or a folder, by path", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-err-"));
    try {
      await expect(XlsxWorkbook.open(path.join(dir, "nope.xlsx"))).rejects.toThrow(`${path.join(dir, "nope.xlsx")}: file not found`);
      await expect(XlsxWorkbook.open(dir)).rejects.toThrow(`${dir}: a folder, not a file`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
