// The Excel JS object model, as far as Golden Thread uses it, over the in-memory workbook.
// Like office.js: getters of scalar properties throw until load() + sync(); setters and methods
// queue commands that run at sync(); objects resolve their target (sheet, table, range) at sync.
import { FakeRequestContext } from "./context";
import {
  Box,
  FakeCell,
  FakeConditionalFormat,
  FakeError,
  FakeName,
  FakeSheet,
  FakeTable,
  FakeValidationArea,
  MAX_COLUMNS,
  MAX_ROWS,
  NOT_LOADED,
  PROTECTED,
  Scalar,
  boxAddress,
  contains,
  overlaps,
  parseBox,
  quoteSheet,
} from "./model";
import { jsonBytes } from "../../../src/excel/chunks";

type LoadSpec = string | string[] | { select?: string | string[] } | undefined;

function parseLoad(spec: LoadSpec, defaults: string[]): string[] {
  const raw = spec === undefined ? defaults : typeof spec === "string" ? spec.split(",") : Array.isArray(spec) ? spec : spec.select === undefined ? defaults : typeof spec.select === "string" ? spec.select.split(",") : spec.select;
  return raw.map((s) => s.trim()).filter((s) => s.length > 0);
}

const NOT_FOUND = (what: string, location: string) => new FakeError("ItemNotFound", `The requested resource doesn't exist: ${what}.`, location);

/** Base of every API object: the load/sync contract and the command queue. */
abstract class ClientObject<E> {
  private readonly loadedValues = new Map<string, unknown>();
  private nullState: boolean | undefined;
  constructor(
    readonly context: FakeRequestContext,
    protected readonly path: string,
    protected readonly orNull = false,
  ) {
    if (orNull)
      context.enqueue(path, "isNullObject", undefined, {
        kind: "method",
        run: () => {
          const isNull = this.find() === null;
          return () => (this.nullState = isNull);
        },
      });
    else this.nullState = false;
  }
  /** The target in the model, or null when it does not exist. */
  protected abstract find(): E | null;
  /** The loadable scalar properties and how to read each from the target. */
  protected abstract scalars(): Record<string, (target: E) => unknown>;

  protected target(): E {
    const found = this.find();
    if (found === null) throw NOT_FOUND(this.path, this.path);
    return found;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw NOT_LOADED("isNullObject");
    return this.nullState;
  }

  load(spec?: LoadSpec): this {
    const readers = this.scalars();
    const names = parseLoad(spec, Object.keys(readers));
    for (const name of names)
      if (!readers[name]) throw new FakeError("PropertyNotFound", `The property '${name}' is not part of this object in the Excel double (path ${this.path}).`);
    let loaded: Record<string, unknown> = {};
    this.context.enqueue(this.path, "load", names, {
      kind: "load",
      run: () => {
        const found = this.find();
        loaded = {};
        if (found !== null) for (const name of names) loaded[name] = readers[name](found);
        return () => {
          this.nullState = found === null;
          if (found !== null) for (const name of names) this.loadedValues.set(name, loaded[name]);
        };
      },
      responseBytes: () => jsonBytes(loaded),
    });
    return this;
  }

  protected readLoaded<T>(name: string): T {
    if (!this.loadedValues.has(name)) throw NOT_LOADED(name);
    return this.loadedValues.get(name) as T;
  }

  /** Queues a property write; office.js also keeps the value locally, so reading it back works. */
  protected queueSet(name: string, value: unknown, apply: (target: E) => void, changesCells = false, kind: "write" | "method" = "write"): void {
    this.loadedValues.set(name, value);
    this.context.enqueue(this.path, name, value, { kind, changesCells, run: () => void apply(this.target()) });
  }

  protected queueCall(name: string, args: unknown[], apply: (target: E) => void, kind: "write" | "method" = "write", changesCells = false): void {
    this.context.enqueue(this.path, name, args, { kind, changesCells, run: () => void apply(this.target()) });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedValues);
  }

  /** For collection loads: the readers of this object's scalars. */
  readersForItems(): Record<string, (target: E) => unknown> {
    return this.scalars();
  }
  /** For collection loads: takes the values read for this item at sync. */
  adoptLoaded(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loadedValues.set(k, v);
  }
}

// ---------------------------------------------------------------- ranges

interface RangeTarget {
  sheet: FakeSheet;
  box: Box;
}

