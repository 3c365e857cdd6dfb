import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { isoToSerial } from "../../src/model/dates";
import { ACTION_COLUMNS, MEASURE_COLUMNS } from "../../src/model/plan";
import { planDesign } from "../../src/workbook/design";
import { readPlan } from "../../src/workbook/readPlan";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { toFileFormula } from "../../src/xlsx/fileFormula";
import { handPickedActions, handPickedMeasures, sampleDetails, sampleRegister, seftonFramework } from "../workbook/samplePlan";

const framework = seftonFramework();
const design = planDesign({ details: sampleDetails(), framework, actions: handPickedActions(), measures: handPickedMeasures(), register: sampleRegister(), reportingDate: "2024-09-30" });
const emptyDesign = planDesign({ details: sampleDetails(), framework });

async function created(d = design): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.create();
  await wb.apply(d);
  return wb;
}

async function zipOf(buf: Buffer): Promise<JSZip> {
  return JSZip.loadAsync(buf);
}

/** table name -> its part's XML. */
async function tableParts(buf: Buffer): Promise<Map<string, string>> {
  const zip = await zipOf(buf);
  const parts = new Map<string, string>();
  for (const p of Object.keys(zip.files).filter((f) => /^xl\/tables\/.*\.xml$/.test(f))) {
    const xml = await zip.file(p)!.async("string");
    parts.set(/<table\b[^>]*\bname="([^"]+)"/.exec(xml)![1], xml);
  }
  return parts;
}

function calculated(xml: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of xml.matchAll(/<tableColumn\b[^>]*\bname="([^"]+)"[^>]*>\s*<calculatedColumnFormula>([\s\S]*?)<\/calculatedColumnFormula>/g)) {
    found.set(
      m[1],
      m[2]
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&"),
    );
  }
  return found;
}

function formulaOf(header: string, table: string): string {
  const t = design.sheets.flatMap((s) => s.tables).find((x) => x.name === table)!;
  return toFileFormula(t.columns.find((c) => c.header === header)!.formula!);
}

