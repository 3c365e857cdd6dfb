// The return as an .xlsx workbook (the main form the BI team collects): a Return sheet of header
// fields, then Actions, Measures and Exceptions sheets with one header row each. Values only, no
// formulas, so the collector can trust what it reads. Print-ready: A4 landscape, fit to width,
// header row repeated, and the plan, period and DRAFT mark in every page header.
import * as fs from "fs";
import ExcelJS from "exceljs";
import { ACTION_STATUS_COLOURS, DIRECTION_COLOURS, RAG_COLOURS, StatusColour } from "../../workbook/statusPalette";
import { PRINT_SCALE, widthForWords } from "../../workbook/textFit";
import { applyPrint, colourStatus, fitRowHeights, unifyFont, workbookBytes } from "../../xlsx/print";
import { addTrendsSheet } from "./returnTrends";
import { columnLetter } from "../../workbook/a1";
import { RawCell, RawReturn, RawTable } from "../parseReturn";
import {
  QsrReturn,
  RETURN_ACTION_COLUMNS,
  RETURN_EXCEPTION_COLUMNS,
  RETURN_HEADER_FIELDS,
  RETURN_HISTORY_COLUMNS,
  RETURN_TARGET_CHANGE_COLUMNS,
  RETURN_MEASURE_COLUMNS,
  RETURN_SHEETS,
  ReturnColumn,
} from "../schema";

/** Status colours from the one palette (plans, pane and reports alike): text and fill together, so colour is never the only signal. */
export const STATUS_COLOURS: Record<string, StatusColour> = { ...ACTION_STATUS_COLOURS, ...DIRECTION_COLOURS, ...RAG_COLOURS };

const DATE_FORMAT = "dd/mm/yyyy";

function utcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** Cell value for a column kind; dates become real dates so Excel sorts and filters them. */
function cellValueFor(kind: ReturnColumn["kind"], v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (kind === "flag") return v ? "Yes" : "No";
  if (kind === "date" && typeof v === "string") return utcDate(v);
  return v as ExcelJS.CellValue;
}

/** A table sheet prints at a readable 80% across pages, repeating its header row and first column; a cover fits one portrait page. */
export function printSetup(ws: ExcelJS.Worksheet, title: string, kind: "table" | "cover" | "empty table" = "table"): void {
  unifyFont(ws);
  if (kind === "cover") applyPrint(ws, { landscape: false, paper: "A4", fitToWidth: true, title });
  // A table with no rows stays in the workbook (it says "none") but prints no page of bare headers.
  else applyPrint(ws, { landscape: true, paper: "A4", fitToWidth: false, scale: PRINT_SCALE, repeatRows: "1:1", repeatColumns: "A:A", title, ...(kind === "empty table" ? { area: null } : {}) });
}

/** A column wide enough for the longest word of its (bold) header, so headers wrap between words, never inside one. */
function widthForHeader(header: string, width: number): number {
  return Math.max(width, widthForWords(header, true));
}

/** A sheet with one bold, frozen, filtered header row and a row per record. */
export function addTableSheet(wb: ExcelJS.Workbook, name: string, columns: ReturnColumn[], rows: readonly object[], title: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: widthForHeader(c.header, c.width),
    // Long text and status words wrap (rows are sized for them); everything sits at the top of its row.
    style:
      c.kind === "date"
        ? { numFmt: DATE_FORMAT, alignment: { vertical: "top" } }
        : c.kind === "longText" || c.kind === "choice"
          ? { alignment: { wrapText: true, vertical: "top" } }
          : { alignment: { vertical: "top" } },
  }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: "top" };
  for (const r of rows) ws.addRow(columns.map((c) => cellValueFor(c.kind, (r as Record<string, unknown>)[c.key])));
  if (rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  colourStatuses(ws, columns, rows.length);
  printSetup(ws, title, rows.length > 0 ? "table" : "empty table");
  // Written heights stay as written in Excel and LibreOffice: size each row for its wrapped text.
  fitRowHeights(ws, 1, rows.length + 1);
  return ws;
}

function colourStatuses(ws: ExcelJS.Worksheet, columns: ReturnColumn[], count: number): void {
  columns.forEach((c, i) => {
    if (c.kind !== "choice") return;
    const column = ws.getColumn(i + 1);
    for (let r = 2; r <= count + 1; r++) {
      colourStatus(ws.getCell(r, column.number), STATUS_COLOURS[String(ws.getCell(r, column.number).value ?? "")]);
    }
  });
}

function returnTitle(r: QsrReturn): string {
  const h = r.header;
  return `${h.planId} QSR ${h.period}${h.status === "Draft" ? " DRAFT" : ""}`;
}

