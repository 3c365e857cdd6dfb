// WorkbookDesign -> ExcelJS: sheets, tables with formula columns, dropdowns with input messages,
// status colours, locked formula cells, frozen headers and print setup. What ExcelJS cannot write
// (calculated column formulas, names that are not plain ranges) is returned for the zip step.
import ExcelJS from "exceljs";
import { CellDesign, CellValue, SheetDesign, TableDesign, Validation, WorkbookDesign } from "../workbook/port";
import { columnLetter, isFixedSheetBox, parseCell } from "../workbook/a1";
import { toFileFormula } from "./fileFormula";
import { TableFormulas } from "./packageParts";
import { addSparklineGroup, tableSparklineGroups } from "./sparklines";
import { applyPrint, font } from "./print";

export interface Applied {
  tableFormulas: TableFormulas;
}

function dataValidation(v: Validation): ExcelJS.DataValidation {
  const message = {
    showInputMessage: v.prompt !== undefined,
    prompt: v.prompt,
    promptTitle: v.promptTitle,
    showErrorMessage: true,
    errorStyle: v.errorStyle ?? "stop",
    error: v.error,
  };
  switch (v.type) {
    case "list":
      return { type: "list", allowBlank: true, formulae: [v.source.replace(/^=/, "")], ...message };
    case "decimal":
    case "whole": {
      const [min, max] = [v.min ?? -1e15, v.max ?? 1e15];
      return { type: v.type, allowBlank: true, operator: "between", formulae: [min, max], ...message };
    }
    case "date":
      // Any real date from 1900 to 9999: stops text such as "end of Q3" in a date column.
      // (ExcelJS turns date formulae into serials itself, so they go in as Dates.)
      return { type: "date", allowBlank: true, operator: "between", formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(9999, 11, 31))], ...message };
  }
}

/** An input message without a rule ("any value"): ExcelJS writes type "any" as a bare prompt. */
function promptOnly(prompt: string, promptTitle?: string): ExcelJS.DataValidation {
  return { type: "any", formulae: [], showInputMessage: true, prompt, promptTitle } as unknown as ExcelJS.DataValidation;
}

function writeValue(cell: ExcelJS.Cell, value: CellValue | undefined): void {
  cell.value = value === undefined ? null : value;
}

function applyCell(ws: ExcelJS.Worksheet, c: CellDesign): void {
  const cell = ws.getCell(c.address);
  if (c.formula) cell.value = { formula: toFileFormula(c.formula) } as ExcelJS.CellFormulaValue;
  else writeValue(cell, c.value);
  if (c.numberFormat) cell.numFmt = c.numberFormat;
  // One font family everywhere: a font without a name printed bold labels in a serif face.
  cell.font = font({ bold: c.bold ?? false, ...(c.fontSize ? { size: c.fontSize } : {}) });
  if (c.wrap) cell.alignment = { wrapText: true, vertical: "top" };
  if (c.locked === false) cell.protection = { locked: false };
  const { row, col } = parseCell(c.address);
  const where = `${columnLetter(col)}${row}`;
  if (c.validation) {
    validations(ws).add(where, dataValidation({ ...c.validation, prompt: c.validation.prompt ?? c.prompt }));
  } else if (c.prompt) {
    validations(ws).add(where, promptOnly(c.prompt));
  }
}

