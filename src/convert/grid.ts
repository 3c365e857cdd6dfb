// A sheet snapshot seen through absolute Excel coordinates, with merges resolved: a merged range's
// value lives in its top-left cell only, so every other cell of a merge is not a source cell.
import { CellValue, SheetSnapshot } from "../workbook/port";
import { excelSerialToIso, formatUkDate } from "../model/dates";
import { Box, cellAddress, parseBox, parseCell } from "../workbook/a1";

export type FilledValue = string | number | boolean;

/** One non-empty cell of a source sheet, the unit that must never be lost. */
export interface SourceCell {
  sheet: string;
  row: number;
  column: number;
  address: string;
  value: FilledValue;
  /** The number is shown as a date in the sheet (it is an Excel serial). */
  isDate: boolean;
  numberFormat?: string;
  /** The merged range this cell heads, when it heads one. */
  merge?: Box;
}

/** Blank means null, or text of nothing but spaces (which carries nothing to keep). */
function isBlank(value: CellValue | undefined): value is null | undefined | "" {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** True for number formats that show a date (d, y or a month name), not plain numbers or times. */
function isDateFormat(format: string | undefined): boolean {
  if (!format || /^general$/i.test(format)) return false;
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
  return /[dy]/i.test(bare) || /m{3,}/i.test(bare);
}

export function isPercentFormat(format: string | undefined): boolean {
  return !!format && format.replace(/"[^"]*"/g, "").includes("%");
}

/** What the user sees in the cell, for messages and the Unmapped table. */
export function displayText(cell: Pick<SourceCell, "value" | "isDate" | "numberFormat">): string {
  if (cell.isDate && typeof cell.value === "number") {
    // A serial that is no real date (0, negative, past 9999, the phantom 29/02/1900) is shown as its number.
    const date = excelSerialToIso(cell.value);
    return date ? formatUkDate(date) : String(cell.value);
  }
  if (typeof cell.value === "number" && isPercentFormat(cell.numberFormat)) return `${Number((cell.value * 100).toPrecision(12))}%`;
  if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
  return String(cell.value);
}

export class SheetGrid {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly merges: Box[];
  private readonly sheet: SheetSnapshot;
  private readonly mergeOf = new Map<string, Box>();

  constructor(sheet: SheetSnapshot) {
    this.sheet = sheet;
    this.name = sheet.name;
    const origin = parseCell(sheet.origin || "A1");
    this.top = origin.row;
    this.left = origin.col;
    this.bottom = origin.row + sheet.values.length - 1;
    this.right = origin.col + Math.max(0, ...sheet.values.map((r) => r.length)) - 1;
    this.merges = (sheet.merges ?? []).map((m) => parseBox(m));
    for (const m of this.merges) {
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) this.mergeOf.set(`${r},${c}`, m);
    }
  }

  /** The raw value at an absolute position (null outside the used range). */
  raw(row: number, column: number): CellValue {
    const line = this.sheet.values[row - this.top];
    if (!line) return null;
    const v = line[column - this.left];
    return v === undefined ? null : v;
  }

  numberFormat(row: number, column: number): string | undefined {
    return this.sheet.numberFormats?.[row - this.top]?.[column - this.left];
  }

  mergeAt(row: number, column: number): Box | undefined {
    return this.mergeOf.get(`${row},${column}`);
  }

  /** The source cell at a position: null when blank or when it is a non-top-left part of a merge. */
  cell(row: number, column: number): SourceCell | null {
    const merge = this.mergeAt(row, column);
    if (merge && (merge.top !== row || merge.left !== column)) return null;
    const value = this.raw(row, column);
    if (isBlank(value)) return null;
    const numberFormat = this.numberFormat(row, column);
    return {
      sheet: this.name,
      row,
      column,
      address: cellAddress(row, column),
      value,
      isDate: typeof value === "number" && isDateFormat(numberFormat),
      numberFormat,
      merge,
    };
  }

  /** The value a reader sees at a position: a merged range shows its top-left value everywhere. */
  shown(row: number, column: number): SourceCell | null {
    const merge = this.mergeAt(row, column);
    return merge ? this.cell(merge.top, merge.left) : this.cell(row, column);
  }

  isBlankRow(row: number, left = this.left, right = this.right): boolean {
    for (let c = left; c <= right; c++) if (this.cell(row, c)) return false;
    return true;
  }

  /** Every non-empty source cell, row by row. */
  sourceCells(): SourceCell[] {
    const out: SourceCell[] = [];
    for (let r = this.top; r <= this.bottom; r++) {
      for (let c = this.left; c <= this.right; c++) {
        const cell = this.cell(r, c);
        if (cell) out.push(cell);
      }
    }
    return out;
  }
}
