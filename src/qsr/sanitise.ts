// Formula-injection neutralising for text that leaves us as CSV. Following the OWASP "CSV Injection"
// guidance, a text cell that a spreadsheet could read as a formula (it starts with = + - @, a tab or a
// carriage return) is prefixed with a single quote, so Excel shows it as text and never evaluates it.
// Text that already starts with a quote is prefixed too, so reading back (unsanitise) is exact.
// Numbers are never touched: they are written as numbers, and "-5" in a number column is not a formula.

const FORMULA_START = /^[=+\-@\t\r]/;

/** True when a spreadsheet opening this text as a cell could treat it as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The text as it should be written to a CSV cell. */
export function sanitiseCell(text: string): string {
  return looksLikeFormula(text) || text.startsWith("'") ? `'${text}` : text;
}

/** The inverse of sanitiseCell, used when reading our own CSV back. */
export function unsanitiseCell(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

/** The most characters an Excel cell holds: longer text is refused at its cell, never cut silently. */
export const EXCEL_MAX_CELL_CHARS = 32_767;

export const tooLongReason = (length: number) =>
  `the text is ${length.toLocaleString("en-GB")} characters long; an Excel cell holds at most ${EXCEL_MAX_CELL_CHARS.toLocaleString("en-GB")} (shorten it)`;

/** The path (e.g. ["actions", 3, "progress"]) and length of the first string over the cell limit, or null. */
export function findLongText(value: unknown, at: (string | number)[] = []): { path: (string | number)[]; length: number } | null {
  if (typeof value === "string") return value.length > EXCEL_MAX_CELL_CHARS ? { path: at, length: value.length } : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findLongText(value[i], [...at, i]);
      if (found) return found;
    }
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found = findLongText(v, [...at, k]);
      if (found) return found;
    }
  }
  return null;
}