async function sheetXml(buf: Buffer, sheetName: string): Promise<string> {
  const zip = await zipOf(buf);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rId = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rId}"`).exec(rels)![1];
  return zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-xlsx-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("calculated column formulas (which ExcelJS does not write)", () => {
  test("each formula column's <tableColumn> carries its calculatedColumnFormula, without '='", async () => {
    const parts = await tableParts(await (await created()).toBuffer());
    expect(calculated(parts.get("Actions")!)).toEqual(new Map([["Action status", formulaOf("Action status", "Actions")]]));
    expect(calculated(parts.get("Measures")!)).toEqual(
      new Map([
        ["RAG", formulaOf("RAG", "Measures")],
        ["Direction of travel", formulaOf("Direction of travel", "Measures")],
        ["YTD target", formulaOf("YTD target", "Measures")],
        ["YTD actual", formulaOf("YTD actual", "Measures")],
        ["Compared with", formulaOf("Compared with", "Measures")],
        ...[1, 2, 3, 4].map((q): [string, string] => [`Q${q} vs target %`, formulaOf(`Q${q} vs target %`, "Measures")]),
      ]),
    );
    expect(formulaOf("RAG", "Measures")).toMatch(/^IF\(Measures\[\[#This Row\],\[Measure ID\]\]="","",IF\(Measures\[\[#This Row\],\[Type\]\]/);
    expect(calculated(parts.get("Updates")!).size).toBe(0);
  });

  test("they survive save -> open -> save, and the table keeps every column after them", async () => {
    const first = path.join(dir, "first.xlsx");
    await (await created()).save(first);
    const reopened = await XlsxWorkbook.open(first);
    expect(reopened.columnFormulas("Measures").get("RAG")).toBe(formulaOf("RAG", "Measures"));
    // ExcelJS alone stops reading a table's columns at the first calculated one.
    const snapshot = await reopened.read();
    expect(snapshot.tables.find((t) => t.name === "Actions")!.headers).toHaveLength(ACTION_COLUMNS.length + 2);
    expect(snapshot.tables.find((t) => t.name === "Measures")!.headers).toHaveLength(MEASURE_COLUMNS.length + 11);
    const second = await reopened.toBuffer();
    const parts = await tableParts(second);
    expect(calculated(parts.get("Actions")!).get("Action status")).toBe(formulaOf("Action status", "Actions"));
    expect([...calculated(parts.get("Measures")!).keys()]).toEqual([
      "RAG",
      "Direction of travel",
      "YTD target",
      "YTD actual",
      "Compared with",
      "Q1 vs target %",
      "Q2 vs target %",
      "Q3 vs target %",
      "Q4 vs target %",
    ]);
    expect(readPlan(await (await XlsxWorkbook.fromBuffer(second, "second.xlsx")).read(), "second.xlsx").errors).toEqual([]);
  });

  test("every data row's status cell holds the formula, not just the first", async () => {
    const wb = (await XlsxWorkbook.fromBuffer(await (await created()).toBuffer(), "plan.xlsx")).workbook;
    const ws = wb.getWorksheet("Measures")!;
    const ragCol = MEASURE_COLUMNS.length + 1;
    const rows = handPickedMeasures().length;
    for (let r = 2; r <= rows + 1; r++) expect(ws.getCell(r, ragCol).formula).toBe(formulaOf("RAG", "Measures"));
  });

  test("an empty plan's tables have one row that already carries the formulas", async () => {
    const buf = await (await created(emptyDesign)).toBuffer();
    const parts = await tableParts(buf);
    expect(parts.get("Actions")).toMatch(/ref="A1:U2"/);
    const wb = (await XlsxWorkbook.fromBuffer(buf, "new.xlsx")).workbook;
    expect(wb.getWorksheet("Actions")!.getCell(2, ACTION_COLUMNS.length + 1).formula).toBe(formulaOf("Action status", "Actions"));
  });
});

describe("the rest of the design reaches the file", () => {
  let buf: Buffer;
  let reloaded: ExcelJS.Workbook;
  beforeAll(async () => {
    buf = await (await created()).toBuffer();
    reloaded = (await XlsxWorkbook.fromBuffer(buf, "plan.xlsx")).workbook;
  });

  test("plain ExcelJS cannot even load a file whose tables have calculated columns; the adapter can", async () => {
    await expect(new ExcelJS.Workbook().xlsx.load(buf as unknown as ExcelJS.Buffer)).rejects.toThrow(/filterButton/);
    expect(reloaded.getWorksheet("Measures")!.getTables()).toHaveLength(1);
  });

  test("defined names, including ParentLinksList = Register[ID], which ExcelJS cannot write", async () => {
    const xml = await (await zipOf(buf)).file("xl/workbook.xml")!.async("string");
    expect(xml).toContain('<definedName name="ParentLinksList">Register[ID]</definedName>');
    const snapshot = await (await XlsxWorkbook.fromBuffer(buf, "plan.xlsx")).read();
    const names = new Map(snapshot.names.map((n) => [n.name, n.ref]));
    expect(names.get("ReportingDate")).toBe("Settings!$B$2");
    expect(names.get("PolaritiesList")).toBe("Lists!$B$2:$B$4");
    expect(names.get("ParentLinksList")).toBe("Register[ID]");
    // ...and survives a reopen and save.
    const again = await (await XlsxWorkbook.fromBuffer(buf, "plan.xlsx")).toBuffer();
    expect(await (await zipOf(again)).file("xl/workbook.xml")!.async("string")).toContain(">Register[ID]</definedName>");
  });

  test("dropdowns from named lists with input messages; dates validated", async () => {
    const ws = reloaded.getWorksheet("Measures")!;
    const polarity = ws.getCell("D3").dataValidation;
    expect(polarity).toMatchObject({ type: "list", formulae: ["PolaritiesList"], showInputMessage: true, promptTitle: "Polarity" });
    expect(polarity.prompt).toMatch(/What is good/);
    const actions = reloaded.getWorksheet("Actions")!;
    expect(actions.getCell("D2").dataValidation).toMatchObject({ type: "list", formulae: ["ParentLinksList"] });
    expect(actions.getCell("I5").dataValidation).toMatchObject({ type: "date", showErrorMessage: true });
    const xml = await sheetXml(buf, "Actions");
    expect(xml).toMatch(/<dataValidation type="date"[^>]*sqref="I2:I17"><formula1>2<\/formula1><formula2>2958465<\/formula2>/);
    expect(actions.getCell("G5").dataValidation).toMatchObject({ type: "any", showInputMessage: true, prompt: expect.stringMatching(/Name one accountable officer/) });
  });

  test("status columns are formatted by text and colour together", async () => {
    const xml = await sheetXml(buf, "Measures");
    const rules = [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)">([\s\S]*?)<\/conditionalFormatting>/g)].map((m) => ({
      ref: m[1],
      texts: [...m[2].matchAll(/<formula>&quot;(.+?)&quot;<\/formula>/g)].map((x) => x[1]),
    }));
    const last = 1 + handPickedMeasures().length;
    expect(rules).toEqual([
      { ref: `AD2:AD${last}`, texts: ["Green", "Amber", "Red", "M", "Data only"] },
      { ref: `AE2:AE${last}`, texts: ["Improving", "Maintained", "Declining", "M"] },
    ]);
    expect(xml).toMatch(/<cfRule type="cellIs" dxfId="\d+" priority="\d+" operator="equal">/);
  });

  test("formula columns locked, input cells unlocked, sheets protected without a password but sortable and filterable", async () => {
    const ws = reloaded.getWorksheet("Actions")!;
    expect(ws.getCell("A2").protection).toMatchObject({ locked: false });
    expect(ws.getCell(2, ACTION_COLUMNS.length + 1).protection?.locked).not.toBe(false);
    const xml = await sheetXml(buf, "Actions");
    const protection = /<sheetProtection [^>]*\/>/.exec(xml)![0];
    expect(protection).toContain('sheet="1"');
    expect(protection).not.toMatch(/hashValue|password/);
    for (const allowed of ["formatColumns", "sort", "autoFilter", "insertRows"]) expect(protection).toContain(`${allowed}="0"`);
    expect(await sheetXml(buf, "Updates")).not.toContain("<sheetProtection");
  });

  test("frozen header row, widths, wrapped long text, dd/mm/yyyy dates", () => {
    const ws = reloaded.getWorksheet("Actions")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getColumn(2).width).toBe(48);
    expect(ws.getCell("B2").alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell("I2").numFmt).toBe("dd/mm/yyyy");
    expect(reloaded.getWorksheet("Settings")!.getCell("B2").numFmt).toBe("dd/mm/yyyy");
  });

  test("print setup: A4 landscape at 80%, header row and ID columns repeated, one font family", async () => {
    const xml = await sheetXml(buf, "Actions");
    expect(xml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"/);
    expect(xml).toMatch(/<pageSetup [^>]*scale="80"/);
    expect(xml).not.toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    const workbook = await (await zipOf(buf)).file("xl/workbook.xml")!.async("string");
    expect(workbook).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="1">(&apos;)?Actions(&apos;)?!\$A:\$B,(&apos;)?Actions(&apos;)?!\$1:\$1<\/definedName>/);
    const styles = await (await zipOf(buf)).file("xl/styles.xml")!.async("string");
    expect([...styles.matchAll(/<name val="([^"]+)"\/>/g)].map((m) => m[1]).filter((f, i, all) => all.indexOf(f) === i)).toEqual(["Arial"]);
  });

  test("Lists is hidden; Excel recalculates everything on open", async () => {
    expect(reloaded.getWorksheet("Lists")!.state).toBe("hidden");
    expect(await (await zipOf(buf)).file("xl/workbook.xml")!.async("string")).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });
});

describe("read() gives the port's plain snapshot", () => {
  async function fileWith(build: (ws: ExcelJS.Worksheet) => void): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    build(wb.addWorksheet("Old plan"));
    return XlsxWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()), "old.xlsx");
  }

  test("dates become serials, formulas their cached results, merged cells read once, formats kept", async () => {
    const wb = await fileWith((ws) => {
      ws.getCell("B2").value = "Actions for 2024/25";
      ws.mergeCells("B2:D2");
      ws.getCell("B3").value = new Date(Date.UTC(2024, 8, 30, 12));
      ws.getCell("B3").numFmt = "dd/mm/yyyy";
      ws.getCell("C3").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
      ws.getCell("D3").value = { formula: "NA()", result: { error: "#N/A" } } as ExcelJS.CellFormulaValue;
      ws.getCell("E3").value = { richText: [{ text: "Sam " }, { text: "Hughes", font: { bold: true } }] };
    });
    const [sheet] = (await wb.read()).sheets;
    expect(sheet.origin).toBe("B2");
    expect(sheet.values).toEqual([
      ["Actions for 2024/25", null, null, null],
      [isoToSerial("2024-09-30") + 0.5, 2, "#N/A", "Sam Hughes"],
    ]);
    expect(sheet.numberFormats![1][0]).toBe("dd/mm/yyyy");
    expect(sheet.merges).toEqual(["B2:D2"]);
  });

  test("writeColumn writes a table column in bulk; setNamedValue moves the reporting date", async () => {
    const wb = await created();
    const rows = handPickedActions().length;
    await wb.writeColumn(
      "Actions",
      "SMART check",
      handPickedActions().map((a) => `checked ${a.id}`),
    );
    await wb.setNamedValue("ReportingDate", isoToSerial("2024-12-31"));
    const read = readPlan(await (await XlsxWorkbook.fromBuffer(await wb.toBuffer(), "plan.xlsx")).read(), "plan.xlsx");
    expect(read.settings.reportingDate).toBe("2024-12-31");
    const t = (await wb.read()).tables.find((x) => x.name === "Actions")!;
    expect(t.rows.map((r) => r[t.headers.indexOf("SMART check")])).toEqual(handPickedActions().map((a) => `checked ${a.id}`));
    await expect(wb.writeColumn("Actions", "SMART check", ["one"])).rejects.toThrow(`table Actions has ${rows} rows but 1 values were given for "SMART check"`);
    await expect(wb.writeColumn("Actions", "Score", [])).rejects.toThrow('table Actions has no column "Score"');
    await expect(wb.writeColumn("Risks", "Score", [])).rejects.toThrow("no table named Risks");
    await expect(wb.setNamedValue("Deadline", 1)).rejects.toThrow("no single-cell name Deadline");
  });

  test("apply will not overwrite a sheet that already has content", async () => {
    const wb = await fileWith((ws) => {
      ws.name = "Actions";
      ws.getCell("A1").value = "my own actions";
    });
    await expect(wb.apply(design)).rejects.toThrow('sheet "Actions" already exists and is not empty');
  });
});