function rows(box: Box): number {
  return box.r2 - box.r1 + 1;
}
function cols(box: Box): number {
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

function checkShape(t: RangeTarget, input: unknown, property: string): unknown[][] {
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

function checkFormatAllowed(t: RangeTarget, option: string): void {
  if (t.sheet.protection.protected && t.sheet.protection.options[option] !== true) throw PROTECTED();
}

/** What Excel stores when a value is entered through `values` (or `formulas` when formula is true). */
function enter(cell: FakeCell, input: unknown): void {
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
  else if (monthYearSerial(text) !== null) cell.value = monthYearSerial(text) as number; // "March 2025" becomes a date
  else if (/^(true|false)$/i.test(text)) cell.value = text.toLowerCase() === "true";
  else cell.value = text;
}

/**
 * Moves relative A1 references in a formula by (rows, cols), as pasting does. Text in quotes and
 * structured references in brackets are left alone; $ anchors a row or column.
 */
export function moveReferences(formula: string, dr: number, dc: number): string {
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
  /** Where this range is, for commands that take a range argument (resolved at sync). */
  resolveAtSync(): RangeTarget {
    return this.target();
  }
  protected scalars(): Record<string, (t: RangeTarget) => unknown> {
    return {
      address: (t) => `${quoteSheet(t.sheet.name)}!${boxAddress(t.box)}`,
      addressLocal: (t) => `${quoteSheet(t.sheet.name)}!${boxAddress(t.box)}`,
      values: (t) => grid(t, (c) => c?.value ?? ""),
      formulas: (t) => grid(t, (c) => c?.formula ?? c?.value ?? ""),
      numberFormat: (t) => grid(t, (c) => c?.numberFormat ?? "General"),
      text: (t) => grid(t, (c) => String(c?.value ?? "")),
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
    this.queueSet("values", input, (t) => {
      const data = checkShape(t, input, "values");
      checkUnlocked(t);
      for (let r = 0; r < data.length; r++) for (let c = 0; c < data[r].length; c++) if (data[r][c] !== null) enter(t.sheet.touch(t.box.r1 + r, t.box.c1 + c), data[r][c]);
    }, true);
  }
  get formulas(): Scalar[][] {
    return this.readLoaded("formulas");
  }
  set formulas(input: Scalar[][]) {
    this.queueSet("formulas", input, (t) => {
      const data = checkShape(t, input, "formulas");
      checkUnlocked(t);
      for (let r = 0; r < data.length; r++) for (let c = 0; c < data[r].length; c++) if (data[r][c] !== null) enter(t.sheet.touch(t.box.r1 + r, t.box.c1 + c), data[r][c]);
    }, true);
  }
  get numberFormat(): string[][] {
    return this.readLoaded("numberFormat");
  }
  set numberFormat(input: string[][]) {
    this.queueSet("numberFormat", input, (t) => {
      const data = checkShape(t, input, "numberFormat");
      checkFormatAllowed(t, "allowFormatCells");
      for (let r = 0; r < data.length; r++)
        for (let c = 0; c < data[r].length; c++) if (data[r][c] !== null) t.sheet.touch(t.box.r1 + r, t.box.c1 + c).numberFormat = String(data[r][c]);
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
      if (box.r1 < 1 || box.c1 < 1 || box.r2 > MAX_ROWS || box.c2 > MAX_COLUMNS) throw new FakeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: offset (${rowOffset},${columnOffset}) leaves the sheet.`);
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
    this.queueCall("copyFrom", [label, copyType, skipBlanks, transpose], (t) => {
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
    }, "write", copyType !== "Formats");
  }
  select(): void {
    this.queueCall("select", [], (t) => {
      if (t.sheet.visibility !== "Visible") throw new FakeError("InvalidSelection", `The current selection is invalid for this operation: sheet "${t.sheet.name}" is hidden.`);
      this.context.model.activeSheet = t.sheet.name;
      this.context.model.selection = { sheet: t.sheet.name, address: boxAddress(t.box) };
    }, "method");
  }
  /**
   * Deletes the cells and shifts the cells below up (ExcelApi 1.1). Modelled for whole table data
   * rows (the table shrinks, as in Excel) and for ranges clear of tables; Excel refuses to shift
   * part of a table, and on a protected sheet.
   */
  delete(shift: "Up" | "Left"): void {
    this.queueCall("delete", [shift], (t) => {
      if (shift !== "Up") throw new FakeError("NotImplemented", "The Excel double only deletes with shift Up.");
      if (t.sheet.protection.protected) throw PROTECTED();
      const { r1, c1, r2, c2 } = t.box;
      const height = r2 - r1 + 1;
      const tables = this.context.model.tables.filter((x) => x.sheet === t.sheet && x.box.c2 >= c1 && x.box.c1 <= c2 && x.box.r2 >= r1);
      for (const x of tables) {
        const inside = x.box.c1 >= c1 && x.box.c2 <= c2;
        if (x.box.r1 > r2 && inside) continue; // below: it moves up whole
        const wholeRows = x.box.c1 === c1 && x.box.c2 === c2 && r1 > x.box.r1 && r2 <= x.box.r2;
        if (!wholeRows) throw new FakeError("InvalidOperation", "This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.");
        if (height === x.box.r2 - x.box.r1) throw new FakeError("NotImplemented", "The Excel double does not delete every data row of a table.");
      }
      const moved = new Map<number, FakeCell>();
      for (const [key, cell] of t.sheet.cells) {
        const row = Math.floor(key / MAX_COLUMNS);
        const col = key % MAX_COLUMNS;
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
    }, "write", true);
  }
  clear(): void {
    this.queueCall("clear", [], (t) => {
      checkUnlocked(t);
      for (let r = t.box.r1; r <= t.box.r2; r++) for (let c = t.box.c1; c <= t.box.c2; c++) t.sheet.cells.delete(FakeSheet.key(r, c));
    }, "write", true);
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

class FakeRangeFormat extends ClientObject<RangeTarget> {
  readonly font: FakeStyleColour;
  readonly fill: FakeStyleColour;
  readonly protection: FakeFormatProtection;
  constructor(context: FakeRequestContext, path: string, private readonly resolve: () => RangeTarget | null) {
    super(context, path);
    this.font = new FakeStyleColour(context, `${path}.font`, resolve, "font");
    this.fill = new FakeStyleColour(context, `${path}.fill`, resolve, "fill");
    this.protection = new FakeFormatProtection(context, `${path}.protection`, resolve);
  }
  protected find(): RangeTarget | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (t: RangeTarget) => unknown> {
    return {
      columnWidth: (t) => t.sheet.columnWidths.get(t.box.c1) ?? 48,
      wrapText: (t) => t.sheet.cell(t.box.r1, t.box.c1)?.wrap ?? false,
    };
  }
  get columnWidth(): number {
    return this.readLoaded("columnWidth");
  }
  set columnWidth(points: number) {
    this.queueSet("columnWidth", points, (t) => {
      checkFormatAllowed(t, "allowFormatColumns");
      for (let c = t.box.c1; c <= t.box.c2; c++) t.sheet.columnWidths.set(c, points);
    });
  }
  get wrapText(): boolean {
    return this.readLoaded("wrapText");
  }
  set wrapText(wrap: boolean) {
    this.queueSet("wrapText", wrap, (t) => {
      checkFormatAllowed(t, "allowFormatCells");
      eachCell(t, (cell) => (cell.wrap = wrap));
    });
  }
  autofitColumns(): void {
    this.queueCall("autofitColumns", [], () => undefined);
  }
}

function eachCell(t: RangeTarget, fn: (cell: FakeCell) => void): void {
  if (rows(t.box) * cols(t.box) > 2_000_000) throw new FakeError("OperationCellsExceedLimit", "The operation attempted affects more than the limit of 33554000 cells (the double caps per-cell formats at 2,000,000).");
  for (let r = t.box.r1; r <= t.box.r2; r++) for (let c = t.box.c1; c <= t.box.c2; c++) fn(t.sheet.touch(r, c));
}

class FakeStyleColour extends ClientObject<RangeTarget> {
  constructor(context: FakeRequestContext, path: string, private readonly resolve: () => RangeTarget | null, private readonly part: "font" | "fill") {
    super(context, path);
  }
  protected find(): RangeTarget | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (t: RangeTarget) => unknown> {
    const first = (t: RangeTarget) => t.sheet.cell(t.box.r1, t.box.c1);
    return {
      color: (t) => (this.part === "font" ? first(t)?.fontColor : first(t)?.fillColor) ?? null,
      bold: (t) => first(t)?.bold ?? false,
    };
  }
  get color(): string {
    return this.readLoaded("color");
  }
  set color(colour: string) {
    this.queueSet("color", colour, (t) => {
      checkFormatAllowed(t, "allowFormatCells");
      eachCell(t, (cell) => (this.part === "font" ? (cell.fontColor = colour) : (cell.fillColor = colour)));
    });
  }
  get bold(): boolean {
    return this.readLoaded("bold");
  }
  set bold(bold: boolean) {
    this.queueSet("bold", bold, (t) => {
      checkFormatAllowed(t, "allowFormatCells");
      eachCell(t, (cell) => (cell.bold = bold));
    });
  }
}

class FakeFormatProtection extends ClientObject<RangeTarget> {
  constructor(context: FakeRequestContext, path: string, private readonly resolve: () => RangeTarget | null) {
    super(context, path);
  }
  protected find(): RangeTarget | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (t: RangeTarget) => unknown> {
    return { locked: (t) => t.sheet.cell(t.box.r1, t.box.c1)?.locked !== false };
  }
  get locked(): boolean {
    return this.readLoaded("locked");
  }
  set locked(locked: boolean) {
    this.queueSet("locked", locked, (t) => {
      if (t.sheet.protection.protected) throw PROTECTED();
      eachCell(t, (cell) => (cell.locked = locked));
    });
  }
}

// ---------------------------------------------------------------- validation and conditional formats

class FakeDataValidation extends ClientObject<RangeTarget> {
  constructor(context: FakeRequestContext, path: string, private readonly resolve: () => RangeTarget | null) {
    super(context, path);
    context.requireApi("1.8", "Range.dataValidation");
  }
  protected find(): RangeTarget | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (t: RangeTarget) => unknown> {
    const at = (t: RangeTarget) => t.sheet.validationAt(t.box.r1, t.box.c1);
    return {
      rule: (t) => at(t)?.rule ?? {},
      prompt: (t) => at(t)?.prompt ?? null,
      errorAlert: (t) => at(t)?.errorAlert ?? null,
      type: (t) => Object.keys(at(t)?.rule ?? {})[0] ?? "None",
    };
  }
  /** The area for exactly this range, created when first written (Excel keeps validation per cell). */
  private area(t: RangeTarget): FakeValidationArea {
    if (t.sheet.protection.protected) throw PROTECTED();
    const same = t.sheet.validations.find((v) => v.box.r1 === t.box.r1 && v.box.c1 === t.box.c1 && v.box.r2 === t.box.r2 && v.box.c2 === t.box.c2);
    if (same) return same;
    const area: FakeValidationArea = { box: { ...t.box }, rule: null, prompt: null, errorAlert: null };
    t.sheet.validations.push(area);
    return area;
  }
  get rule(): Record<string, unknown> {
    return this.readLoaded("rule");
  }
  set rule(rule: Record<string, unknown>) {
    this.queueSet("rule", rule, (t) => {
      const kinds = Object.keys(rule ?? {});
      if (kinds.length !== 1) throw new FakeError("InvalidArgument", `A data validation rule needs exactly one type, got ${kinds.join(", ") || "none"}.`);
      const list = (rule as { list?: { source?: unknown } }).list;
      if (list && typeof list.source === "string" && list.source.startsWith("=")) this.context.model.resolveReference(list.source, t.sheet);
      this.area(t).rule = rule;
    });
  }
  get prompt(): Record<string, unknown> {
    return this.readLoaded("prompt");
  }
  set prompt(prompt: Record<string, unknown>) {
    this.queueSet("prompt", prompt, (t) => {
      const message = String((prompt as { message?: unknown }).message ?? "");
      if (message.length > 255) throw new FakeError("InvalidArgument", `An input message is limited to 255 characters (got ${message.length}).`);
      this.area(t).prompt = prompt;
    });
  }
  get errorAlert(): Record<string, unknown> {
    return this.readLoaded("errorAlert");
  }
  set errorAlert(alert: Record<string, unknown>) {
    this.queueSet("errorAlert", alert, (t) => (this.area(t).errorAlert = alert));
  }
  clear(): void {
    this.queueCall("clear", [], (t) => {
      if (t.sheet.protection.protected) throw PROTECTED();
      for (let i = t.sheet.validations.length - 1; i >= 0; i--) if (overlaps(t.sheet.validations[i].box, t.box)) t.sheet.validations.splice(i, 1);
    });
  }
}

class FakeConditionalFormatCollection extends ClientObject<RangeTarget> {
  constructor(context: FakeRequestContext, path: string, private readonly resolve: () => RangeTarget) {
    super(context, path);
  }
  protected find(): RangeTarget | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (t: RangeTarget) => unknown> {
    return { count: (t) => t.sheet.conditionalFormats.filter((f) => overlaps(f.box, t.box)).length };
  }
  get count(): number {
    return this.readLoaded("count");
  }
  add(type: string): FakeConditionalFormat_ {
    let created: FakeConditionalFormat | null = null;
    this.queueCall("add", [type], (t) => {
      if (t.sheet.protection.protected) throw PROTECTED();
      created = { box: { ...t.box }, type, rule: null };
      t.sheet.conditionalFormats.push(created);
    });
    return new FakeConditionalFormat_(this.context, `${this.path}.add(${type})`, () => created);
  }
  clearAll(): void {
    this.queueCall("clearAll", [], (t) => {
      for (let i = t.sheet.conditionalFormats.length - 1; i >= 0; i--) if (overlaps(t.sheet.conditionalFormats[i].box, t.box)) t.sheet.conditionalFormats.splice(i, 1);
    });
  }
}

/** A conditional format; cellValue and textComparison are views of the same record. */
class FakeConditionalFormat_ extends ClientObject<FakeConditionalFormat> {
  readonly cellValue: FakeConditionalRule;
  readonly textComparison: FakeConditionalRule;
  constructor(context: FakeRequestContext, path: string, private readonly resolve: () => FakeConditionalFormat | null) {
    super(context, path);
    this.cellValue = new FakeConditionalRule(context, `${path}.cellValue`, resolve, "CellValue");
    this.textComparison = new FakeConditionalRule(context, `${path}.textComparison`, resolve, "ContainsText");
  }
  protected find(): FakeConditionalFormat | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (f: FakeConditionalFormat) => unknown> {
    return { type: (f) => f.type, stopIfTrue: () => false };
  }
  get type(): string {
    return this.readLoaded("type");
  }
}

class FakeConditionalRule extends ClientObject<FakeConditionalFormat> {
  readonly format: { fill: FakeCfColour; font: FakeCfColour };
  constructor(context: FakeRequestContext, path: string, private readonly resolve: () => FakeConditionalFormat | null, private readonly kind: string) {
    super(context, path);
    const owner = () => this.checked();
    this.format = { fill: new FakeCfColour(context, `${path}.format.fill`, owner, "fill"), font: new FakeCfColour(context, `${path}.format.font`, owner, "font") };
  }
  private checked(): FakeConditionalFormat | null {
    const f = this.resolve();
    if (f && f.type !== this.kind) throw new FakeError("InvalidOperation", `This conditional format is ${f.type}, not ${this.kind}.`);
    return f;
  }
  protected find(): FakeConditionalFormat | null {
    return this.checked();
  }
  protected scalars(): Record<string, (f: FakeConditionalFormat) => unknown> {
    return { rule: (f) => f.rule };
  }
  get rule(): Record<string, unknown> {
    return this.readLoaded("rule");
  }
  set rule(rule: Record<string, unknown>) {
    this.queueSet("rule", rule, (f) => (f.rule = rule));
  }
}

class FakeCfColour extends ClientObject<FakeConditionalFormat> {
  constructor(context: FakeRequestContext, path: string, private readonly resolve: () => FakeConditionalFormat | null, private readonly part: "fill" | "font") {
    super(context, path);
  }
  protected find(): FakeConditionalFormat | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (f: FakeConditionalFormat) => unknown> {
    return { color: (f) => f[this.part] ?? null };
  }
  get color(): string {
    return this.readLoaded("color");
  }
  set color(colour: string) {
    this.queueSet("color", colour, (f) => (f[this.part] = colour));
  }
}

// ---------------------------------------------------------------- worksheets

export class FakeWorksheet extends ClientObject<FakeSheet> {
  constructor(context: FakeRequestContext, path: string, private readonly resolve: () => FakeSheet | null, orNull = false) {
    super(context, path, orNull);
  }
  protected find(): FakeSheet | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (s: FakeSheet) => unknown> {
    return {
      name: (s) => s.name,
      id: (s) => s.id,
      visibility: (s) => s.visibility,
      position: (s) => this.context.model.sheets.indexOf(s),
    };
  }
  get name(): string {
    return this.readLoaded("name");
  }
  set name(name: string) {
    this.queueSet("name", name, (s) => {
      const other = this.context.model.findSheet(name);
      if (other && other !== s) throw new FakeError("ItemAlreadyExists", `A resource with the same name or identifier already exists: "${name}".`);
      s.name = name;
    });
  }
  get id(): string {
    return this.readLoaded("id");
  }
  get position(): number {
    return this.readLoaded("position");
  }
  get visibility(): string {
    return this.readLoaded("visibility");
  }
  set visibility(visibility: string) {
    this.queueSet("visibility", visibility, (s) => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(visibility)) throw new FakeError("InvalidArgument", `Unknown sheet visibility "${visibility}".`);
      if (visibility !== "Visible" && this.context.model.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0)
        throw new FakeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      s.visibility = visibility as FakeSheet["visibility"];
    });
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, `${this.path}.getRange(${address ?? ""})`, () => {
      const sheet = this.target();
      return { sheet, box: address === undefined ? parseBox("A1:XFD1048576") : parseBox(address) };
    });
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, `${this.path}.getUsedRange(${valuesOnly})`, () => {
      const sheet = this.target();
      return { sheet, box: sheet.usedBox(valuesOnly) ?? parseBox("A1") };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.context.requireApi("1.4", "Worksheet.getUsedRangeOrNullObject");
    return new FakeRange(
      this.context,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      () => {
        const sheet = this.target();
        const box = sheet.usedBox(valuesOnly);
        return box ? { sheet, box } : null;
      },
      true,
    );
  }
  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, `${this.path}.tables`, () => this.target());
  }
  get freezePanes(): { freezeRows: (count?: number) => void; unfreeze: () => void } {
    this.context.requireApi("1.7", "Worksheet.freezePanes");
    return {
      freezeRows: (count = 1) => this.queueCall("freezePanes.freezeRows", [count], (s) => (s.frozenRows = count)),
      unfreeze: () => this.queueCall("freezePanes.unfreeze", [], (s) => (s.frozenRows = 0)),
    };
  }
  get protection(): FakeSheetProtection {
    return new FakeSheetProtection(this.context, `${this.path}.protection`, () => this.find());
  }
  get pageLayout(): FakePageLayout {
    this.context.requireApi("1.9", "Worksheet.pageLayout");
    return new FakePageLayout(this.context, `${this.path}.pageLayout`, () => this.find());
  }
  activate(): void {
    this.queueCall("activate", [], (s) => {
      if (s.visibility !== "Visible") throw new FakeError("InvalidOperation", `Cannot activate hidden sheet "${s.name}".`);
      this.context.model.activeSheet = s.name;
    }, "method");
  }
  delete(): void {
    this.queueCall("delete", [], (s) => {
      const model = this.context.model;
      if (model.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) throw new FakeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      model.sheets.splice(model.sheets.indexOf(s), 1);
      for (let i = model.tables.length - 1; i >= 0; i--) if (model.tables[i].sheet === s) model.tables.splice(i, 1);
      if (model.activeSheet === s.name) model.activeSheet = model.sheets.find((x) => x.visibility === "Visible")?.name ?? null;
      if (model.selection?.sheet === s.name) model.selection = null;
    });
  }
}

class FakeSheetProtection extends ClientObject<FakeSheet> {
  constructor(context: FakeRequestContext, path: string, private readonly resolve: () => FakeSheet | null) {
    super(context, path);
  }
  protected find(): FakeSheet | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (s: FakeSheet) => unknown> {
    return { protected: (s) => s.protection.protected, options: (s) => ({ ...s.protection.options }) };
  }
  get protected(): boolean {
    return this.readLoaded("protected");
  }
  get options(): Record<string, unknown> {
    return this.readLoaded("options");
  }
  protect(options?: Record<string, unknown>, password?: string): void {
    this.queueCall("protect", [options ?? {}, password === undefined ? undefined : "***"], (s) => {
      if (s.protection.protected) throw new FakeError("InvalidOperation", `Sheet "${s.name}" is already protected.`);
      s.protection = { protected: true, options: { ...(options ?? {}) } };
    });
  }
  unprotect(): void {
    this.queueCall("unprotect", [], (s) => (s.protection = { protected: false, options: {} }));
  }
}

class FakePageLayout extends ClientObject<FakeSheet> {
  constructor(context: FakeRequestContext, path: string, private readonly resolve: () => FakeSheet | null) {
    super(context, path);
  }
  protected find(): FakeSheet | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (s: FakeSheet) => unknown> {
    return { orientation: (s) => s.pageLayout.orientation, paperSize: (s) => s.pageLayout.paperSize, zoom: (s) => ({ ...s.pageLayout.zoom }), printOrder: (s) => s.pageLayout.printOrder };
  }
  get orientation(): string {
    return this.readLoaded("orientation");
  }
  set orientation(o: string) {
    this.queueSet("orientation", o, (s) => (s.pageLayout.orientation = o));
  }
  get paperSize(): string {
    return this.readLoaded("paperSize");
  }
  set paperSize(p: string) {
    this.queueSet("paperSize", p, (s) => (s.pageLayout.paperSize = p));
  }
  get zoom(): Record<string, unknown> {
    return this.readLoaded("zoom");
  }
  set zoom(z: Record<string, unknown>) {
    this.queueSet("zoom", z, (s) => (s.pageLayout.zoom = { ...z }));
  }
  setPrintTitleRows(rows: string): void {
    this.queueCall("setPrintTitleRows", [rows], (s) => {
      parseBox(rows);
      s.pageLayout.printTitleRows = rows;
    });
  }
  setPrintTitleColumns(columns: string): void {
    this.queueCall("setPrintTitleColumns", [columns], (s) => {
      parseBox(columns);
      s.pageLayout.printTitleColumns = columns;
    });
  }
  setPrintArea(area: string): void {
    this.queueCall("setPrintArea", [area], (s) => {
      parseBox(area);
      s.pageLayout.printArea = area;
    });
  }
  get printOrder(): string {
    return this.readLoaded("printOrder");
  }
  set printOrder(order: string) {
    this.queueSet("printOrder", order, (s) => (s.pageLayout.printOrder = order));
  }
}

export class FakeWorksheetCollection extends ClientObject<FakeSheet[]> {
  private itemList?: FakeWorksheet[];
  protected find(): FakeSheet[] {
    return this.context.model.sheets;
  }
  protected scalars(): Record<string, (s: FakeSheet[]) => unknown> {
    return { count: (s) => s.length };
  }
  get count(): number {
    return this.readLoaded("count");
  }
  /** Loads items: "items/name, items/visibility" or "name, visibility". */
  override load(spec?: LoadSpec): this {
    const names = parseLoad(spec, ["name"]).map((n) => n.replace(/^items\//, ""));
    loadItems(this.context, "worksheets", () => this.context.model.sheets, (s) => new FakeWorksheet(this.context, `worksheets.getItem(${s.id})`, () => (this.context.model.sheets.includes(s) ? s : null)), names, (items) => (this.itemList = items));
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.itemList) throw NOT_LOADED("items");
    return this.itemList;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets.getItem(${name})`, () => {
      const s = this.context.model.findSheet(name);
      if (!s) throw NOT_FOUND(`worksheet "${name}"`, "Worksheets.getItem");
      return s;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets.getItemOrNullObject(${name})`, () => this.context.model.findSheet(name) ?? null, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, "worksheets.getActiveWorksheet()", () => {
      const name = this.context.model.activeSheet;
      return name ? (this.context.model.findSheet(name) ?? null) : null;
    });
  }
  add(name?: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.queueCall("add", [name], () => {
      created = this.context.model.addSheet(name ?? `Sheet${this.context.model.sheets.length + 1}`);
    });
    return new FakeWorksheet(this.context, `worksheets.add(${name})`, () => created);
  }
}

/** Queues a load of a collection's items; items get proxies whose listed properties are loaded. */
function loadItems<E, P extends ClientObject<E>>(
  context: FakeRequestContext,
  path: string,
  list: () => E[],
  proxy: (e: E) => P,
  names: string[],
  commit: (items: P[]) => void,
): void {
  let snapshot: { entity: E; proxy: P }[] = [];
  let response = 0;
  context.enqueue(path, "load", names.map((n) => `items/${n}`), {
    kind: "load",
    run: () => {
      snapshot = list().map((entity) => ({ entity, proxy: proxy(entity) }));
      const readers = snapshot.map(({ proxy: p }) => p.readersForItems());
      const loaded = snapshot.map(({ entity }, i) => {
        const row: Record<string, unknown> = {};
        for (const n of names) {
          const read = readers[i][n];
          if (!read) throw new FakeError("PropertyNotFound", `The property '${n}' is not part of items of ${path} in the Excel double.`);
          row[n] = read(entity);
        }
        return row;
      });
      response = jsonBytes(loaded);
      return () => {
        snapshot.forEach(({ proxy: p }, i) => p.adoptLoaded(loaded[i]));
        commit(snapshot.map((s) => s.proxy));
      };
    },
    responseBytes: () => response,
  });
}

// ---------------------------------------------------------------- tables

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;

export class FakeTableCollection extends ClientObject<FakeTable[]> {
  private itemList?: FakeTable_[];
  constructor(context: FakeRequestContext, path: string, private readonly scope?: () => FakeSheet) {
    super(context, path);
  }
  protected find(): FakeTable[] {
    const all = this.context.model.tables;
    if (!this.scope) return all;
    const sheet = this.scope();
    return all.filter((t) => t.sheet === sheet);
  }
  protected scalars(): Record<string, (t: FakeTable[]) => unknown> {
    return { count: (t) => t.length };
  }
  get count(): number {
    return this.readLoaded("count");
  }
  override load(spec?: LoadSpec): this {
    const names = parseLoad(spec, ["name"]).map((n) => n.replace(/^items\//, ""));
    loadItems(this.context, this.path, () => this.find(), (t) => new FakeTable_(this.context, `tables.getItem(${t.id})`, () => (this.context.model.tables.includes(t) ? t : null)), names, (items) => (this.itemList = items));
    return this;
  }
  get items(): FakeTable_[] {
    if (!this.itemList) throw NOT_LOADED("items");
    return this.itemList;
  }
  getItem(name: string): FakeTable_ {
    return new FakeTable_(this.context, `tables.getItem(${name})`, () => {
      const t = this.find().find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) throw NOT_FOUND(`table "${name}"`, "Tables.getItem");
      return t;
    });
  }
  getItemOrNullObject(name: string): FakeTable_ {
    return new FakeTable_(this.context, `tables.getItemOrNullObject(${name})`, () => this.find().find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? null, true);
  }
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable_ {
    let created: FakeTable | null = null;
    const where = typeof address === "string" ? address : "(range)";
    this.queueCall("add", [where, hasHeaders], () => {
      const model = this.context.model;
      let sheet: FakeSheet;
      let box: Box;
      if (typeof address === "string") {
        const scoped = this.scope?.();
        ({ sheet, box } = model.resolveReference(address, scoped));
      } else {
        ({ sheet, box } = (address as FakeRange).resolveAtSync());
      }
      if (sheet.protection.protected) throw PROTECTED();
      if (model.tables.some((t) => t.sheet === sheet && overlaps(t.box, box))) throw new FakeError("InvalidOperation", `A table can't overlap another table (${boxAddress(box)}).`);
      if (!hasHeaders) {
        // Excel inserts a header row above the data.
        box = { ...box, r2: box.r2 + 1 };
        for (let c = box.c1; c <= box.c2; c++) sheet.touch(box.r1, c).value = `Column${c - box.c1 + 1}`;
      } else {
        const seen = new Set<string>();
        for (let c = box.c1; c <= box.c2; c++) {
          const cell = sheet.touch(box.r1, c);
          let header = String(cell.value === "" ? `Column${c - box.c1 + 1}` : cell.value);
          for (let n = 2; seen.has(header.toLowerCase()); n++) header = `${cell.value}${n}`;
          seen.add(header.toLowerCase());
          cell.value = header;
          delete cell.formula;
        }
      }
      created = { id: model.newId("table"), name: `Table${model.tables.length + 1}`, sheet, box, style: "TableStyleMedium2", showBandedRows: true };
      while (model.findTable(created.name) || model.findName(created.name)) created.name = `${created.name}_`;
      model.tables.push(created);
    });
    return new FakeTable_(this.context, `tables.add(${where})`, () => created);
  }
}

/**
 * What Excel does when a table grows by `count` rows at the bottom: the new rows take the last
 * data row's cell formats (number format, font, fill, wrap, locking); validation and conditional
 * formats over a column's whole body grow with it; and a calculated column (every data cell
 * holding the same formula) fills the new rows.
 */
function growTable(t: FakeTable, count: number): void {
  const firstData = t.box.r1 + 1;
  const last = t.box.r2;
  const sheet = t.sheet;
  const newBottom = last + count;
  if (last >= firstData) {
    for (let c = t.box.c1; c <= t.box.c2; c++) {
      const template = sheet.cell(last, c);
      let formula = sheet.cell(firstData, c)?.formula;
      for (let r = firstData + 1; r <= last && formula !== undefined; r++) if (sheet.cell(r, c)?.formula !== formula) formula = undefined;
      for (let r = last + 1; r <= newBottom; r++) {
        const cell = sheet.touch(r, c);
        if (template) Object.assign(cell, { numberFormat: template.numberFormat, bold: template.bold, wrap: template.wrap, locked: template.locked, fillColor: template.fillColor, fontColor: template.fontColor });
        if (formula !== undefined) {
          cell.formula = formula;
          cell.value = "";
        }
      }
    }
    const grows = (box: Box) => box.r1 >= firstData && box.r2 === last && box.c1 >= t.box.c1 && box.c2 <= t.box.c2;
    for (const v of sheet.validations) if (grows(v.box)) v.box = { ...v.box, r2: newBottom };
    for (const f of sheet.conditionalFormats) if (grows(f.box)) f.box = { ...f.box, r2: newBottom };
  }
  t.box = { ...t.box, r2: newBottom };
}

function tableHeaders(t: FakeTable): string[] {
  const out: string[] = [];
  for (let c = t.box.c1; c <= t.box.c2; c++) out.push(String(t.sheet.cell(t.box.r1, c)?.value ?? ""));
  return out;
}

/** A table (named with a trailing underscore so it does not clash with the model's FakeTable). */
export class FakeTable_ extends ClientObject<FakeTable> {
  constructor(context: FakeRequestContext, path: string, private readonly resolve: () => FakeTable | null, orNull = false) {
    super(context, path, orNull);
  }
  protected find(): FakeTable | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (t: FakeTable) => unknown> {
    return { name: (t) => t.name, id: (t) => t.id, style: (t) => t.style, showBandedRows: (t) => t.showBandedRows };
  }
  get name(): string {
    return this.readLoaded("name");
  }
  set name(name: string) {
    this.queueSet("name", name, (t) => {
      const model = this.context.model;
      if (!TABLE_NAME.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rc]$/i.test(name))
        throw new FakeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: table name "${name}".`);
      const other = model.findTable(name);
      if ((other && other !== t) || model.findName(name)) throw new FakeError("ItemAlreadyExists", `A resource with the same name or identifier already exists: "${name}".`);
      t.name = name;
    });
  }
  get id(): string {
    return this.readLoaded("id");
  }
  get style(): string {
    return this.readLoaded("style");
  }
  set style(style: string) {
    this.queueSet("style", style, (t) => (t.style = style));
  }
  get showBandedRows(): boolean {
    return this.readLoaded("showBandedRows");
  }
  set showBandedRows(show: boolean) {
    this.queueSet("showBandedRows", show, (t) => (t.showBandedRows = show));
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, `${this.path}.worksheet`, () => this.find()?.sheet ?? null);
  }
  private part(name: string, box: (t: FakeTable) => Box | null): FakeRange {
    return new FakeRange(this.context, `${this.path}.${name}()`, () => {
      const t = this.target();
      const b = box(t);
      if (!b) throw new FakeError("ItemNotFound", `Table "${t.name}" has no data rows.`);
      return { sheet: t.sheet, box: b };
    });
  }
  getRange(): FakeRange {
    return this.part("getRange", (t) => t.box);
  }
  getHeaderRowRange(): FakeRange {
    return this.part("getHeaderRowRange", (t) => ({ ...t.box, r2: t.box.r1 }));
  }
  getDataBodyRange(): FakeRange {
    return this.part("getDataBodyRange", (t) => (t.box.r2 > t.box.r1 ? { ...t.box, r1: t.box.r1 + 1 } : null));
  }
  get columns(): FakeTableColumnCollection {
    return new FakeTableColumnCollection(this.context, `${this.path}.columns`, () => this.target());
  }
  get rows(): { add: (index?: number | null, values?: Scalar[][]) => void } {
    return {
      add: (index?: number | null, values?: Scalar[][]) =>
        this.queueCall("rows.add", [index ?? null, values ?? null], (t) => {
          if (index !== undefined && index !== null) throw new FakeError("NotImplemented", "The Excel double only appends table rows (index null).");
          // Excel cannot grow a table on a protected sheet, whatever is locked.
          if (t.sheet.protection.protected) throw PROTECTED();
          const count = values?.length ?? 1;
          if (t.box.r2 + count > MAX_ROWS) throw new FakeError("InvalidOperation", "This operation is not allowed because it tries to shift cells in a table on your worksheet past the end of the sheet.");
          const below: Box = { r1: t.box.r2 + 1, c1: t.box.c1, r2: t.box.r2 + count, c2: t.box.c2 };
          const target = { sheet: t.sheet, box: below };
          if (values) checkShape(target, values, "values");
          growTable(t, count);
          if (values) values.forEach((row, r) => row.forEach((v, c) => enter(t.sheet.touch(below.r1 + r, below.c1 + c), v)));
        }, "write", true),
    };
  }
  delete(): void {
    this.queueCall("delete", [], (t) => {
      const model = this.context.model;
      model.tables.splice(model.tables.indexOf(t), 1);
    });
  }
}

class FakeTableColumnCollection extends ClientObject<FakeTable> {
  constructor(context: FakeRequestContext, path: string, private readonly resolve: () => FakeTable) {
    super(context, path);
  }
  protected find(): FakeTable | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (t: FakeTable) => unknown> {
    return { count: (t) => t.box.c2 - t.box.c1 + 1 };
  }
  get count(): number {
    return this.readLoaded("count");
  }
  private column(name: string, orNull: boolean): FakeTableColumn {
    return new FakeTableColumn(
      this.context,
      `${this.path}.getItem${orNull ? "OrNullObject" : ""}(${name})`,
      () => {
        const t = this.target();
        const index = tableHeaders(t).findIndex((h) => h.toLowerCase() === name.toLowerCase());
        if (index < 0) {
          if (orNull) return null;
          throw NOT_FOUND(`column "${name}" of table "${t.name}"`, "TableColumns.getItem");
        }
        return { table: t, index };
      },
      orNull,
    );
  }
  getItem(name: string): FakeTableColumn {
    return this.column(name, false);
  }
  getItemOrNullObject(name: string): FakeTableColumn {
    return this.column(name, true);
  }
}

interface ColumnTarget {
  table: FakeTable;
  index: number;
}

class FakeTableColumn extends ClientObject<ColumnTarget> {
  constructor(context: FakeRequestContext, path: string, private readonly resolve: () => ColumnTarget | null, orNull: boolean) {
    super(context, path, orNull);
  }
  protected find(): ColumnTarget | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (c: ColumnTarget) => unknown> {
    return { name: (c) => tableHeaders(c.table)[c.index], index: (c) => c.index };
  }
  get name(): string {
    return this.readLoaded("name");
  }
  get index(): number {
    return this.readLoaded("index");
  }
  private part(name: string, rowsOf: (t: FakeTable) => [number, number] | null): FakeRange {
    return new FakeRange(this.context, `${this.path}.${name}()`, () => {
      const c = this.target();
      const span = rowsOf(c.table);
      if (!span) throw new FakeError("ItemNotFound", `Table "${c.table.name}" has no data rows.`);
      const col = c.table.box.c1 + c.index;
      return { sheet: c.table.sheet, box: { r1: span[0], r2: span[1], c1: col, c2: col } };
    });
  }
  getDataBodyRange(): FakeRange {
    return this.part("getDataBodyRange", (t) => (t.box.r2 > t.box.r1 ? [t.box.r1 + 1, t.box.r2] : null));
  }
  getHeaderRowRange(): FakeRange {
    return this.part("getHeaderRowRange", (t) => [t.box.r1, t.box.r1]);
  }
  getRange(): FakeRange {
    return this.part("getRange", (t) => [t.box.r1, t.box.r2]);
  }
}

// ---------------------------------------------------------------- names

const DEFINED_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;

export class FakeNamedItem extends ClientObject<FakeName> {
  constructor(context: FakeRequestContext, path: string, private readonly resolve: () => FakeName | null, orNull = false) {
    super(context, path, orNull);
  }
  protected find(): FakeName | null {
    return this.resolve();
  }
  protected scalars(): Record<string, (n: FakeName) => unknown> {
    return {
      name: (n) => n.name,
      formula: (n) => n.formula,
      comment: (n) => n.comment,
      type: (n) => (this.rangeOf(n) ? "Range" : "String"),
      value: (n) => n.formula.replace(/^=/, ""),
      visible: () => true,
    };
  }
  private rangeOf(n: FakeName): RangeTarget | null {
    try {
      return this.context.model.resolveReference(n.formula);
    } catch {
      return null;
    }
  }
  get name(): string {
    return this.readLoaded("name");
  }
  get formula(): string {
    return this.readLoaded("formula");
  }
  get type(): string {
    return this.readLoaded("type");
  }
  get value(): string {
    return this.readLoaded("value");
  }
  get comment(): string {
    return this.readLoaded("comment");
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, `${this.path}.getRange()`, () => {
      const n = this.target();
      const r = this.rangeOf(n);
      if (!r) throw new FakeError("InvalidOperation", `The name "${n.name}" does not refer to a range.`);
      return r;
    });
  }
  getRangeOrNullObject(): FakeRange {
    this.context.requireApi("1.4", "NamedItem.getRangeOrNullObject");
    return new FakeRange(
      this.context,
      `${this.path}.getRangeOrNullObject()`,
      () => {
        const n = this.find();
        return n ? this.rangeOf(n) : null;
      },
      true,
    );
  }
  delete(): void {
    this.queueCall("delete", [], (n) => {
      const names = this.context.model.names;
      names.splice(names.indexOf(n), 1);
    });
  }
}

export class FakeNamedItemCollection extends ClientObject<FakeName[]> {
  private itemList?: FakeNamedItem[];
  protected find(): FakeName[] {
    return this.context.model.names;
  }
  protected scalars(): Record<string, (n: FakeName[]) => unknown> {
    return { count: (n) => n.length };
  }
  get count(): number {
    return this.readLoaded("count");
  }
  override load(spec?: LoadSpec): this {
    const names = parseLoad(spec, ["name"]).map((n) => n.replace(/^items\//, ""));
    if (names.includes("formula")) this.context.requireApi("1.7", "NamedItem.formula");
    loadItems(this.context, "names", () => this.context.model.names, (n) => new FakeNamedItem(this.context, `names.getItem(${n.name})`, () => (this.context.model.names.includes(n) ? n : null)), names, (items) => (this.itemList = items));
    return this;
  }
  get items(): FakeNamedItem[] {
    if (!this.itemList) throw NOT_LOADED("items");
    return this.itemList;
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, `names.getItem(${name})`, () => {
      const n = this.context.model.findName(name);
      if (!n) throw NOT_FOUND(`name "${name}"`, "NamedItemCollection.getItem");
      return n;
    });
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    this.context.requireApi("1.4", "NamedItemCollection.getItemOrNullObject");
    return new FakeNamedItem(this.context, `names.getItemOrNullObject(${name})`, () => this.context.model.findName(name) ?? null, true);
  }
  add(name: string, reference: string | FakeRange, comment?: string): FakeNamedItem {
    this.context.requireApi("1.4", "NamedItemCollection.add");
    let created: FakeName | null = null;
    const ref = typeof reference === "string" ? reference : "(range)";
    this.queueCall("add", [name, ref, comment ?? ""], () => {
      const model = this.context.model;
      if (!DEFINED_NAME.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rc]$/i.test(name))
        throw new FakeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: name "${name}".`);
      if (model.findName(name) || model.findTable(name)) throw new FakeError("ItemAlreadyExists", `A resource with the same name or identifier already exists: "${name}".`);
      let formula: string;
      if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `=${reference}`;
      else {
        const t = (reference as FakeRange).resolveAtSync();
        formula = `=${quoteSheet(t.sheet.name)}!${absolute(t.box)}`;
      }
      created = { name, formula, comment: comment ?? "" };
      model.names.push(created);
    });
    return new FakeNamedItem(this.context, `names.add(${name})`, () => created);
  }
}

function absolute(box: Box): string {
  return boxAddress(box).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

// ---------------------------------------------------------------- workbook, application, runtime

export class FakeWorkbookApi {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  constructor(readonly context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context, "worksheets");
    this.tables = new FakeTableCollection(context, "tables");
    this.names = new FakeNamedItemCollection(context, "names");
  }
  get application(): unknown {
    return this.context.application;
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, "workbook.getSelectedRange()", () => {
      const sel = this.context.model.selection;
      if (!sel) return null;
      const sheet = this.context.model.findSheet(sel.sheet);
      return sheet ? { sheet, box: parseBox(sel.address) } : null;
    });
  }
}

export class FakeApplication extends ClientObject<object> {
  protected find(): object {
    return {};
  }
  protected scalars(): Record<string, () => unknown> {
    return { calculationMode: () => "Automatic" };
  }
  get calculationMode(): string {
    return this.readLoaded("calculationMode");
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.requireApi("1.6", "Application.suspendApiCalculationUntilNextSync");
    this.context.calculationSuspended = true;
    this.queueCall("suspendApiCalculationUntilNextSync", [], () => undefined, "method");
  }
  calculate(calculationType: string): void {
    this.queueCall("calculate", [calculationType], () => this.context.model.stats.calculations.push(calculationType), "method");
  }
}

export class FakeRuntime extends ClientObject<object> {
  protected find(): object {
    return {};
  }
  protected scalars(): Record<string, () => unknown> {
    return { enableEvents: () => this.context.model.enableEvents };
  }
  get enableEvents(): boolean {
    return this.readLoaded("enableEvents");
  }
  set enableEvents(enable: boolean) {
    this.context.requireApi("1.8", "Runtime.enableEvents");
    this.queueSet("enableEvents", enable, () => (this.context.model.enableEvents = enable), false, "method");
  }
}

export { contains };
