// Reads a return from plain cells (whatever file they came from) into the zod model, with every
// problem naming its sheet and cell. Light on purpose: the collector runs this over hundreds of
// returns, so cells are coerced by column kind in one pass and each row is checked by zod once.
import { excelSerialToIso, isIsoDate, NOT_A_REAL_DATE } from "../model/dates";
import { EXCEL_MAX_CELL_CHARS, tooLongReason } from "./sanitise";
import { columnLetter } from "../workbook/a1";
import {
  OLDEST_QSR_FORMAT_VERSION,
  QSR_FORMAT_VERSION,
  QsrReturn,
  RETURN_HISTORY_COLUMNS,
  RETURN_TARGET_CHANGE_COLUMNS,
  returnHistorySchema,
  returnTargetChangeSchema,
  RETURN_ACTION_COLUMNS,
  RETURN_EXCEPTION_COLUMNS,
  RETURN_HEADER_FIELDS,
  RETURN_MEASURE_COLUMNS,
  RETURN_SHEETS,
  ReturnColumn,
  returnActionSchema,
  returnExceptionSchema,
  returnHeaderSchema,
  returnMeasureSchema,
} from "./schema";
import { z } from "zod";

export type RawCell = string | number | boolean | null;

/** A table as found in a file: the header row and the rows under it, as plain cells. */
export interface RawTable {
  /** Sheet name, or CSV file name. */
  sheet: string;
  /** 1-based row number of the header row. */
  headerRow: number;
  headers: string[];
  rows: RawCell[][];
}

export interface RawReturn {
  /** Return sheet: label -> value with its cell, e.g. "Plan ID" -> { value, cell: "B7" }. */
  header: { sheet: string; fields: Map<string, { value: RawCell; cell: string }> } | null;
  actions: RawTable | null;
  measures: RawTable | null;
  exceptions: RawTable | null;
  /** v2 tables; absent from v1 returns. */
  targetChanges?: RawTable | null;
  history?: RawTable | null;
}

export interface ReturnIssue {
  file: string;
  sheet: string;
  cell: string;
  reason: string;
}

export type ParsedReturn = { ok: true; value: QsrReturn } | { ok: false; issues: ReturnIssue[] };

/** Beyond this many problems a return is plainly broken; listing more helps nobody. */
const MAX_ISSUES_PER_RETURN = 25;

