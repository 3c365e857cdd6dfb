// Formulas travel through the design in the form a user types ("=IF(...)"). The file form drops the
// "=" and prefixes functions newer than Excel 2007 with _xlfn., or Excel and LibreOffice show #NAME?.

const NEWER_FUNCTIONS = ["IFS", "SWITCH", "MAXIFS", "MINIFS", "CONCAT", "TEXTJOIN", "XLOOKUP", "XMATCH", "LET", "IFNA", "DAYS", "ISOWEEKNUM", "FILTER", "SORT", "UNIQUE", "SEQUENCE", "LAMBDA"];
const NEWER = new RegExp(`(?<![A-Za-z0-9_.\\]])(${NEWER_FUNCTIONS.join("|")})\\(`, "g");

/** "=IFS(A1>0,...)" -> "_xlfn.IFS(A1>0,...)"; strings in quotes are left alone. */
export function toFileFormula(formula: string): string {
  const body = formula.replace(/^\s*=/, "");
  // Split on string literals so a status word like "IFS(" inside quotes is never touched.
  return body
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(NEWER, "_xlfn.$1(")))
    .join("");
}