export function returnWorkbook(r: QsrReturn): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Golden Thread";
  const title = returnTitle(r);
  const ws = wb.addWorksheet(RETURN_SHEETS.header);
  ws.columns = [{ width: 22 }, { width: 60 }];
  for (const f of RETURN_HEADER_FIELDS) {
    const v = r.header[f.key];
    // Dates show as dd/mm/yyyy (a prepared-on time stays as written: the latest return wins by it).
    const isDate = f.key === "reportingDate" || (f.key === "preparedOn" && /^\d{4}-\d\d-\d\d$/.test(String(v)));
    const row = ws.addRow([f.label, isDate ? utcDate(String(v)) : v]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { horizontal: "left" };
    if (isDate) row.getCell(2).numFmt = DATE_FORMAT;
    // The format stamp, content hash and any fingerprint are for the collector, not for people: kept, out of sight and print.
    if (f.key === "formatVersion" || /hash|fingerprint/i.test(f.key)) row.hidden = true;
  }
  if (r.header.status === "Draft") {
    const mark = ws.getCell(`D1`);
    mark.value = "DRAFT: not for the corporate roll-up";
    mark.font = { bold: true, size: 16, color: { argb: "FFC00000" } };
  }
  printSetup(ws, title, "cover");
  addTableSheet(wb, RETURN_SHEETS.actions, RETURN_ACTION_COLUMNS, r.actions, title);
  addTableSheet(wb, RETURN_SHEETS.measures, RETURN_MEASURE_COLUMNS, r.measures, title);
  addTableSheet(wb, RETURN_SHEETS.exceptions, RETURN_EXCEPTION_COLUMNS, r.exceptions, title);
  // v2: what moved since sign-off, and the path through the year so far.
  addTableSheet(wb, RETURN_SHEETS.targetChanges, RETURN_TARGET_CHANGE_COLUMNS, r.targetChanges, title);
  addTableSheet(wb, RETURN_SHEETS.history, RETURN_HISTORY_COLUMNS, r.history, title);
  // Each measure's quarters as sparklines (Excel 2010+, LibreOffice): the trend without the add-in.
  if (r.measures.length > 0) addTrendsSheet(wb, r, title);
  return wb;
}

export async function writeReturnXlsx(r: QsrReturn, file: string): Promise<void> {
  await fs.promises.writeFile(file, await workbookBytes(returnWorkbook(r)));
}

// ---- Reading ----

/** A cell that cannot be taken as a plain value (a formula, an error): the return is refused. */
export class CellRejected extends Error {
  constructor(
    readonly sheet: string,
    readonly cell: string,
    reason: string,
  ) {
    super(reason);
  }
}

function plain(v: ExcelJS.CellValue | undefined, sheet: string, address: () => string): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as unknown as Record<string, unknown>;
  if ("formula" in o || "sharedFormula" in o) throw new CellRejected(sheet, address(), "holds a formula; a return holds values only (formulas could be harmful and are not recalculated)");
  if ("error" in o) throw new CellRejected(sheet, address(), `holds the error value ${String(o.error)}`);
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join("");
  if (typeof o.text === "string") return o.text; // hyperlink cells: keep the text, drop the link
  throw new CellRejected(sheet, address(), "holds a value that is not text, a number or a date");
}

const HEADER_SEARCH_ROWS = 10;

function tableOf(ws: ExcelJS.Worksheet, firstHeader: string, csvFirst: string): RawTable {
  const values = ws.getSheetValues() as (ExcelJS.CellValue[] | undefined)[];
  let headerRow = -1;
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, values.length - 1); r++) {
    const first = values[r]?.[1];
    const t = typeof first === "string" ? first.trim().toLowerCase() : "";
    if (t === firstHeader.toLowerCase() || t === csvFirst) {
      headerRow = r;
      break;
    }
  }
  if (headerRow < 0) throw new CellRejected(ws.name, "A1", `no header row starting "${firstHeader}" in the first ${HEADER_SEARCH_ROWS} rows`);
  const headerCells = values[headerRow] ?? [];
  const width = headerCells.length - 1;
  const headers: string[] = [];
  for (let c = 1; c <= width; c++) headers.push(String(plain(headerCells[c], ws.name, () => `${columnLetter(c)}${headerRow}`) ?? ""));
  const rows: RawCell[][] = [];
  for (let r = headerRow + 1; r < values.length; r++) {
    const src = values[r];
    const row: RawCell[] = new Array(width).fill(null);
    if (src)
      for (let c = 1; c < src.length; c++) {
        if (c > width) {
          if (src[c] !== null && src[c] !== undefined) plain(src[c], ws.name, () => `${columnLetter(c)}${r}`); // still refuse formulas beside the table
          continue;
        }
        row[c - 1] = plain(src[c], ws.name, () => `${columnLetter(c)}${r}`);
      }
    rows.push(row);
  }
  return { sheet: ws.name, headerRow, headers, rows };
}

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const lower = name.toLowerCase();
  return wb.worksheets.find((w) => w.name.trim().toLowerCase() === lower);
}

/** Plain cells of a loaded return workbook; throws CellRejected at the first formula or error cell. */
export function rawReturnFromWorkbook(wb: ExcelJS.Workbook): RawReturn {
  const headerSheet = findSheet(wb, RETURN_SHEETS.header);
  let header: RawReturn["header"] = null;
  if (headerSheet) {
    const fields = new Map<string, { value: RawCell; cell: string }>();
    const values = headerSheet.getSheetValues() as (ExcelJS.CellValue[] | undefined)[];
    for (let r = 1; r < values.length; r++) {
      const row = values[r];
      if (!row) continue;
      const label = plain(row[1], headerSheet.name, () => `A${r}`);
      if (typeof label !== "string" || label.trim() === "") continue;
      fields.set(label.trim().toLowerCase(), { value: plain(row[2], headerSheet.name, () => `B${r}`), cell: `B${r}` });
    }
    header = { sheet: headerSheet.name, fields };
  }
  const table = (name: string, columns: ReturnColumn[]) => {
    const ws = findSheet(wb, name);
    return ws ? tableOf(ws, columns[0].header, columns[0].csv) : null;
  };
  return {
    header,
    actions: table(RETURN_SHEETS.actions, RETURN_ACTION_COLUMNS),
    measures: table(RETURN_SHEETS.measures, RETURN_MEASURE_COLUMNS),
    exceptions: table(RETURN_SHEETS.exceptions, RETURN_EXCEPTION_COLUMNS),
    targetChanges: table(RETURN_SHEETS.targetChanges, RETURN_TARGET_CHANGE_COLUMNS),
    history: table(RETURN_SHEETS.history, RETURN_HISTORY_COLUMNS),
  };
}
