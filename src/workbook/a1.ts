// A1 addresses, the one place they are read and written: "B7", "$B$7", "A1:C9", "Actions!A1:T40",
// "'Plan details'!$B$2", and open ranges ("A:C", "3:7"). Rows and columns are 1-based, as in Excel;
// a range is one box type.

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

/** Letters (either case, already checked to be letters) to a column number, with no limit: AAAA -> 18279. */
function lettersToColumn(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 0x20) - 96);
  return n;
}

/** A -> 1, Z -> 26, AA -> 27 (either case). */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new Error(`"${letters}" is not a column like B or AA`);
  return lettersToColumn(letters);
}

/**
 * A cell's address as a worksheet's XML writes it ("B7", letters then digits, no $ or sheet) as
 * numbers that may lie beyond Excel's edges (AAAA1 is column 18279): the caller says what is
 * beyond them. Null when the text is not letters then digits. A plain loop: it runs once per cell
 * of every file opened.
 */
export function cellNumbers(ref: string): { row: number; col: number } | null {
  let i = 0;
  while (i < ref.length && (ref.charCodeAt(i) | 0x20) >= 97 && (ref.charCodeAt(i) | 0x20) <= 122) i++;
  const letters = i;
  while (i < ref.length && ref.charCodeAt(i) >= 48 && ref.charCodeAt(i) <= 57) i++;
  if (letters === 0 || i === letters || i !== ref.length) return null;
  return { row: Number(ref.slice(letters)), col: lettersToColumn(ref.slice(0, letters)) };
}

/** Whether Excel would read a name as a cell (B7, XFD10, any 1 to 3 letters then digits) or as R1C1's R or C: no defined name or table may be one. */
export function looksLikeCell(name: string): boolean {
  return /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name);
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

function orNull<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch {
    return null;
  }
}

/** Like parseCell, but null for anything that is not one cell (a range, "row 5", a lost name's #REF!). */
export function cellOrNull(address: string): Cell | null {
  return orNull(() => parseCell(address));
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

/** "Lists!$A$2:$A$4": a box on a named sheet with every row and column fixed ($), the one form ExcelJS holds as a defined name. */
export function isFixedSheetBox(address: string): boolean {
  const { sheet, rest } = splitSheet(address);
  return sheet !== undefined && /^\$[A-Za-z]{1,3}\$\d+(?::\$[A-Za-z]{1,3}\$\d+)?$/.test(rest) && orNull(() => parseBox(address)) !== null;
}

const OPEN_END = /^\$?([A-Za-z]{0,4})\$?(\d{0,8})$/;

/** One end of a range that may be open: "B7", "B" (a whole column) or "7" (a whole row). */
function openEnd(text: string): { col?: number; row?: number } | null {
  const m = OPEN_END.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  return { col: m[1] ? lettersToColumn(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
}

/**
 * "A1", "A1:C9", whole columns "A:C" and whole rows "3:7" (as sqrefs, merges and print titles write
 * them), with or without $ and a sheet, as a box whose open ends reach Excel's edges; null when it
 * is none of these. The numbers are not checked against Excel's edges (up to 4 letters and 8 digits
 * are read): the structure guard clamps what reaches beyond them.
 */
export function rangeBox(address: string): Box | null {
  const { sheet, rest } = splitSheet(address);
  const [a, b = a, more] = rest.split(":");
  const s = openEnd(a);
  const e = openEnd(b);
  if (!s || !e || more !== undefined) return null;
  const box = {
    top: Math.min(s.row ?? 1, e.row ?? 1),
    left: Math.min(s.col ?? 1, e.col ?? 1),
    bottom: Math.max(s.row ?? MAX_ROW, e.row ?? MAX_ROW),
    right: Math.max(s.col ?? MAX_COLUMN, e.col ?? MAX_COLUMN),
  };
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
