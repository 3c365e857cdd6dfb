// The structured plan a workbook already holds (from an earlier conversion or a Golden Thread plan):
// convert merges into it by ID instead of appending, and keeps what an earlier run put in Unmapped.
import { z } from "zod";
import { excelSerialToIso, isIsoDate } from "../model/dates";
import { ACTION_COLUMNS, Action, Column, Located, MEASURE_COLUMNS, Measure, actionSchema, measureSchema } from "../model/plan";
import { CellValue, TableSnapshot, WorkbookSnapshot } from "../workbook/port";
import { TABLES } from "../workbook/names";
import { columnLetter, parseBox } from "../workbook/a1";
import { parseLooseDate } from "./dates";
import { displayText } from "./grid";
import { CONVERSION_MAP_TABLE, UNMAPPED_TABLE } from "./structuredSheets";
import type { ConversionFinding, ConversionMapRow, UnmappedCell } from "./result";

export const UNMAPPED_HEADERS = ["Source sheet", "Source cell", "Source header", "Value", "Reason"] as const;
export const CONVERSION_MAP_HEADERS = ["Source sheet", "Header row", "Source column", "Source header", "Field", "Confidence", "Reason"] as const;

interface ExistingPlan {
  actions: Located<Action>[];
  measures: Located<Measure>[];
  unmapped: UnmappedCell[];
  mapRows: ConversionMapRow[];
  findings: ConversionFinding[];
}

function table(snapshot: WorkbookSnapshot, name: string): TableSnapshot | undefined {
  return snapshot.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
}

/** A stored cell back into the model's shape (dates arrive as serials or as text). */
function modelValue(value: CellValue, column: Column): unknown {
  if (value === null || (typeof value === "string" && value.trim() === "")) return undefined;
  switch (column.meta.kind) {
    case "date":
      if (typeof value === "number") return excelSerialToIso(value) ?? value;
      if (isIsoDate(String(value))) return String(value);
      return parseLooseDate(String(value)).certainty === "exact" ? parseLooseDate(String(value)).date : value;
    case "number":
    case "percent":
      return typeof value === "string" && value.trim() !== "" && !isNaN(Number(value)) ? Number(value) : value;
    case "flag":
      return typeof value === "boolean" ? value : /^(yes|true)$/i.test(String(value));
    default:
      return String(value);
  }
}

function readRows<T>(t: TableSnapshot | undefined, columns: Column[], schema: z.ZodType<T>, findings: ConversionFinding[]): Located<T>[] {
  if (!t) return [];
  const box = parseBox(t.range);
  const out: Located<T>[] = [];
  t.rows.forEach((row, i) => {
    const rowNumber = box.top + 1 + i;
    const raw: Record<string, unknown> = {};
    const where: Record<string, string> = {};
    columns.forEach((col) => {
      const at = t.headers.indexOf(col.meta.header);
      if (at < 0) return;
      const v = modelValue(row[at], col);
      if (v !== undefined) raw[col.key] = v;
      where[col.key] = columnLetter(box.left + at);
    });
    if (Object.keys(raw).length === 0) return;
    let parsed = schema.safeParse(raw);
    // A value the model rejects is dropped (reported), so one bad cell never drops the row.
    while (!parsed.success) {
      const bad = parsed.error.issues[0];
      const key = String(bad.path[0] ?? "");
      if (!(key in raw) || key === "id") {
        findings.push({
          severity: "error",
          code: "existing-row-unreadable",
          sheet: t.sheet,
          cell: `${where.id ?? columnLetter(box.left)}${rowNumber}`,
          message: `row ${rowNumber} of table ${t.name} cannot be read (${bad.message}): it is left as it is and not merged`,
        });
        return;
      }
      findings.push({
        severity: "warning",
        code: "existing-value-unreadable",
        sheet: t.sheet,
        cell: `${where[key]}${rowNumber}`,
        message: `table ${t.name}, ${key}: ${bad.message}; the value was not carried over`,
      });
      delete raw[key];
      parsed = schema.safeParse(raw);
    }
    out.push(Object.assign(parsed.data as T & object, { source: { sheet: t.sheet, row: rowNumber, columns: where } }));
  });
  return out;
}

function column(t: TableSnapshot, header: string): (row: CellValue[]) => CellValue {
  const i = t.headers.indexOf(header);
  return (row) => (i < 0 ? null : row[i]);
}

export function readExistingPlan(snapshot: WorkbookSnapshot): ExistingPlan {
  const findings: ConversionFinding[] = [];
  const actions = readRows(table(snapshot, TABLES.actions), ACTION_COLUMNS, actionSchema as unknown as z.ZodType<Action>, findings);
  const measures = readRows(table(snapshot, TABLES.measures), MEASURE_COLUMNS, measureSchema as unknown as z.ZodType<Measure>, findings);
  const unmapped: UnmappedCell[] = [];
  const u = table(snapshot, UNMAPPED_TABLE);
  if (u) {
    const [sheet, cell, header, value, reason] = UNMAPPED_HEADERS.map((h) => column(u, h));
    for (const row of u.rows) {
      const v = value(row);
      if (v === null || sheet(row) === null) continue;
      unmapped.push({
        sheet: String(sheet(row)),
        address: String(cell(row) ?? ""),
        sourceHeader: String(header(row) ?? ""),
        value: v,
        text: displayText({ value: v, isDate: false }),
        reason: String(reason(row) ?? ""),
      });
    }
  }
  const mapRows: ConversionMapRow[] = [];
  const m = table(snapshot, CONVERSION_MAP_TABLE);
  if (m) {
    const [sheet, headerRow, col, header, field, confidence, reason] = CONVERSION_MAP_HEADERS.map((h) => column(m, h));
    for (const row of m.rows) {
      if (sheet(row) === null) continue;
      mapRows.push({
        sheet: String(sheet(row)),
        headerRow: Number(headerRow(row)),
        sourceColumn: String(col(row) ?? ""),
        sourceHeader: String(header(row) ?? ""),
        field: field(row) === null || field(row) === "" ? null : String(field(row)),
        confidence: Number(confidence(row) ?? 0),
        reason: String(reason(row) ?? ""),
      });
    }
  }
  return { actions, measures, unmapped, mapRows, findings };
}