/** ExcelJS has worksheet.dataValidations (ranges as keys) but leaves it out of its types. */
function validations(ws: ExcelJS.Worksheet): { add(range: string, v: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
}

const argb = (hex: string) => ({ argb: `FF${hex.replace(/^#/, "").toUpperCase()}` });

function applyTable(ws: ExcelJS.Worksheet, t: TableDesign, formulas: TableFormulas): void {
  const { row: top, col: left } = parseCell(t.topLeft);
  // A table needs at least one data row to exist in Excel, and that row carries the formulas.
  const rows = t.rows.length > 0 ? t.rows : [t.columns.map(() => null)];
  rows.forEach((r, i) => {
    if (r.length !== t.columns.length) throw new Error(`table ${t.name}: row ${i + 1} has ${r.length} values for ${t.columns.length} columns`);
  });
  ws.addTable({
    name: t.name,
    displayName: t.name,
    ref: t.topLeft,
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: t.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: rows.map((r) => r.map((v, j) => (t.columns[j].formula ? ({ formula: toFileFormula(t.columns[j].formula!) } as ExcelJS.CellFormulaValue) : v))),
  } as ExcelJS.TableProperties);

  const first = top + 1;
  const last = top + rows.length;
  const columnFormulas = new Map<string, string>();
  const headerRow = ws.getRow(top);
  t.columns.forEach((c, j) => {
    const col = left + j;
    const letter = columnLetter(col);
    ws.getColumn(col).width = c.width;
    headerRow.getCell(col).alignment = { wrapText: true, vertical: "top" };
    headerRow.getCell(col).font = font({ bold: true });
    if (c.formula) columnFormulas.set(c.header, toFileFormula(c.formula));
    for (let r = first; r <= last; r++) {
      const cell = ws.getCell(r, col);
      if (c.numberFormat) cell.numFmt = c.numberFormat;
      cell.alignment = { wrapText: c.wrap ?? false, vertical: "top" };
      cell.font = font();
      cell.protection = { locked: c.locked };
    }
    const range = `${letter}${first}:${letter}${last}`;
    if (c.validation) validations(ws).add(range, dataValidation({ ...c.validation, prompt: c.validation.prompt ?? c.prompt, promptTitle: c.validation.promptTitle ?? c.header.slice(0, 32) }));
    else if (c.prompt) validations(ws).add(range, promptOnly(c.prompt, c.header.slice(0, 32)));
    const statusRules = t.statusFormats.filter((f) => f.column === c.header);
    if (statusRules.length > 0) {
      ws.addConditionalFormatting({
        ref: range,
        rules: statusRules.map((f, k) => ({
          type: "cellIs",
          operator: "equal",
          priority: k + 1,
          formulae: [`"${f.text.replace(/"/g, '""')}"`],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: argb(f.fill) }, font: { color: argb(f.font), bold: true } },
        })),
      });
    }
  });
  if (columnFormulas.size > 0) formulas.set(t.name, columnFormulas);
}

async function applySheet(wb: ExcelJS.Workbook, s: SheetDesign, formulas: TableFormulas): Promise<void> {
  const existing = wb.getWorksheet(s.name);
  if (existing) {
    if (existing.actualRowCount > 0) throw new Error(`sheet "${s.name}" already exists and is not empty; the plan layout will not overwrite it`);
    wb.removeWorksheet(existing.id);
  }
  const ws = wb.addWorksheet(s.name, { state: s.visibility });
  for (const [letter, width] of Object.entries(s.columnWidths)) ws.getColumn(letter).width = width;
  for (const c of s.cells) applyCell(ws, c);
  for (const t of s.tables) applyTable(ws, t, formulas);
  // Row heights from the design: Excel and LibreOffice keep a written height, so wrapped text needs its own.
  for (const [row, height] of Object.entries(s.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
  for (const row of s.hiddenRows ?? []) ws.getRow(row).hidden = true;
  if (s.freezeRows > 0) ws.views = [{ state: "frozen", xSplit: 0, ySplit: s.freezeRows, topLeftCell: `A${s.freezeRows + 1}`, activeCell: `A${s.freezeRows + 1}` }];
  if (s.print) applyPrint(ws, s.print);
  if (s.protect) {
    // No password: protection stops accidents to formulas, not determined users.
    await ws.protect("", FILE_SHEET_PROTECTION);
  }
}

/** How a plan sheet is protected in a file: no password; users may select, size, sort, filter and insert rows. */
export const FILE_SHEET_PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  sort: true,
  autoFilter: true,
  insertRows: true,
};

export async function applyDesign(wb: ExcelJS.Workbook, design: WorkbookDesign): Promise<Applied> {
  const tableFormulas: TableFormulas = new Map();
  for (const s of design.sheets) await applySheet(wb, s, tableFormulas);
  // Sparklines go into the package when it is written (src/xlsx/sparklines.ts).
  for (const t of design.sheets.flatMap((s) => s.tables)) for (const g of tableSparklineGroups(t)) addSparklineGroup(wb, g);
  for (const n of design.names) {
    const ref = n.ref.replace(/^=/, "");
    // Other names (e.g. Register[ID]) are written into the package by the adapter at save.
    if (isFixedSheetBox(ref)) wb.definedNames.add(ref, n.name);
  }
  return { tableFormulas };
}
