// The return as a folder of CSV files, one per table: return.csv (field,value), actions.csv,
// measures.csv, exceptions.csv. Headers are the snake_case field names; dates are yyyy-mm-dd;
// flags Yes/No; numbers plain. Text is neutralised against formula injection (see ../sanitise.ts).
import * as fs from "fs";
import * as path from "path";
import { RawCell, RawReturn, RawTable } from "../parseReturn";
import { sanitiseCell, unsanitiseCell } from "../sanitise";
import {
  QsrReturn,
  RETURN_ACTION_COLUMNS,
  RETURN_EXCEPTION_COLUMNS,
  RETURN_HEADER_FIELDS,
  RETURN_HISTORY_COLUMNS,
  RETURN_TARGET_CHANGE_COLUMNS,
  RETURN_MEASURE_COLUMNS,
  ReturnColumn,
} from "../schema";
import { parseCsvFile, toCsv } from "../../csv/parse";
import { MAX_CSV_BYTES, readTextFile } from "../../csv/readFile";

/** A CSV table larger than this is refused unread (a real return's tables are well under 1 MB). */

export const CSV_FILES = { header: "return.csv", actions: "actions.csv", measures: "measures.csv", exceptions: "exceptions.csv", targetChanges: "target-changes.csv", history: "history.csv" } as const;

function csvValue(kind: ReturnColumn["kind"], v: unknown): string {
  if (v === null || v === undefined) return "";
  if (kind === "flag") return v ? "Yes" : "No";
  if (typeof v === "number") return String(v);
  return sanitiseCell(String(v));
}

export function tableCsv(columns: ReturnColumn[], rows: Record<string, unknown>[]): string {
  return toCsv([columns.map((c) => c.csv), ...rows.map((r) => columns.map((c) => csvValue(c.kind, r[c.key])))]);
}

export function returnCsvFiles(r: QsrReturn): Record<keyof typeof CSV_FILES, string> {
  return {
    header: toCsv([["field", "value"], ...RETURN_HEADER_FIELDS.map((f) => [f.csv, csvValue("text", r.header[f.key])])]),
    actions: tableCsv(RETURN_ACTION_COLUMNS, r.actions),
    measures: tableCsv(RETURN_MEASURE_COLUMNS, r.measures),
    exceptions: tableCsv(RETURN_EXCEPTION_COLUMNS, r.exceptions),
    targetChanges: tableCsv(RETURN_TARGET_CHANGE_COLUMNS, r.targetChanges),
    history: tableCsv(RETURN_HISTORY_COLUMNS, r.history),
  };
}

export function writeReturnCsv(r: QsrReturn, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const files = returnCsvFiles(r);
  for (const key of Object.keys(CSV_FILES) as (keyof typeof CSV_FILES)[]) fs.writeFileSync(path.join(dir, CSV_FILES[key]), files[key], "utf8");
}

export function isReturnCsvFolder(dir: string): boolean {
  return fs.existsSync(path.join(dir, CSV_FILES.header));
}

function table(dir: string, file: string, sheet: string): RawTable | null {
  const full = path.join(dir, file);
  if (!fs.existsSync(full) && !isLink(full)) return null;
  // The safe reader: type and size first (a pipe or device named actions.csv is refused), then the encoding.
  const [headers = [], ...rows] = parseCsvFile(readTextFile(full, MAX_CSV_BYTES, file).text, file);
  return { sheet, headerRow: 1, headers, rows: rows.map((r) => r.map((v): RawCell => unsanitiseCell(v))) };
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Plain cells of a CSV return folder; "sheets" are named after the files so problems point at them. */
export function rawReturnFromCsvFolder(dir: string): RawReturn {
  const headerRows = table(dir, CSV_FILES.header, CSV_FILES.header);
  let header: RawReturn["header"] = null;
  if (headerRows) {
    const byCsv = new Map(RETURN_HEADER_FIELDS.map((f) => [f.csv, f.label.toLowerCase()]));
    const fields = new Map<string, { value: RawCell; cell: string }>();
    headerRows.rows.forEach((r, i) => {
      const key = String(r[0] ?? "").trim();
      fields.set(byCsv.get(key) ?? key.toLowerCase(), { value: r[1] ?? null, cell: `B${i + 2}` });
    });
    header = { sheet: CSV_FILES.header, fields };
  }
  return {
    header,
    actions: table(dir, CSV_FILES.actions, CSV_FILES.actions),
    measures: table(dir, CSV_FILES.measures, CSV_FILES.measures),
    exceptions: table(dir, CSV_FILES.exceptions, CSV_FILES.exceptions),
    targetChanges: table(dir, CSV_FILES.targetChanges, CSV_FILES.targetChanges),
    history: table(dir, CSV_FILES.history, CSV_FILES.history),
  };
}
