// How a status formula points at "this row's cell for field X": a structured reference in the
// workbook table, or a plain A1 cell (HyperFormula, which has no tables, and the tests).
import { Column } from "../model/plan";
import { columnLetter } from "../workbook/a1";

/** Returns the reference to this row's cell holding the model field `fieldKey` (e.g. "q2Actual"). */
export type FieldRef = (fieldKey: string) => string;

/** Excel requires ' before [ ] # and ' inside a column specifier. */
export function escapeColumnHeader(header: string): string {
  return header.replace(/['#[\]]/g, (c) => `'${c}`);
}

/** `key => Table[[#This Row],[Header]]`, the file form of `Table[@Header]`. */
export function structuredRef(table: string, columns: Column[]): FieldRef {
  const clash = duplicateHeaders(columns);
  if (clash.length > 0) throw new Error(`table ${table} has columns sharing a header, so a structured reference would be ambiguous: ${clash.join("; ")}`);
  const headers = new Map(columns.map((c) => [c.key, escapeColumnHeader(c.meta.header)]));
  return (key) => {
    const header = headers.get(key);
    if (header === undefined) throw new Error(`table ${table} has no column for field ${key}`);
    return `${table}[[#This Row],[${header}]]`;
  };
}

/** "Actual: q1Actual, q2Actual" for every header used by more than one field (Excel headers are case-insensitive). */
export function duplicateHeaders(columns: Column[]): string[] {
  const byHeader = new Map<string, string[]>();
  for (const c of columns) {
    const k = c.meta.header.toLowerCase();
    byHeader.set(k, [...(byHeader.get(k) ?? []), c.key]);
  }
  return columns
    .filter((c, i) => columns.findIndex((d) => d.meta.header.toLowerCase() === c.meta.header.toLowerCase()) === i)
    .map((c) => byHeader.get(c.meta.header.toLowerCase())!)
    .filter((keys) => keys.length > 1)
    .map((keys) => `"${columns.find((c) => c.key === keys[0])!.meta.header}": ${keys.join(", ")}`);
}

/** `key => <letter><row>` with the columns laid out left to right from column `firstColumn` (0 = A). */
export function a1Ref(columns: Column[], row: number, firstColumn = 0): FieldRef {
  const letters = new Map(columns.map((c, i) => [c.key, columnLetter(firstColumn + i + 1)]));
  return (key) => {
    const letter = letters.get(key);
    if (letter === undefined) throw new Error(`no column for field ${key}`);
    return `${letter}${row}`;
  };
}

/** Wraps a status formula so a row with no ID yet (a blank row waiting to be filled in) shows no status rather than "M". */
export function unlessRowBlank(ref: FieldRef, formula: string): string {
  return `=IF(${ref("id")}="","",${formula.replace(/^=/, "")})`;
}
