// Measures and actions as CSV, one file per table, so the BI team can feed data without Excel.
// Headers are the model's snake_case names (MEASURE_COLUMNS / ACTION_COLUMNS `csv`); the canonical
// columns below must all be present (cells may be blank), other model columns are optional, and
// unknown columns are ignored. Every row is zod-parsed and keeps where it came from.
import { z } from "zod";
import { Action, ACTION_COLUMNS, actionSchema, Column, Located, Measure, MEASURE_COLUMNS, measureSchema, RowSource } from "../model/plan";
import { columnLetter } from "../workbook/a1";
import { parseCell } from "./cells";
import { CsvError, CsvProblem } from "./csvError";
import { CsvSyntaxError, parseCsvRecords } from "./parse";

export const MEASURES_CSV_HEADERS = [
  "id",
  "name",
  "type",
  "polarity",
  "frequency",
  "unit",
  "baseline",
  "annual_target",
  "q1_target",
  "q2_target",
  "q3_target",
  "q4_target",
  "q1_actual",
  "q2_actual",
  "q3_actual",
  "q4_actual",
] as const;

export const ACTIONS_CSV_HEADERS = ["id", "action", "lead_officer", "start_date", "due_date", "revised_due_date", "completed_date", "no_longer_viable"] as const;

type CsvKind = "measures" | "actions";

interface CsvTable {
  kind: CsvKind;
  columns: Column[];
  schema: z.ZodObject<z.ZodRawShape>;
  required: readonly string[];
}

const MEASURES: CsvTable = { kind: "measures", columns: MEASURE_COLUMNS, schema: measureSchema, required: MEASURES_CSV_HEADERS };
const ACTIONS: CsvTable = { kind: "actions", columns: ACTION_COLUMNS, schema: actionSchema, required: ACTIONS_CSV_HEADERS };

/** Headers compare trimmed, case-insensitively, with spaces or hyphens read as underscores. */
function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** Which table a header row belongs to: the kind with more of its canonical columns present (at least two). */
export function detectCsvKind(headers: string[]): CsvKind | null {
  const present = new Set(headers.map(normaliseHeader));
  const score = (names: readonly string[]) => names.filter((n) => present.has(n)).length;
  const measures = score(MEASURES_CSV_HEADERS);
  const actions = score(ACTIONS_CSV_HEADERS);
  if (Math.max(measures, actions) < 2 || measures === actions) return null;
  return measures > actions ? "measures" : "actions";
}

export function readMeasuresCsv(text: string, file: string): Located<Measure>[] {
  return readTableCsv(text, file, MEASURES) as Located<Measure>[];
}

export function readActionsCsv(text: string, file: string): Located<Action>[] {
  return readTableCsv(text, file, ACTIONS) as Located<Action>[];
}

interface FoundColumn {
  column: Column;
  index: number;
  header: string;
}

function readHeader(fields: string[], table: CsvTable, file: string): { found: FoundColumn[]; problems: CsvProblem[] } {
  const byCsvName = new Map(table.columns.map((c) => [c.csv, c]));
  const found: FoundColumn[] = [];
  const problems: CsvProblem[] = [];
  fields.forEach((header, index) => {
    const column = byCsvName.get(normaliseHeader(header));
    if (!column) return; // extra columns are allowed
    const twin = found.find((f) => f.column === column);
    if (twin) problems.push({ file, row: 1, column: header, message: `is the same column as ${columnLetter(twin.index + 1)} (${twin.header}); keep one` });
    else found.push({ column, index, header: header.trim() });
  });
  const missing = table.required.filter((name) => !found.some((f) => f.column.csv === name));
  if (missing.length > 0) {
    problems.push({ file, row: 1, message: `missing required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (a ${table.kind} CSV needs ${table.required.join(",")})` });
  }
  return { found, problems };
}

function readTableCsv(text: string, file: string, table: CsvTable): Located<Record<string, unknown>>[] {
  let records;
  try {
    records = parseCsvRecords(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new CsvError([{ file, row: e.line, message: e.problem }]);
    throw e;
  }
  if (records.length === 0) throw new CsvError([{ file, message: `the file is empty; the first line must be the column headers (${table.required.join(",")})` }]);

  const [headerRecord, ...rows] = records;
  const { found, problems } = readHeader(headerRecord.fields, table, file);
  if (problems.length > 0) throw new CsvError(problems);

  const headerOf = new Map(found.map((f) => [f.column.key, f.header]));
  const columns: RowSource["columns"] = Object.fromEntries(found.map((f) => [f.column.key, columnLetter(f.index + 1)]));
  const firstRowOfId = new Map<string, number>();
  const result: Located<Record<string, unknown>>[] = [];

  for (const { fields, line } of rows) {
    if (fields.length > headerRecord.fields.length) {
      problems.push({ file, row: line, message: `has ${fields.length} values but the header has ${headerRecord.fields.length} columns (is a comma inside a value not in quotes?)` });
      continue;
    }
    const raw: Record<string, unknown> = {};
    let cellProblems = false;
    for (const f of found) {
      const cell = parseCell(fields[f.index] ?? "", f.column);
      if ("problem" in cell) {
        problems.push({ file, row: line, column: f.header, message: cell.problem });
        cellProblems = true;
      } else if (cell.value !== undefined) {
        raw[f.column.key] = cell.value;
      }
    }
    if (cellProblems) continue;
    const parsed = table.schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "");
        problems.push({ file, row: line, column: headerOf.get(key) ?? key, message: issue.message });
      }
      continue;
    }
    const id = String(parsed.data.id);
    const earlier = firstRowOfId.get(id);
    if (earlier !== undefined) {
      problems.push({ file, row: line, column: headerOf.get("id"), message: `${JSON.stringify(id)} is already used on row ${earlier}; IDs must be unique` });
      continue;
    }
    firstRowOfId.set(id, line);
    result.push(Object.assign(parsed.data, { source: { file, sheet: file, row: line, columns } }));
  }
  if (problems.length > 0) throw new CsvError(problems);
  return result;
}