const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Coerces a cell to what the column kind expects; a string result starting "!" is a problem to report. */
function coerce(value: RawCell, kind: ReturnColumn["kind"]): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (value === null || value === "") {
    return { ok: true, value: kind === "flag" ? false : kind === "number" || kind === "percent" || kind === "date" || kind === "choice" ? null : "" };
  }
  if (typeof value === "string" && value.length > EXCEL_MAX_CELL_CHARS) return { ok: false, reason: tooLongReason(value.length) };
  switch (kind) {
    case "number":
    case "percent": {
      if (typeof value === "number") return { ok: true, value };
      if (typeof value === "string" && /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) return { ok: true, value: Number(value) };
      return { ok: false, reason: `"${String(value)}" is not a number` };
    }
    case "flag": {
      if (typeof value === "boolean") return { ok: true, value };
      const t = String(value).trim().toLowerCase();
      if (t === "yes" || t === "true") return { ok: true, value: true };
      if (t === "no" || t === "false") return { ok: true, value: false };
      return { ok: false, reason: `"${String(value)}" is not Yes or No` };
    }
    case "date": {
      if (typeof value === "number") {
        const date = Number.isInteger(value) ? excelSerialToIso(value) : null;
        if (date) return { ok: true, value: date };
        return { ok: false, reason: `${value} ${NOT_A_REAL_DATE}` };
      }
      if (typeof value === "string") {
        const t = value.trim();
        if (isIsoDate(t)) return { ok: true, value: t };
        const m = UK_DATE.exec(t);
        if (m) {
          const iso = `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
          if (isIsoDate(iso)) return { ok: true, value: iso };
        }
      }
      return { ok: false, reason: `"${String(value)}" is not a date (dd/mm/yyyy or yyyy-mm-dd)` };
    }
    default:
      if (typeof value === "string") return { ok: true, value };
      if (typeof value === "number") return { ok: true, value: String(value) };
      return { ok: true, value: value ? "Yes" : "No" };
  }
}

function zodReason(issue: z.core.$ZodIssue): string {
  return issue.message;
}

function parseTable<T>(table: RawTable | null, expectedSheet: string, columns: ReturnColumn[], schema: z.ZodType<T>, file: string, issues: ReturnIssue[], keyOf: (row: T) => string): T[] {
  if (!table) {
    issues.push({ file, sheet: expectedSheet, cell: "", reason: `the ${expectedSheet} table is missing` });
    return [];
  }
  const positions: number[] = [];
  const wanted = new Map(
    table.headers.map((h, i) => [
      String(h ?? "")
        .trim()
        .toLowerCase(),
      i,
    ]),
  );
  for (const c of columns) {
    const i = wanted.get(c.header.toLowerCase()) ?? wanted.get(c.csv);
    if (i === undefined) {
      issues.push({ file, sheet: table.sheet, cell: `row ${table.headerRow}`, reason: `no "${c.header}" column` });
      positions.push(-1);
    } else positions.push(i);
  }
  if (positions.includes(-1)) return [];
  const out: T[] = [];
  const firstRow = new Map<string, number>();
  const idColumn = columnLetter(positions[columns.findIndex((c) => c.key === "id")] + 1);
  for (let r = 0; r < table.rows.length && issues.length < MAX_ISSUES_PER_RETURN; r++) {
    const cells = table.rows[r];
    const rowNumber = table.headerRow + 1 + r;
    if (cells.every((v) => v === null || v === "")) continue; // blank lines at the end of a sheet or CSV
    const obj: Record<string, unknown> = {};
    let rowOk = true;
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c];
      const res = coerce(cells[positions[c]] ?? null, col.kind);
      if (!res.ok) {
        issues.push({ file, sheet: table.sheet, cell: `${columnLetter(positions[c] + 1)}${rowNumber}`, reason: `${col.header}: ${res.reason}` });
        rowOk = false;
      } else obj[col.key] = res.value;
    }
    if (!rowOk) continue;
    const parsed = schema.safeParse(obj);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "");
        const c = columns.findIndex((x) => x.key === key);
        const header = c >= 0 ? columns[c].header : key;
        issues.push({ file, sheet: table.sheet, cell: c >= 0 ? `${columnLetter(positions[c] + 1)}${rowNumber}` : `row ${rowNumber}`, reason: `${header}: ${zodReason(issue)}` });
      }
      continue;
    }
    const key = keyOf(parsed.data);
    const first = firstRow.get(key);
    if (first !== undefined) {
      issues.push({ file, sheet: table.sheet, cell: `${idColumn}${rowNumber}`, reason: `${key} appears again (first at row ${first})` });
      continue;
    }
    firstRow.set(key, rowNumber);
    out.push(parsed.data);
  }
  return out;
}

export function parseReturn(raw: RawReturn, file: string): ParsedReturn {
  const issues: ReturnIssue[] = [];
  if (!raw.header) {
    return { ok: false, issues: [{ file, sheet: RETURN_SHEETS.header, cell: "", reason: `no ${RETURN_SHEETS.header} sheet: this is not a QSR return` }] };
  }
  const { sheet, fields } = raw.header;
  const version = fields.get("format version");
  if (!version) return { ok: false, issues: [{ file, sheet, cell: "A:A", reason: 'no "Format version" row: this is not a QSR return' }] };
  const versionNumber = Number(version.value);
  if (!Number.isInteger(versionNumber) || versionNumber < OLDEST_QSR_FORMAT_VERSION || versionNumber > QSR_FORMAT_VERSION) {
    return {
      ok: false,
      issues: [
        { file, sheet, cell: version.cell, reason: `format version ${String(version.value)} is not supported (this collector reads versions ${OLDEST_QSR_FORMAT_VERSION} to ${QSR_FORMAT_VERSION})` },
      ],
    };
  }
  const header: Record<string, unknown> = {};
  for (const f of RETURN_HEADER_FIELDS) {
    const found = fields.get(f.label.toLowerCase());
    if (!found) {
      if (f.optional) continue; // rows added in a later format: an older return has none
      issues.push({ file, sheet, cell: "A:A", reason: `no "${f.label}" row` });
      continue;
    }
    const v = found.value;
    header[f.key] = f.key === "formatVersion" ? Number(v) : v === null ? "" : typeof v === "number" && f.key === "reportingDate" ? (excelSerialToIso(v) ?? String(v)) : String(v);
  }
  let parsedHeader: QsrReturn["header"] | null = null;
  if (issues.length === 0) {
    const parsed = returnHeaderSchema.safeParse(header);
    if (parsed.success) parsedHeader = parsed.data;
    else {
      for (const issue of parsed.error.issues) {
        const f = RETURN_HEADER_FIELDS.find((x) => x.key === issue.path[0]);
        issues.push({ file, sheet, cell: f ? (fields.get(f.label.toLowerCase())?.cell ?? "") : "", reason: `${f?.label ?? "header"}: ${issue.message}` });
      }
    }
  }
  const actions = parseTable(raw.actions, RETURN_SHEETS.actions, RETURN_ACTION_COLUMNS, returnActionSchema, file, issues, (a) => `Action ${a.id}`);
  const measures = parseTable(raw.measures, RETURN_SHEETS.measures, RETURN_MEASURE_COLUMNS, returnMeasureSchema, file, issues, (m) => `Measure ${m.id}`);
  const exceptions = parseTable(raw.exceptions, RETURN_SHEETS.exceptions, RETURN_EXCEPTION_COLUMNS, returnExceptionSchema, file, issues, (e) => `${e.itemType} ${e.id}`);
  const targetChanges = raw.targetChanges
    ? parseTable(raw.targetChanges, RETURN_SHEETS.targetChanges, RETURN_TARGET_CHANGE_COLUMNS, returnTargetChangeSchema, file, issues, (c) => `${c.itemType} ${c.id} ${c.field} ${c.agreedOn ?? ""}`)
    : [];
  const history = raw.history ? parseTable(raw.history, RETURN_SHEETS.history, RETURN_HISTORY_COLUMNS, returnHistorySchema, file, issues, (h) => `${h.itemType} ${h.id} ${h.period}`) : [];
  if (issues.length > 0 || !parsedHeader) return { ok: false, issues: issues.slice(0, MAX_ISSUES_PER_RETURN) };
  return { ok: true, value: { header: parsedHeader, actions, measures, exceptions, targetChanges, history } };
}
