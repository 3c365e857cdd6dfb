// A1 addresses, the one place they are read and written: "B7", "$B$7", "A1:C9", "Actions!A1:T40",
// "'Plan details'!$B$2". Rows and columns are 1-based, as in Excel; a range is one box type.

/** A cell: row and column numbers from 1, and the sheet when the address named one. */
export interface Cell {
  sheet?: string;
  row: number;
  col: number;
}

/** A range of cells, top <= bottom and left <= right whichever way round it was written. */
export interface Box {
  sheet?: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Excel's last column (XFD) and row. */
export const MAX_COLUMN = 16384;
export const MAX_ROW = 1048576;

/** 1 -> A, 26 -> Z, 27 -> AA. */
export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new Error(`column ${col} is not a column number (columns count from 1 = A)`);
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A -> 1, Z -> 26, AA -> 27 (either case). */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new Error(`"${letters}" is not a column like B or AA`);
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
}

/** Splits "'My sheet'!A1:B2" into the sheet ('' doubled quotes undone) and "A1:B2"; a leading "=" is allowed. */
function splitSheet(address: string): { sheet?: string; rest: string } {
  const text = address.trim().replace(/^=/, "");
  const m = /^(?:'((?:[^']|'')+)'|([^!'"]+))!(.+)$/.exec(text);
  if (!m) return { rest: text };
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), rest: m[3] };
}

function cellOf(text: string, whole: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
  if (!m) throw new Error(`"${whole}" is not a cell address like B7`);
  const col = columnNumber(m[1]);
  const row = Number(m[2]);
  if (row < 1) throw new Error(`"${whole}" is not a cell address like B7 (rows count from 1)`);
  if (row > MAX_ROW || col > MAX_COLUMN) throw new Error(`"${whole}" is beyond Excel's last cell (XFD1048576)`);
  return { row, col };
}

/** "B7", "$B$7" or "Sheet!B7" -> the cell. */
export function parseCell(address: string): Cell {
  const { sheet, rest } = splitSheet(address);
  const cell = cellOf(rest, address);
  return sheet === undefined ? cell : { sheet, ...cell };
}

/** Like parseCell, but null for anything that is not one cell (a range, "row 5", a lost name's #REF!). */
export function cellOrNull(address: string): Cell | null {
  try {
    return parseCell(address);
  } catch {
    return null;
  }
}

/** "A1:C9", "C9:A1", "B7" (a one-cell box) or "Sheet!A1:B2" -> the box. */
export function parseBox(address: string): Box {
  const { sheet, rest } = splitSheet(address);
  const parts = rest.split(":");
  if (parts.length > 2) throw new Error(`"${address}" is not a range like A1:C9`);
  const a = cellOf(parts[0], address);
  const b = parts[1] === undefined ? a : cellOf(parts[1], address);
  const box = { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
  return sheet === undefined ? box : { sheet, ...box };
}

/** A box on a named sheet, as office.js gives every address. */
export type SheetBox = Box & { sheet: string };

/** Like parseBox but the address must name its sheet ("Actions!A1:T40"). */
export function parseSheetBox(address: string): SheetBox {
  const box = parseBox(address);
  if (box.sheet === undefined) throw new Error(`"${address}" is not a sheet address like Actions!A1:T40`);
  return box as SheetBox;
}

/** The sheet as a formula writes it: quoted when it holds anything but letters, digits and _. */
export function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

/** (7, 2) -> "B7". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** The box as "A1:C9" ("B7" for one cell), with its sheet when it has one. */
export function boxAddress(box: Box): string {
  const a = cellAddress(box.top, box.left);
  const b = cellAddress(box.bottom, box.right);
  return `${box.sheet === undefined ? "" : sheetPrefix(box.sheet)}${a === b ? a : `${a}:${b}`}`;
}
