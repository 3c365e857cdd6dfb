// Ranges in the Excel double: values, formulas, number formats, copyFrom, delete, and what Excel stores when a value is entered.
import type { FakeRequestContext } from "./context";
import { FakeError, FakeSheet, MAX_COLUMNS, MAX_ROWS, PROTECTED, boxAddress, overlaps as overlapsBox, quoteSheet } from "./model";
import type { Box, FakeCell, Scalar } from "./model";
import { NOT_FOUND, ClientObject } from "./clientObject";
import { FakeRangeFormat, FakeDataValidation, FakeConditionalFormatCollection } from "./formats";
import { FakeWorksheet } from "./worksheet";
import { growTable, shiftDown } from "./tables";

export interface RangeTarget {
  sheet: FakeSheet;
  box: Box;
}

export function rows(box: Box): number {
  return box.r2 - box.r1 + 1;
}
export function cols(box: Box): number {
  return box.c2 - box.c1 + 1;
}

function grid<T>(t: RangeTarget, read: (cell: FakeCell | undefined) => T): T[][] {
  const out: T[][] = [];
  for (let r = t.box.r1; r <= t.box.r2; r++) {
    const row: T[] = [];
    for (let c = t.box.c1; c <= t.box.c2; c++) row.push(read(t.sheet.cell(r, c)));
    out.push(row);
  }
  return out;
}

