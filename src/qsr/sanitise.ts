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
