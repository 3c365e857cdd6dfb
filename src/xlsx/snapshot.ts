// ExcelJS workbook -> WorkbookSnapshot: the same plain picture the office.js adapter gives, so the
// model reads files and live workbooks alike. Dates become Excel serials; formulas give their cached result.
import ExcelJS from "exceljs";
import { CellValue, columnsAsked, ReadRequest, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../workbook/port";
import { PackageName } from "./packageParts";
import { columnLetter, parseBox } from "../workbook/a1";

const EPOCH_UTC = Date.UTC(1899, 11, 30);

function dateToSerial(d: Date): number {
  return (d.getTime() - EPOCH_UTC) / 86_400_000;
}

function plain(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if ("error" in value) return value.error;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) return plain(value.result as ExcelJS.CellValue);
  if ("text" in value) return typeof value.text === "string" ? value.text : plain(value.text as ExcelJS.CellValue);
  return null;
}

/** The cell's value as the port sees it; merged cells other than the top-left read as blank. */
function cellValue(cell: ExcelJS.Cell): CellValue {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  return plain(cell.value);
}

function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  let [top, left, bottom, right] = [Infinity, Infinity, 0, 0];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cellValue(cell) === null) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  const merges = Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges).map((m) => m.range);
  const visibility = ws.state === "hidden" || ws.state === "veryHidden" ? ws.state : "visible";
  if (bottom === 0) return { name: ws.name, visibility, origin: "A1", values: [], numberFormats: [], merges };
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r);
    const vals: CellValue[] = [];
    const fmts: string[] = [];
    for (let c = left; c <= right; c++) {
      const cell = row.findCell(c);
      vals.push(cell ? cellValue(cell) : null);
      fmts.push(cell?.numFmt || "General");
    }
    values.push(vals);
    numberFormats.push(fmts);
  }
  return { name: ws.name, visibility, origin: `${columnLetter(left)}${top}`, values, numberFormats, merges };
}

interface LoadedTableModel {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string }[];
}

/** Where a table's data rows are and what its columns are called, without reading the rows. */
export function tableShape(ws: ExcelJS.Worksheet, model: LoadedTableModel) {
  const range = model.tableRef ?? model.ref ?? "A1";
  const box = parseBox(range);
  const headerRow = model.headerRow !== false;
  const first = box.top + (headerRow ? 1 : 0);
  const last = box.bottom - (model.totalsRow ? 1 : 0);
  const headers = model.columns.map((c, i) => {
    const onSheet = headerRow ? cellValue(ws.getCell(box.top, box.left + i)) : null;
    return onSheet === null ? c.name : String(onSheet);
  });
  return { box, first, last, headers };
}

function tableSnapshot(ws: ExcelJS.Worksheet, model: LoadedTableModel): TableSnapshot {
  const { box, first, last, headers } = tableShape(ws, model);
  const rows: CellValue[][] = [];
  for (let r = first; r <= last; r++) {
    rows.push(headers.map((_h, i) => cellValue(ws.getCell(r, box.left + i))));
  }
  return { name: model.name, sheet: ws.name, range: `${columnLetter(box.left)}${box.top}:${columnLetter(box.right)}${box.bottom}`, headers, rows };
}

export function workbookSnapshot(wb: ExcelJS.Workbook, names: PackageName[]): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  const tables: TableSnapshot[] = [];
  wb.eachSheet((ws) => {
    sheets.push(sheetSnapshot(ws));
    for (const t of ws.getTables() as unknown as { table: LoadedTableModel }[]) tables.push(tableSnapshot(ws, t.table));
  });
  return { sheets, tables, names: names.map((n) => ({ name: n.name, ref: n.ref })) };
}

const normal = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * The part of a snapshot a ReadRequest asks for, as the office.js adapter reads it: the sheets
 * named (values only), the tables named with null in the columns not asked for, and every name.
 */
export function narrowSnapshot(snapshot: WorkbookSnapshot, request: ReadRequest): WorkbookSnapshot {
  const sheets = new Set(request.sheets.map(normal));
  const tables = snapshot.tables.flatMap((t) => {
    const asked = request.tables.find((r) => normal(r.name) === normal(t.name));
    if (!asked) return [];
    const keep = columnsAsked(t.headers, asked.columns);
    return [{ ...t, rows: keep ? t.rows.map((r) => r.map((v, j) => (keep[j] ? v : null))) : t.rows }];
  });
  return {
    sheets: snapshot.sheets.filter((s) => sheets.has(normal(s.name))).map((s) => ({ name: s.name, visibility: s.visibility, origin: s.origin, values: s.values })),
    tables,
    names: snapshot.names,
  };
}