export function checkShape(t: RangeTarget, input: unknown, property: string): unknown[][] {
  const ok = Array.isArray(input) && input.length === rows(t.box) && input.every((row) => Array.isArray(row) && row.length === cols(t.box));
  if (!ok)
    throw new FakeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property} for ${boxAddress(t.box)} needs ${rows(t.box)}x${cols(t.box)}).`,
    );
  return input as unknown[][];
}

function checkUnlocked(t: RangeTarget): void {
  if (!t.sheet.protection.protected) return;
  for (let r = t.box.r1; r <= t.box.r2; r++) for (let c = t.box.c1; c <= t.box.c2; c++) if (t.sheet.cell(r, c)?.locked !== false) throw PROTECTED();
}

export function checkFormatAllowed(t: RangeTarget, option: string): void {
  if (t.sheet.protection.protected && t.sheet.protection.options[option] !== true) throw PROTECTED();
}

/** What Excel stores when a value is entered through `values` (or `formulas` when formula is true). */
export function enter(cell: FakeCell, input: unknown): void {
  if (input === null || input === undefined) return; // null leaves the cell unchanged, as in office.js
  delete cell.formula;
  if (typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
    return;
  }
  const text = String(input);
  if (text.startsWith("'")) cell.value = text.slice(1);
  else if (/^=./.test(text)) {
    cell.formula = text;
    cell.value = "";
  } else if (/^[+-]./.test(text) && !/^[+-]?\d/.test(text)) {
    // Excel reads a leading + or - as the start of a formula: "- done" becomes =-done (#NAME?).
    cell.formula = `=${text}`;
    cell.value = "#NAME?";
  } else if (text.trim() !== "" && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim())) cell.value = Number(text);
  else if (monthYearSerial(text) !== null)
    cell.value = monthYearSerial(text) as number; // "March 2025" becomes a date
  else if (/^(true|false)$/i.test(text)) cell.value = text.toLowerCase() === "true";
  else cell.value = text;
}

/**
 * Moves relative A1 references in a formula by (rows, cols), as pasting does. Text in quotes and
 * structured references in brackets are left alone; $ anchors a row or column.
 */
function moveReferences(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return formula.replace(/"[^"]*"|\[[^\]]*\]|'[^']*'!|(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g, (match, colAnchor, col, rowAnchor, row) => {
    if (col === undefined) return match;
    const newCol = colAnchor ? col : columnLetterOf(columnNumberOf(col) + dc);
    const newRow = rowAnchor ? row : String(Number(row) + dr);
    return `${colAnchor}${newCol}${rowAnchor}${newRow}`;
  });
}

function columnNumberOf(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
}
function columnLetterOf(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Excel reads "March 2025" or "Mar-25" as the 1st of that month. */
function monthYearSerial(text: string): number | null {
  const m = /^\s*([a-z]{3})[a-z]*\.?[\s\-/,]*(\d{2}|\d{4})\s*$/i.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[1].toLowerCase());
  if (month < 0) return null;
  const year = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  return Math.round((Date.UTC(year, month, 1) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * Enters a block of values or formulas as Excel does, with two of its documented behaviours:
 * - rows a table's filter hides are skipped and the values slide into the visible rows, so data
 *   lands in the wrong rows (office-js #224);
 * - data written in the rows just below a table, within its columns, makes the table expand over
 *   them (co-authoring page, "Use Range.values to add rows"); blank rows do not expand it.
 */
function writeCells(context: FakeRequestContext, t: RangeTarget, data: unknown[][]): void {
  checkUnlocked(t);
  const hidden = new Set<number>();
  for (const x of context.model.tables) if (x.sheet === t.sheet && x.filter && x.box.c1 <= t.box.c2 && x.box.c2 >= t.box.c1) for (const r of x.filter.hiddenRows) hidden.add(r);
  let row = t.box.r1;
  for (let r = 0; r < data.length; r++, row++) {
    while (hidden.has(row)) row++;
    for (let c = 0; c < data[r].length; c++) if (data[r][c] !== null) enter(t.sheet.touch(row, t.box.c1 + c), data[r][c]);
  }
  if (!context.host.autoExpandTables) return;
  const table = context.model.tables.find((x) => x.sheet === t.sheet && x.box.r2 + 1 === t.box.r1 && t.box.c1 >= x.box.c1 && t.box.c2 <= x.box.c2);
  if (!table) return;
  let lastWithData = -1;
  data.forEach((cells, r) => {
    if (cells.some((v) => v !== null && v !== "")) lastWithData = r;
  });
  if (lastWithData >= 0) growTable(table, lastWithData + 1);
}

export class FakeRange extends ClientObject<RangeTarget> {
  private formatObject?: FakeRangeFormat;
  private validationObject?: FakeDataValidation;
  private cfObject?: FakeConditionalFormatCollection;
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly resolve: () => RangeTarget | null,
    orNull = false,
  ) {
    super(context, path, orNull);
  }
  protected find(): RangeTarget | null {
    return this.resolve();
  }
  /** Excel desktop may hand back null for a read of over 5 million cells (performance page, "Read large data"). */
  private tooBig(t: RangeTarget): boolean {
    return this.context.host.platform !== "web" && rows(t.box) * cols(t.box) > this.context.host.desktopReadCellLimit;
  }
  /** Where this range is, for commands that take a range argument (resolved at sync). */
  resolveAtSync(): RangeTarget {
    return this.target();
  }
  protected scalars(): Record<string, (t: RangeTarget) => unknown> {
    return {
      address: (t) => `${quoteSheet(t.sheet.name)}!${boxAddress(t.box)}`,
      addressLocal: (t) => `${quoteSheet(t.sheet.name)}!${boxAddress(t.box)}`,
      values: (t) => (this.tooBig(t) ? null : grid(t, (c) => c?.value ?? "")),
      formulas: (t) => (this.tooBig(t) ? null : grid(t, (c) => c?.formula ?? c?.value ?? "")),
      numberFormat: (t) => (this.tooBig(t) ? null : grid(t, (c) => c?.numberFormat ?? "General")),
      text: (t) => (this.tooBig(t) ? null : grid(t, (c) => String(c?.value ?? ""))),
      rowCount: (t) => rows(t.box),
      columnCount: (t) => cols(t.box),
      cellCount: (t) => rows(t.box) * cols(t.box),
      rowIndex: (t) => t.box.r1 - 1,
      columnIndex: (t) => t.box.c1 - 1,
    };
  }
  get address(): string {
    return this.readLoaded("address");
  }
  get rowCount(): number {
    return this.readLoaded("rowCount");
  }
  get columnCount(): number {
    return this.readLoaded("columnCount");
  }
  get cellCount(): number {
    return this.readLoaded("cellCount");
  }
  get rowIndex(): number {
    return this.readLoaded("rowIndex");
  }
  get columnIndex(): number {
    return this.readLoaded("columnIndex");
  }
  get text(): string[][] {
    return this.readLoaded("text");
  }
  get values(): Scalar[][] {
    return this.readLoaded("values");
  }
  set values(input: Scalar[][]) {
    this.queueSet(
      "values",
      input,
      (t) => {
        writeCells(this.context, t, checkShape(t, input, "values"));
      },
      true,
    );
  }
  get formulas(): Scalar[][] {
    return this.readLoaded("formulas");
  }
  set formulas(input: Scalar[][]) {
    this.queueSet(
      "formulas",
      input,
      (t) => {
        writeCells(this.context, t, checkShape(t, input, "formulas"));
      },
      true,
    );
  }
  get numberFormat(): string[][] {
    return this.readLoaded("numberFormat");
  }
  set numberFormat(input: string[][]) {
    this.queueSet("numberFormat", input, (t) => {
      const data = checkShape(t, input, "numberFormat");
      checkFormatAllowed(t, "allowFormatCells");
      for (let r = 0; r < data.length; r++) for (let c = 0; c < data[r].length; c++) if (data[r][c] !== null) t.sheet.touch(t.box.r1 + r, t.box.c1 + c).numberFormat = String(data[r][c]);
    });
  }
  set rowHidden(hidden: boolean) {
    this.queueSet("rowHidden", hidden, (t) => {
      checkFormatAllowed(t, "allowFormatRows");
      for (let r = t.box.r1; r <= t.box.r2; r++) {
        if (hidden) t.sheet.hiddenRows.add(r);
        else t.sheet.hiddenRows.delete(r);
      }
    });
  }
  get format(): FakeRangeFormat {
    return (this.formatObject ??= new FakeRangeFormat(this.context, `${this.path}.format`, () => this.find()));
  }
  get dataValidation(): FakeDataValidation {
    return (this.validationObject ??= new FakeDataValidation(this.context, `${this.path}.dataValidation`, () => this.find()));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    this.context.requireApi("1.6", "Range.conditionalFormats");
    return (this.cfObject ??= new FakeConditionalFormatCollection(this.context, `${this.path}.conditionalFormats`, () => this.target()));
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, `${this.path}.worksheet`, () => this.find()?.sheet ?? null);
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, `${this.path}.getCell(${row},${column})`, () => {
      const t = this.target();
      const r = t.box.r1 + row;
      const c = t.box.c1 + column;
      return { sheet: t.sheet, box: { r1: r, c1: c, r2: r, c2: c } };
    });
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return new FakeRange(this.context, `${this.path}.getResizedRange(${deltaRows},${deltaColumns})`, () => {
      const t = this.target();
      return { sheet: t.sheet, box: { ...t.box, r2: t.box.r2 + deltaRows, c2: t.box.c2 + deltaColumns } };
    });
  }
  /** The `count` rows just below the range (ExcelApi 1.2). */
  getRowsBelow(count = 1): FakeRange {
    return new FakeRange(this.context, `${this.path}.getRowsBelow(${count})`, () => {
      const t = this.target();
      if (t.box.r2 + count > MAX_ROWS) throw new FakeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format: rows below leave the sheet.");
      return { sheet: t.sheet, box: { ...t.box, r1: t.box.r2 + 1, r2: t.box.r2 + count } };
    });
  }
  /** The part of the range holding anything (values only when valuesOnly); null when empty (ExcelApi 1.4). */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.context.requireApi("1.4", "Range.getUsedRangeOrNullObject");
    return new FakeRange(
      this.context,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      () => {
        const t = this.target();
        let box: Box | null = null;
        for (const [key, cell] of t.sheet.cells) {
          const row = FakeSheet.rowOf(key);
          const col = FakeSheet.colOf(key);
          if (row < t.box.r1 || row > t.box.r2 || col < t.box.c1 || col > t.box.c2) continue;
          if (valuesOnly && cell.value === "" && cell.formula === undefined) continue;
          box = box ? { r1: Math.min(box.r1, row), r2: Math.max(box.r2, row), c1: Math.min(box.c1, col), c2: Math.max(box.c2, col) } : { r1: row, r2: row, c1: col, c2: col };
        }
        return box ? { sheet: t.sheet, box } : null;
      },
      true,
    );
  }
  /** Inserts blank cells here, shifting what was here down (ExcelApi 1.1; shift Down only in the double). */
  insert(shift: "Down" | "Right"): void {
    this.queueCall(
      "insert",
      [shift],
      (t) => {
        if (shift !== "Down") throw new FakeError("NotImplemented", "The Excel double only inserts with shift Down.");
        if (t.sheet.protection.protected) throw PROTECTED();
        shiftDown(this.context.model, t.sheet, t.box.r1, t.box.c1, t.box.c2, rows(t.box));
      },
      "write",
      true,
    );
  }
  /** The last row of the range (ExcelApi 1.3). */
  getLastRow(): FakeRange {
    return new FakeRange(this.context, `${this.path}.getLastRow()`, () => {
      const t = this.target();
      return { sheet: t.sheet, box: { ...t.box, r1: t.box.r2 } };
    });
  }
  /** The same-sized range moved by (rows, columns) (ExcelApi 1.1); InvalidArgument off the sheet. */
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return new FakeRange(this.context, `${this.path}.getOffsetRange(${rowOffset},${columnOffset})`, () => {
      const t = this.target();
      const box = { r1: t.box.r1 + rowOffset, r2: t.box.r2 + rowOffset, c1: t.box.c1 + columnOffset, c2: t.box.c2 + columnOffset };
      if (box.r1 < 1 || box.c1 < 1 || box.r2 > MAX_ROWS || box.c2 > MAX_COLUMNS)
        throw new FakeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: offset (${rowOffset},${columnOffset}) leaves the sheet.`);
      return { sheet: t.sheet, box };
    });
  }
  /** The rectangle both ranges cover (ExcelApi 1.1); ItemNotFound at sync when they do not meet. */
  getIntersection(other: FakeRange | string): FakeRange {
    return new FakeRange(this.context, `${this.path}.getIntersection(${typeof other === "string" ? other : "(range)"})`, () => intersect(this.target(), other, this.context, false));
  }
  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    this.context.requireApi("1.4", "Range.getIntersectionOrNullObject");
    return new FakeRange(this.context, `${this.path}.getIntersectionOrNullObject(${typeof other === "string" ? other : "(range)"})`, () => intersect(this.target(), other, this.context, true), true);
  }
  /** Excel's paste: the source tiles over a larger destination; relative A1 references move. */
  copyFrom(source: FakeRange | string, copyType: string = "All", skipBlanks = false, transpose = false): void {
    this.context.requireApi("1.9", "Range.copyFrom");
    const label = typeof source === "string" ? source : "(range)";
    this.queueCall(
      "copyFrom",
      [label, copyType, skipBlanks, transpose],
      (t) => {
        if (transpose) throw new FakeError("NotImplemented", "The Excel double does not transpose in copyFrom.");
        const from = typeof source === "string" ? this.context.model.resolveReference(source, t.sheet) : source.resolveAtSync();
        const srcRows = rows(from.box);
        const srcCols = cols(from.box);
        // A destination smaller than the source grows to the source's size, as in Excel.
        const box = { ...t.box, r2: Math.max(t.box.r2, t.box.r1 + srcRows - 1), c2: Math.max(t.box.c2, t.box.c1 + srcCols - 1) };
        if (copyType !== "Formats") checkUnlocked({ sheet: t.sheet, box });
        else checkFormatAllowed({ sheet: t.sheet, box }, "allowFormatCells");
        const snapshot: (FakeCell | undefined)[][] = [];
        for (let r = 0; r < srcRows; r++) {
          const row: (FakeCell | undefined)[] = [];
          for (let c = 0; c < srcCols; c++) {
            const cell = from.sheet.cell(from.box.r1 + r, from.box.c1 + c);
            row.push(cell ? { ...cell } : undefined);
          }
          snapshot.push(row);
        }
        for (let r = box.r1; r <= box.r2; r++)
          for (let c = box.c1; c <= box.c2; c++) {
            const sr = (r - box.r1) % srcRows;
            const sc = (c - box.c1) % srcCols;
            const src = snapshot[sr][sc];
            if (skipBlanks && (!src || (src.value === "" && src.formula === undefined))) continue;
            const dest = t.sheet.touch(r, c);
            if (copyType === "All" || copyType === "Formulas" || copyType === "Values") {
              if (copyType !== "Values" && src?.formula !== undefined) {
                dest.formula = moveReferences(src.formula, r - (from.box.r1 + sr), c - (from.box.c1 + sc));
                dest.value = "";
              } else {
                delete dest.formula;
                dest.value = src?.value ?? "";
              }
            }
            if (copyType === "All" || copyType === "Formats") {
              dest.numberFormat = src?.numberFormat;
              dest.bold = src?.bold;
              dest.wrap = src?.wrap;
              dest.locked = src?.locked;
              dest.fillColor = src?.fillColor;
              dest.fontColor = src?.fontColor;
            }
          }
        if (copyType === "All" || copyType === "Formats") {
          // Pasting formats carries conditional formats (not data validation, which is its own paste).
          for (const f of [...from.sheet.conditionalFormats])
            if (overlapsBox(f.box, from.box)) {
              const grown = { r1: Math.min(f.box.r1, box.r1), r2: Math.max(f.box.r2, box.r2), c1: f.box.c1, c2: f.box.c2 };
              const joins = from.sheet === t.sheet && f.box.c1 >= box.c1 && f.box.c2 <= box.c2 && box.r1 <= f.box.r2 + 1 && box.r2 >= f.box.r1 - 1;
              if (joins) f.box = grown;
              else
                t.sheet.conditionalFormats.push({
                  ...f,
                  box: { r1: box.r1, r2: box.r2, c1: Math.max(box.c1, f.box.c1 - from.box.c1 + box.c1), c2: Math.min(box.c2, f.box.c2 - from.box.c1 + box.c1) },
                });
            }
        }
      },
      "write",
      copyType !== "Formats",
    );
  }
  select(): void {
    this.queueCall(
      "select",
      [],
      (t) => {
        if (t.sheet.visibility !== "Visible") throw new FakeError("InvalidSelection", `The current selection is invalid for this operation: sheet "${t.sheet.name}" is hidden.`);
        this.context.model.activeSheet = t.sheet.name;
        this.context.model.selection = { sheet: t.sheet.name, address: boxAddress(t.box) };
      },
      "method",
    );
  }
  /**
   * Deletes the cells and shifts the cells below up (ExcelApi 1.1). Modelled for whole table data
   * rows (the table shrinks, as in Excel) and for ranges clear of tables; Excel refuses to shift
   * part of a table, and on a protected sheet.
   */
  delete(shift: "Up" | "Left"): void {
    this.queueCall(
      "delete",
      [shift],
      (t) => {
        if (shift !== "Up") throw new FakeError("NotImplemented", "The Excel double only deletes with shift Up.");
        if (t.sheet.protection.protected) throw PROTECTED();
        const { r1, c1, r2, c2 } = t.box;
        const height = r2 - r1 + 1;
        const tables = this.context.model.tables.filter((x) => x.sheet === t.sheet && x.box.c2 >= c1 && x.box.c1 <= c2 && x.box.r2 >= r1);
        // Deleting rows of a filtered table does nothing at all, without an error (office-js #994).
        if (tables.some((x) => x.filter && x.filter.hiddenRows.size > 0 && x.box.r1 <= r2)) return;
        for (const x of tables) {
          const inside = x.box.c1 >= c1 && x.box.c2 <= c2;
          if (x.box.r1 > r2 && inside) continue; // below: it moves up whole
          const wholeRows = x.box.c1 === c1 && x.box.c2 === c2 && r1 > x.box.r1 && r2 <= x.box.r2;
          if (!wholeRows) throw new FakeError("InvalidOperation", "This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.");
          if (height === x.box.r2 - x.box.r1) throw new FakeError("NotImplemented", "The Excel double does not delete every data row of a table.");
        }
        const moved = new Map<number, FakeCell>();
        for (const [key, cell] of t.sheet.cells) {
          const row = FakeSheet.rowOf(key);
          const col = FakeSheet.colOf(key);
          if (col < c1 || col > c2 || row < r1) continue;
          t.sheet.cells.delete(key);
          if (row > r2) moved.set(FakeSheet.key(row - height, col), cell);
        }
        for (const [key, cell] of moved) t.sheet.cells.set(key, cell);
        const shrink = (box: Box): Box | null => {
          if (box.c1 < c1 || box.c2 > c2 || box.r2 < r1) return box;
          if (box.r1 > r2) return { ...box, r1: box.r1 - height, r2: box.r2 - height };
          const remaining = box.r2 - box.r1 + 1 - (Math.min(box.r2, r2) - Math.max(box.r1, r1) + 1);
          const top = Math.min(box.r1, r1);
          return remaining === 0 ? null : { ...box, r1: top, r2: top + remaining - 1 };
        };
        for (const x of tables) x.box = shrink(x.box) as Box;
        const keep = <T extends { box: Box }>(list: T[]) => {
          for (let i = list.length - 1; i >= 0; i--) {
            const box = shrink(list[i].box);
            if (box) list[i].box = box;
            else list.splice(i, 1);
          }
        };
        keep(t.sheet.validations);
        keep(t.sheet.conditionalFormats);
      },
      "write",
      true,
    );
  }
  clear(): void {
    this.queueCall(
      "clear",
      [],
      (t) => {
        checkUnlocked(t);
        for (let r = t.box.r1; r <= t.box.r2; r++) for (let c = t.box.c1; c <= t.box.c2; c++) t.sheet.cells.delete(FakeSheet.key(r, c));
      },
      "write",
      true,
    );
  }
}

function intersect(t: RangeTarget, other: FakeRange | string, context: FakeRequestContext, orNull: boolean): RangeTarget | null {
  const o = typeof other === "string" ? context.model.resolveReference(other, t.sheet) : other.resolveAtSync();
  const box = { r1: Math.max(t.box.r1, o.box.r1), c1: Math.max(t.box.c1, o.box.c1), r2: Math.min(t.box.r2, o.box.r2), c2: Math.min(t.box.c2, o.box.c2) };
  if (o.sheet !== t.sheet || box.r1 > box.r2 || box.c1 > box.c2) {
    if (orNull) return null;
    throw NOT_FOUND(`the intersection of ${boxAddress(t.box)} and ${boxAddress(o.box)}`, "Range.getIntersection");
  }
  return { sheet: t.sheet, box };
}
