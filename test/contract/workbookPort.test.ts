// The WorkbookPort contract run against both adapters: office.js (src/excel) over the Excel double,
// and ExcelJS (src/xlsx) for files, saved and opened again before each read.
import JSZip from "jszip";
import { createFakeOffice, FakeOffice } from "../doubles/excel/fakeExcel";
import { ExcelWorkbook } from "../../src/excel/adapter";
import type { WorkbookPort } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { parseCell } from "../../src/workbook/a1";
import { APRIL_2024, contractDesign, describeWorkbookPortContract, inputRows, namedValue, plain } from "./workbookPort";

const fakes = new WeakMap<WorkbookPort, FakeOffice>();

describeWorkbookPortContract({
  name: "office.js adapter over the Excel double",
  async make() {
    const fake = createFakeOffice({ sheets: [{ name: "Sheet1" }] });
    const port = new ExcelWorkbook({ run: (batch) => fake.Excel.run(batch as never), requirements: fake.Office.context.requirements });
    fakes.set(port, fake);
    return port;
  },
  async protectedSheets(port) {
    return fakes
      .get(port)!
      .workbook.sheets.filter((s) => s.protection.protected)
      .map((s) => s.name);
  },
  async reopen(port) {
    return port;
  },
  async lockedCells(port, sheet, cells) {
    const s = fakes.get(port)!.workbook.sheet(sheet);
    return cells.map((a) => {
      const { row, col } = parseCell(a);
      return s.cell(row, col)?.locked !== false; // Excel's cells are locked unless unlocked
    });
  },
});

/** Sheet names with <sheetProtection sheet="1"> in the saved file. */
async function protectedInFile(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const out: string[] = [];
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`<Relationship [^>]*Id="${m[2]}"[^>]*Target="([^"]+)"|<Relationship [^>]*Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)!;
    const xml = await zip.file(`xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`)!.async("string");
    if (/<sheetProtection [^>]*sheet="(1|true)"/.test(xml)) out.push(m[1]);
  }
  return out;
}

describeWorkbookPortContract({
  name: "ExcelJS adapter (files)",
  async make() {
    return XlsxWorkbook.create("contract.xlsx");
  },
  async protectedSheets(port) {
    return protectedInFile(await (port as XlsxWorkbook).toBuffer());
  },
  async reopen(port) {
    return XlsxWorkbook.fromBuffer(await (port as XlsxWorkbook).toBuffer(), "contract.xlsx");
  },
  async lockedCells(port, sheet, cells) {
    const ws = (await XlsxWorkbook.fromBuffer(await (port as XlsxWorkbook).toBuffer(), "contract.xlsx")).workbook.getWorksheet(sheet)!;
    return cells.map((a) => ws.getCell(a).protection?.locked !== false);
  },
});

test("both adapters leave the same workbook after the same steps (a difference means one is wrong)", async () => {
  const fake = createFakeOffice({ sheets: [{ name: "Sheet1" }] });
  const ports: WorkbookPort[] = [new ExcelWorkbook({ run: (batch) => fake.Excel.run(batch as never), requirements: fake.Office.context.requirements }), XlsxWorkbook.create("contract.xlsx")];
  const seen = [];
  for (const port of ports) {
    await port.apply(contractDesign());
    await port.addRows("Actions", 2);
    await port.writeColumn("Actions", "SMART check", ["✓ SMART", null, "✗ Time-bound (1 issue)", null, null]);
    await port.replaceRows("Register", [
      ["DSP-ASC-02", "Keep people safe", "Directorate"],
      ["DSP-ASC-03", "Good health", "Directorate"],
    ]);
    await port.setNamedValue("ReportingDate", APRIL_2024 + 91);
    await port.update(
      {
        sheets: ["Settings"],
        tables: [
          { name: "Register", columns: ["Code"] },
          { name: "Actions", columns: [] },
        ],
      },
      (s) => ({
        edits: [
          { kind: "rows", table: "Register", remove: [0], append: [["DSP-ASC-04", `After ${String(s.tables.find((t) => t.name === "Register")!.rows[1][0])}`, "Directorate"]] },
          { kind: "lock", table: "Actions", columns: ["Due date"] },
          { kind: "cells", sheet: "Settings", address: "A3", values: [["Checked"]], locked: true },
        ],
        result: null,
      }),
    );
    const snap = await port.read();
    seen.push({
      sheets: snap.sheets.filter((s) => s.name !== "Sheet1").map((s) => [s.name, s.visibility]),
      tables: snap.tables.map((t) => ({
        name: t.name,
        sheet: t.sheet,
        range: t.range.replace(/^.*!/, ""),
        headers: t.headers,
        rows: t.name === "Actions" ? inputRows(snap, t.name) : t.rows.map((r) => r.map(plain)),
      })),
      reportingDate: namedValue(snap, "ReportingDate"),
      settings: snap.sheets.find((s) => s.name === "Settings")!.values,
    });
  }
  expect(seen[1]).toEqual(seen[0]);
});
