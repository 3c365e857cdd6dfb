// What we hand to range.values for a port CellValue. Excel reads entered text the way a user's
// typing is read: "=..." or "- done" become formulas, "March 2025" a date, "007" the number 7.
// A leading apostrophe keeps such text as text (Excel stores it without the apostrophe).
import type { CellValue } from "../workbook/port";

/** Excel's limit on the characters in one cell. */
const MAX_CELL_CHARACTERS = 32_767;

const MONTH_THEN_DIGIT = /^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[\s\-/,]*\d/i;
const STARTS_LIKE_NUMBER = /^\s*[-+(]?\s*[£$€]?\s*[\d.]/;

/** True when Excel would turn this text into something other than the same text. */
export function needsTextMarker(text: string): boolean {
  return (
    /^[=+\-@'#]/.test(text) || // formula starts, an existing apostrophe, error-like (#N/A)
    STARTS_LIKE_NUMBER.test(text) ||
    MONTH_THEN_DIGIT.test(text) ||
    /^\s*(true|false)\s*$/i.test(text)
  );
}

/**
 * The value to write for a port cell. `blank` says what null means: "clear" writes "" (empties the
 * cell), "keep" writes null (office.js leaves the cell as it is; used for formula columns).
 */
export function toExcelInput(value: CellValue, blank: "clear" | "keep", where: () => string): string | number | boolean | null {
  if (value === null) return blank === "clear" ? "" : null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${where()}: ${value} is not a number Excel can store`);
    return value;
  }
  if (typeof value === "boolean") return value;
  if (value.length > MAX_CELL_CHARACTERS) throw new Error(`${where()}: text of ${value.length} characters is longer than Excel's ${MAX_CELL_CHARACTERS}`);
  if (value === "") return "";
  return needsTextMarker(value) ? `'${value}` : value;
}

/** What came back from range.values, as a port CellValue (an empty cell is null). */
export function fromExcelValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}