describe("addRows grows a table with everything its rows carry", () => {
  const statusCol = ACTION_COLUMNS.length + 1; // "Action status" follows the model's columns
  const ragCol = () =>
    design.sheets
      .flatMap((s) => s.tables)
      .find((t) => t.name === "Measures")!
      .columns.findIndex((c) => c.header === "RAG") + 1;

  async function grownAndReopened(from: XlsxWorkbook, table: string, count: number): Promise<{ buf: Buffer; reopened: XlsxWorkbook }> {
    await from.addRows(table, count);
    const buf = await from.toBuffer();
    return { buf, reopened: await XlsxWorkbook.fromBuffer(buf, "plan.xlsx") };
  }

  test("a created plan: new rows have the status formula, formats, locking and validation; protection unchanged", async () => {
    const before = await created();
    const protectionBefore = /<sheetProtection [^>]*\/>/.exec(await sheetXml(await before.toBuffer(), "Actions"))![0];
    const rows = handPickedActions().length;
    const { buf, reopened } = await grownAndReopened(before, "Actions", 5);
    const t = (await reopened.read()).tables.find((x) => x.name === "Actions")!;
    expect(t.rows).toHaveLength(rows + 5);
    expect(t.range).toBe(`A1:${t.range.split(":")[1].replace(/\d+$/, "")}${rows + 6}`);
    expect(calculated((await tableParts(buf)).get("Actions")!)).toEqual(new Map([["Action status", formulaOf("Action status", "Actions")]]));
    const ws = reopened.workbook.getWorksheet("Actions")!;
    for (const r of [rows + 2, rows + 6]) {
      expect(ws.getCell(r, statusCol).formula).toBe(formulaOf("Action status", "Actions"));
      expect(ws.getCell(r, statusCol).protection?.locked).not.toBe(false);
      expect(ws.getCell(r, 1).protection).toMatchObject({ locked: false });
      expect(ws.getCell(r, 1).value).toBeNull();
      expect(ws.getCell(`I${r}`).numFmt).toBe("dd/mm/yyyy");
      expect(ws.getCell(`G${r}`).dataValidation).toMatchObject({ type: "any", showInputMessage: true, prompt: expect.stringMatching(/Name one accountable officer/) });
    }
    expect(ws.getCell(rows + 7, statusCol).value).toBeNull();
    expect(/<sheetProtection [^>]*\/>/.exec(await sheetXml(buf, "Actions"))![0]).toBe(protectionBefore);
    // Blank new rows are not actions: the plan still reads cleanly.
    const read = readPlan(await reopened.read(), "plan.xlsx");
    expect(read.plan.actions).toHaveLength(rows);
    expect(read.errors).toEqual([]);
  });

  test("an opened file: formulas, status colours and dropdowns reach the new rows and survive another save", async () => {
    const opened = await XlsxWorkbook.fromBuffer(await (await created()).toBuffer(), "plan.xlsx");
    const measures = handPickedMeasures().length;
    const { buf, reopened } = await grownAndReopened(opened, "Measures", 3);
    const again = await XlsxWorkbook.fromBuffer(await reopened.toBuffer(), "again.xlsx");
    const ws = again.workbook.getWorksheet("Measures")!;
    const last = measures + 4;
    expect(ws.getCell(last, ragCol()).formula).toBe(formulaOf("RAG", "Measures"));
    expect(again.columnFormulas("Measures").get("RAG")).toBe(formulaOf("RAG", "Measures"));
    const xml = await sheetXml(buf, "Measures");
    expect([...xml.matchAll(/<conditionalFormatting sqref="([^"]+)">/g)].map((m) => m[1])).toEqual([`AD2:AD${last}`, `AE2:AE${last}`]);
    const typeCol =
      design.sheets
        .flatMap((s) => s.tables)
        .find((t) => t.name === "Measures")!
        .columns.findIndex((c) => c.validation?.type === "list") + 1;
    expect(ws.getCell(last, typeCol).dataValidation).toMatchObject({ type: "list" });
    expect((await again.read()).tables.find((x) => x.name === "Measures")!.rows).toHaveLength(measures + 3);
  });

  test("says which table is missing, which count is wrong, and which cell is in the way", async () => {
    const wb = await created();
    await expect(wb.addRows("Risks", 5)).rejects.toThrow('Cannot add rows: there is no table called "Risks" in this workbook.');
    await expect(wb.addRows("Actions", 0)).rejects.toThrow('Cannot add rows to table "Actions": the number of rows must be a whole number from 1 to 5000 (got 0).');
    await expect(wb.addRows("Actions", 5001)).rejects.toThrow("from 1 to 5000 (got 5001)");
    await expect(wb.addRows("Actions", 2.5)).rejects.toThrow("(got 2.5)");
    wb.workbook.getWorksheet("Actions")!.getCell(handPickedActions().length + 3, 1).value = "a note below the table";
    await expect(wb.addRows("Actions", 5)).rejects.toThrow(/cell Actions!A\d+ below the table is in use/);
  });
});

describe("replaceRows makes a table's body exactly the rows given", () => {
  const register = (wb: XlsxWorkbook) => wb.read().then((s) => s.tables.find((t) => t.name === "Register")!);
  const rows = (n: number) => Array.from({ length: n }, (_, i) => [`DSP-${i + 1}`, `Action ${i + 1}`, "Directorate", i % 2 ? null : "A Patel"]);

  test("grows and shrinks the Register; the file reopens with the same rows and ParentLinksList still names Register[ID]", async () => {
    const wb = await created();
    const start = (await register(wb)).rows.length;
    await wb.replaceRows("Register", rows(start + 5));
    let reopened = await XlsxWorkbook.fromBuffer(await wb.toBuffer(), "plan.xlsx");
    expect((await register(reopened)).rows).toEqual(rows(start + 5));
    expect((await register(reopened)).range).toBe(`A1:D${start + 6}`);

    await reopened.replaceRows("Register", rows(2));
    const buf = await reopened.toBuffer();
    reopened = await XlsxWorkbook.fromBuffer(buf, "plan.xlsx");
    const t = await register(reopened);
    expect(t.rows).toEqual(rows(2));
    expect(t.range).toBe("A1:D3");
    expect(readPlan(await reopened.read(), "plan.xlsx").plan.register.map((r) => r.id)).toEqual(["DSP-1", "DSP-2"]);
    expect((await reopened.read()).names).toEqual(expect.arrayContaining([{ name: "ParentLinksList", ref: "Register[ID]" }]));

    await reopened.replaceRows("Register", []);
    expect((await register(reopened)).rows).toEqual([[null, null, null, null]]);
  });

  test("refuses formula columns, a protected sheet, a missing table and a wrong width, naming the table", async () => {
    const wb = await created();
    await expect(wb.replaceRows("Actions", [])).rejects.toThrow(/Cannot replace the rows of table "Actions": it has formula columns \(.*Action status/);
    await expect(wb.replaceRows("Priorities", [])).rejects.toThrow('Cannot replace the rows of table "Priorities": sheet "Settings" is protected. Unprotect it first.');
    await expect(wb.replaceRows("Risks", [])).rejects.toThrow('Cannot replace the rows of table "Risks": there is no such table in this workbook.');
    await expect(wb.replaceRows("Register", [["CP1"]])).rejects.toThrow("row 1 has 1 values for 4 columns (ID, Title, Tier, Lead officer)");
  });
});

test("a plan saved by Excel, whose tables leave headerRowCount to the spec's default, reads the same (headers are not an action)", async () => {
  const buf = await (await created()).toBuffer();
  const zip = await zipOf(buf);
  let stripped = 0;
  for (const p of Object.keys(zip.files).filter((f) => /^xl\/tables\/.*\.xml$/.test(f))) {
    const xml = await zip.file(p)!.async("string");
    const without = xml.replace(/\s+headerRowCount="1"/, "");
    if (without !== xml) stripped++;
    zip.file(p, without);
  }
  expect(stripped).toBeGreaterThan(0);
  const asExcelSaves = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  const original = readPlan(await (await XlsxWorkbook.fromBuffer(buf, "plan.xlsx")).read(), "plan.xlsx").plan;
  const excels = readPlan(await (await XlsxWorkbook.fromBuffer(asExcelSaves, "plan.xlsx")).read(), "plan.xlsx").plan;
  expect(excels.actions.map((a) => a.id)).toEqual(original.actions.map((a) => a.id));
  expect(excels.measures).toEqual(original.measures);
});
