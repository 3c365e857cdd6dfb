// A corpus of hostile and broken returns, built here in code: each must give a clear reject, not a crash.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parsePeriod } from "../../src/model/period";
import { buildReturn } from "../../src/qsr/buildReturn";
import { collectReturns } from "../../src/app/collect";
import { returnFileSources } from "../../src/qsr/files/collectFiles";
import { readReturnFile } from "../../src/qsr/files/readReturnFile";
import { RETURN_LIMITS } from "../../src/xlsx/open";
import { writeReturnCsv } from "../../src/qsr/files/returnCsv";
import { returnJson } from "../../src/qsr/files/returnJson";
import { returnWorkbook } from "../../src/qsr/files/returnXlsx";
import { QsrReturn } from "../../src/qsr/schema";
import { realisticPlan, SETTINGS } from "./planFixtures";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsr-hostile-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function aReturn(planId = "DSP-ASC-2024", preparedOn = "2024-10-07"): QsrReturn {
  return buildReturn(realisticPlan(planId, "Adult Social Care", 4, 4), SETTINGS, parsePeriod("2024/25 Q2"), { preparedBy: "A. Director", preparedOn, draft: false });
}

async function validXlsx(r = aReturn()): Promise<Buffer> {
  return Buffer.from(await returnWorkbook(r).xlsx.writeBuffer());
}

