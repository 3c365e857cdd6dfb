// A1-style cells and ranges for the converter, 1-based like Excel, as top/left/bottom/right boxes.

export { columnLetter, columnNumber } from "../workbook/addresses";
import { columnLetter, columnNumber } from "../workbook/addresses";

export interface CellRef {
  row: number;
  column: number;
}

export function parseCell(address: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`"${address}" is not a cell address like B7`);
  return { column: columnNumber(m[1]), row: Number(m[2]) };
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(range: string): RangeRef {
  const [a, b] = range.split(":");
  const start = parseCell(a);
  const end = b ? parseCell(b) : start;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}

export function rangeAddress(r: RangeRef): string {
  const a = cellAddress(r.top, r.left);
  const b = cellAddress(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}
