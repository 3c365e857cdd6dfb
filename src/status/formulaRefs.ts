// How a status formula points at "this row's cell for field X": a structured reference in the
// workbook table, or a plain A1 cell (HyperFormula, which has no tables, and the tests).
import { Column } from "../model/plan";

/** Returns the reference to this row's cell holding the model field `fieldKey` (e.g. "q2Actual"). */
export type FieldRef = (fieldKey: string) => string;

/** Excel requires ' before [ ] # and ' inside a column specifier. */
export function escapeColumnHeader(header: string): string {
  return header.replace(/['#[\]]/g, (c) => `'${c}`);
}

/** `key => Table[[#This Row],[Header]]`, the file form of `Table[@Header]`. */
export function structuredRef(table: string, columns: Column[]): FieldRef {
  const headers = new Map(columns.map((c) => [c.key, escapeColumnHeader(c.meta.header)]));
  return (key) => {
    const header = headers.get(key);
    if (header === undefined) throw new Error(`table ${table} has no column for field ${key}`);
    return `${table}[[#This Row],[${header}]]`;
  };
}

/** 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `key => <letter><row>` with the columns laid out left to right from column `firstColumn` (0 = A). */
export function a1Ref(columns: Column[], row: number, firstColumn = 0): FieldRef {
  const letters = new Map(columns.map((c, i) => [c.key, columnLetter(firstColumn + i)]));
  return (key) => {
    const letter = letters.get(key);
    if (letter === undefined) throw new Error(`no column for field ${key}`);
    return `${letter}${row}`;
  };
}