/** Loads the valid return workbook, lets the test spoil it, and saves it under name. */
async function spoiled(name: string, spoil: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await validXlsx()) as unknown as ExcelJS.Buffer);
  spoil(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function write(name: string, data: Buffer | string): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

async function rejectOf(file: string) {
  const parsed = await readReturnFile(file);
  if (parsed.ok) throw new Error(`${file} was accepted`);
  return parsed.issues;
}

describe("hostile returns are rejected with a clear reason", () => {
  it("a corrupt (truncated) zip", async () => {
    const buf = await validXlsx();
    const [issue] = await rejectOf(await write("truncated.xlsx", buf.subarray(0, Math.floor(buf.length / 2))));
    expect(issue).toMatchObject({ file: "truncated.xlsx", reason: expect.stringMatching(/damaged/) });
  });

  it("a file that is not a workbook, and an empty file", async () => {
    expect((await rejectOf(await write("notes.xlsx", "Dear BI team, please find attached...")))[0].reason).toMatch(/not an Excel \.xlsx workbook \(the file is not a zip package\)/);
    expect((await rejectOf(await write("empty.xlsx", Buffer.alloc(0))))[0].reason).toBe("the file is empty (0 bytes)");
  });

  it("a zip that is not a workbook", async () => {
    const zip = new JSZip();
    zip.file("readme.txt", "hello");
    const [issue] = await rejectOf(await write("other.xlsx", await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })));
    expect(issue.reason).toMatch(/no xl\/workbook\.xml/);
  });

  it("a zip bomb declaring a huge size", async () => {
    // Built small and checked against a 1 MB limit so the test stays quick; the default limit is 50 MB.
    expect(RETURN_LIMITS.maxUncompressedBytes).toBe(50 * 1024 * 1024);
    const zip = await JSZip.loadAsync(await validXlsx());
    zip.file("xl/media/filler.bin", Buffer.alloc(2 * 1024 * 1024));
    const file = await write("bomb.xlsx", await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const parsed = await readReturnFile(file, { ...RETURN_LIMITS, maxUncompressedBytes: 1024 * 1024 });
    expect(parsed.ok ? "accepted" : parsed.issues[0].reason).toMatch(/would unpack to 2\.\d MB \(limit 1\.0 MB\): refused as a possible zip bomb/);
  });

  it("a zip bomb lying about its size", async () => {
    const zip = await JSZip.loadAsync(await validXlsx());
    zip.file("xl/media/filler.bin", Buffer.alloc(8 * 1024 * 1024));
    const buf = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    // Rewrite the entry's declared uncompressed size (central directory, offset 24) to 1000 bytes.
    const name = Buffer.from("xl/media/filler.bin");
    let p = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    while (p >= 0 && !buf.subarray(p + 46, p + 46 + name.length).equals(name)) p = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4);
    buf.writeUInt32LE(1000, p + 24);
    const [issue] = await rejectOf(await write("liar.xlsx", buf));
    expect(issue.reason).toBe("zip entry xl/media/filler.bin unpacks to more than its declared 1000 bytes: refused as a zip bomb");
  });

  it("a huge sheet", async () => {
    const zip = await JSZip.loadAsync(await validXlsx());
    const rows = Array.from({ length: 100_001 }, (_, i) => `<row r="${i + 2}"/>`).join("");
    zip.file("xl/worksheets/sheet3.xml", `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
    const [issue] = await rejectOf(await write("huge.xlsx", await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })));
    expect(issue.reason).toBe("a worksheet (xl/worksheets/sheet3.xml) has 100001 rows (limit 100000)");
  });

  it("a wrong format version", async () => {
    const file = await spoiled("v3.xlsx", (wb) => {
      wb.getWorksheet("Return")!.getCell("B1").value = 3;
    });
    expect(await rejectOf(file)).toEqual([{ file: "v3.xlsx", sheet: "Return", cell: "B1", reason: "format version 3 is not supported (this collector reads versions 1 to 2)" }]);
  });

  it("wrong types, naming the sheet and cell", async () => {
    const file = await spoiled("types.xlsx", (wb) => {
      const ws = wb.getWorksheet("Measures")!;
      ws.getCell("K2").value = "about forty"; // Baseline
      ws.getCell("P3").value = "Purple"; // RAG
      wb.getWorksheet("Actions")!.getCell("F2").value = "soon"; // Due date
      wb.getWorksheet("Return")!.getCell("B10").value = "Q2"; // Period
    });
    const issues = await rejectOf(file);
    expect(issues).toEqual(
      expect.arrayContaining([
        { file: "types.xlsx", sheet: "Measures", cell: "K2", reason: 'Baseline: "about forty" is not a number' },
        expect.objectContaining({ sheet: "Measures", cell: "P3", reason: expect.stringMatching(/^RAG: /) }),
        { file: "types.xlsx", sheet: "Actions", cell: "F2", reason: 'Due date: "soon" is not a date (dd/mm/yyyy or yyyy-mm-dd)' },
        expect.objectContaining({ sheet: "Return", cell: "B10", reason: expect.stringMatching(/^Period: /) }),
      ]),
    );
  });

  it("a formula cell is refused; formula-like text is kept as text", async () => {
    const file = await spoiled("formula.xlsx", (wb) => {
      wb.getWorksheet("Actions")!.getCell("L3").value = { formula: 'HYPERLINK("http://evil.example","Click")', result: "Click" } as ExcelJS.CellFormulaValue;
    });
    expect(await rejectOf(file)).toEqual([{ file: "formula.xlsx", sheet: "Actions", cell: "L3", reason: expect.stringMatching(/holds a formula/) }]);
    const textFile = await spoiled("formula-text.xlsx", (wb) => {
      wb.getWorksheet("Actions")!.getCell("L3").value = "=cmd|' /C calc'!A0";
    });
    const parsed = await readReturnFile(textFile);
    expect(parsed.ok && parsed.value.actions[1].progress).toBe("=cmd|' /C calc'!A0");
  });

  it("a missing table and a missing column", async () => {
    const noMeasures = await spoiled("no-measures.xlsx", (wb) => wb.removeWorksheet(wb.getWorksheet("Measures")!.id));
    expect(await rejectOf(noMeasures)).toEqual([{ file: "no-measures.xlsx", sheet: "Measures", cell: "", reason: "the Measures table is missing" }]);
    const noColumn = await spoiled("no-column.xlsx", (wb) => {
      wb.getWorksheet("Actions")!.getCell("K1").value = "Status of action";
    });
    expect(await rejectOf(noColumn)).toEqual([{ file: "no-column.xlsx", sheet: "Actions", cell: "row 1", reason: 'no "Action status" column' }]);
    const noHeader = await spoiled("no-return.xlsx", (wb) => wb.removeWorksheet(wb.getWorksheet("Return")!.id));
    expect((await rejectOf(noHeader))[0].reason).toMatch(/no Return sheet: this is not a QSR return/);
  });

  it("repeated IDs within a return", async () => {
    const file = await spoiled("dup-ids.xlsx", (wb) => {
      const ws = wb.getWorksheet("Actions")!;
      ws.getCell("A3").value = ws.getCell("A2").value;
    });
    expect(await rejectOf(file)).toEqual([{ file: "dup-ids.xlsx", sheet: "Actions", cell: "A3", reason: "Action DSP-ASC-2024-A01 appears again (first at row 2)" }]);
  });

  it("CSV returns that are broken or of the wrong types", async () => {
    const folder = path.join(dir, "csv-bad");
    writeReturnCsv(aReturn("DSP-CSV-2024"), folder);
    const measures = path.join(folder, "measures.csv");
    const original = fs.readFileSync(measures, "utf8");
    const [header, first, ...rest] = original.split("\r\n");
    const baseline = header.split(",").indexOf("baseline");
    fs.writeFileSync(
      measures,
      [
        header,
        first
          .split(",")
          .map((v, i) => (i === baseline ? "forty" : v))
          .join(","),
        ...rest,
      ].join("\r\n"),
    );
    expect(await rejectOf(folder)).toEqual([{ file: "csv-bad", sheet: "measures.csv", cell: "K2", reason: 'Baseline: "forty" is not a number' }]);
    fs.writeFileSync(measures, original + '"never closed,\r\n');
    expect((await rejectOf(folder))[0].reason).toMatch(/^measures\.csv: line \d+: a quoted value is never closed/);
    fs.rmSync(folder, { recursive: true });
  });

  it("JSON that is broken or of the wrong types", async () => {
    expect((await rejectOf(await write("broken.json", "{ not json")))[0].reason).toMatch(/^not valid JSON/);
    const r = JSON.parse(returnJson(aReturn()));
    r.measures[1].actual = "lots";
    expect(await rejectOf(await write("types.json", JSON.stringify(r)))).toEqual([{ file: "types.json", sheet: "measures", cell: "[1].actual", reason: expect.stringMatching(/expected number/) }]);
    r.header.formatVersion = 3;
    expect((await rejectOf(await write("v3.json", JSON.stringify(r))))[0].reason).toBe("format version 3 is not supported (this collector reads versions 1 to 2)");
  });

  it("a duplicate return for the same plan and quarter: the later prepared-on wins, the other is a reject", async () => {
    const early = await write("early.xlsx", await validXlsx(aReturn("DSP-ASC-2024", "2024-10-07")));
    const late = await write("late.xlsx", await validXlsx(aReturn("DSP-ASC-2024", "2024-10-09T08:00:00Z")));
    const rollup = await collectReturns(returnFileSources([late, early]));
    expect(rollup.returns.map((x) => path.basename(x.returnFile))).toEqual(["late.xlsx"]);
    expect(rollup.rejects).toEqual([expect.objectContaining({ file: expect.stringMatching(/early\.xlsx$/), reason: expect.stringMatching(/^duplicate return for DSP-ASC-2024 2024\/25 Q2/) })]);
  });

  it("the whole corpus collects without a crash, every bad file listed in Rejects", async () => {
    const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
    const rollup = await collectReturns(returnFileSources(files, { ...RETURN_LIMITS, maxUncompressedBytes: 1024 * 1024 }));
    const rejected = new Set(rollup.rejects.map((r) => path.basename(r.file)));
    for (const f of files) if (!/^(late|formula-text)\./.test(path.basename(f))) expect(rejected).toContain(path.basename(f));
    expect(rollup.rejects.every((r) => r.reason.length > 10)).toBe(true);
  });
});
