// The in-memory workbook behind the Excel double: cells, tables, names, selection, plus the counts
// tests and the bench read (syncs, request and response bytes, writes made while events were on).
// Plain data and no office.js, so it also runs in the task pane's browser test.
import { columnLetter, rangeBox } from "../../../src/workbook/a1";

export type Scalar = string | number | boolean;

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
const KEY_STRIDE = MAX_COLUMNS + 1;

export interface FakeValidation {
  rule: Record<string, unknown> | null;
  prompt: { showPrompt?: boolean; title?: string; message?: string } | null;
  errorAlert: { showAlert?: boolean; style?: string; title?: string; message?: string } | null;
}

export interface FakeCell {
  /** "" when empty; formulas keep the last value written (the double does not calculate). */
  value: Scalar;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  wrap?: boolean;
  /** Excel's default is locked. */
  locked?: boolean;
  fillColor?: string;
  fontColor?: string;
}

export interface Box {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface FakeConditionalFormat {
  box: Box;
  type: string;
  rule: Record<string, unknown> | null;
  fill?: string;
  font?: string;
}

export interface FakeValidationArea extends FakeValidation {
  box: Box;
}

export class FakeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export const NOT_LOADED = (property: string) =>
  new FakeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

export const PROTECTED = () => new FakeError("AccessDenied", "The cell or chart that you are trying to change is protected and therefore read-only.");

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  readonly columnWidths = new Map<number, number>();
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  readonly validations: FakeValidationArea[] = [];
  frozenRows = 0;
  readonly hiddenRows = new Set<number>();
  /** password: set when the user protected the sheet with one (unprotect() then needs it). */
  protection: { protected: boolean; options: Record<string, unknown>; password?: string } = { protected: false, options: {} };
  pageLayout: { orientation: string; paperSize: string; zoom: Record<string, unknown>; printTitleRows: string | null; printTitleColumns: string | null; printArea: string | null; printOrder: string } =
    {
      orientation: "Portrait",
      paperSize: "Letter",
      zoom: { scale: 100 },
      printTitleRows: null,
      printTitleColumns: null,
      printArea: null,
      printOrder: "DownThenOver",
    };
  constructor(
    readonly id: string,
    public name: string,
    public visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible",
  ) {}

  /** Cells are keyed by row and column; the stride is one more than the last column (XFD). */
  static key(row: number, col: number): number {
    return row * KEY_STRIDE + col;
  }
  static rowOf(key: number): number {
    return Math.floor(key / KEY_STRIDE);
  }
  static colOf(key: number): number {
    return key % KEY_STRIDE;
  }
  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(FakeSheet.key(row, col));
  }
  /** The cell, created empty if needed (for writes). */
  touch(row: number, col: number): FakeCell {
    const key = FakeSheet.key(row, col);
    let c = this.cells.get(key);
    if (!c) {
      c = { value: "" };
      this.cells.set(key, c);
    }
    return c;
  }
  private usedCache: { version: number; valuesOnly: boolean; box: Box | null }[] = [];
  /** Bumped by every command that may change cells, so usedBox can cache between changes. */
  version = 0;

  /** Bounds of cells with a value or formula (valuesOnly) or with anything at all. */
  usedBox(valuesOnly: boolean): Box | null {
    const hit = this.usedCache.find((c) => c.valuesOnly === valuesOnly && c.version === this.version);
    if (hit) return hit.box;
    const box = this.scanUsedBox(valuesOnly);
    this.usedCache = [...this.usedCache.filter((c) => c.valuesOnly !== valuesOnly), { version: this.version, valuesOnly, box }];
    return box;
  }

  private scanUsedBox(valuesOnly: boolean): Box | null {
    let r1 = Infinity;
    let r2 = -Infinity;
    let c1 = Infinity;
    let c2 = -Infinity;
    this.cells.forEach((c, key) => {
      if (valuesOnly && c.value === "" && c.formula === undefined) return;
      const row = FakeSheet.rowOf(key);
      const col = FakeSheet.colOf(key);
      if (row < r1) r1 = row;
      if (row > r2) r2 = row;
      if (col < c1) c1 = col;
      if (col > c2) c2 = col;
    });
    return r1 === Infinity ? null : { r1, c1, r2, c2 };
  }
  validationAt(row: number, col: number): FakeValidationArea | undefined {
    for (let i = this.validations.length - 1; i >= 0; i--) if (contains(this.validations[i].box, row, col)) return this.validations[i];
    return undefined;
  }
}

export interface FakeTable {
  id: string;
  name: string;
  sheet: FakeSheet;
  box: Box;
  style: string;
  showBandedRows: boolean;
  /** An AutoFilter with criteria: the sheet rows it hides (absolute row numbers). */
  filter?: { column: number; hiddenRows: Set<number> };
}

export interface FakeName {
  name: string;
  /** e.g. "=Settings!$B$2" */
  formula: string;
  comment: string;
}

export interface FakeStats {
  syncs: number;
  /** JSON bytes of each request sent at a sync (queued writes, method calls and loads). */
  requestBytes: number[];
  /** JSON bytes of what each sync sent back (loaded values). */
  responseBytes: number[];
  largestRequestBytes: number;
  largestResponseBytes: number;
  /** Value, formula or format writes applied while runtime.enableEvents was true. */
  writesWithEventsOn: number;
  /** Value or formula writes applied in a request that had not suspended calculation. */
  writesWithCalculationOn: number;
  /** Excel.run calls and the options each was given. */
  runs: { delayForCellEdit: boolean }[];
  /** application.calculate() calls made with calculation running, by type. */
  calculations: string[];
  /** application.calculate() calls inside a request that suspended calculation (not documented to work). */
  calculationsWhileSuspended: string[];
}

function emptyStats(): FakeStats {
  return {
    syncs: 0,
    requestBytes: [],
    responseBytes: [],
    largestRequestBytes: 0,
    largestResponseBytes: 0,
    writesWithEventsOn: 0,
    writesWithCalculationOn: 0,
    runs: [],
    calculations: [],
    calculationsWhileSuspended: [],
  };
}

function contains(box: Box, row: number, col: number): boolean {
  return row >= box.r1 && row <= box.r2 && col >= box.c1 && col <= box.c2;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

/** "A1", "$A$1:$C$9", "B:B", "2:2" -> a box (1-based rows and columns), read by the project's one A1 module. */
export function parseBox(address: string): Box {
  const box = rangeBox(address.trim());
  const bad = () => new FakeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: "${address}".`);
  if (!box || box.sheet !== undefined) throw bad();
  if (box.top < 1 || box.left < 1 || box.bottom > MAX_ROWS || box.right > MAX_COLUMNS) throw bad();
  return { r1: box.top, c1: box.left, r2: box.bottom, c2: box.right };
}

export function boxAddress(box: Box): string {
  const a = `${columnLetter(box.c1)}${box.r1}`;
  const b = `${columnLetter(box.c2)}${box.r2}`;
  return a === b ? a : `${a}:${b}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "Sheet!A1", "'My sheet'!A1:B2" or "=Lists!$A$2:$A$4" into sheet name and address. */
function splitReference(ref: string): { sheet?: string; address: string } {
  const text = ref.replace(/^=/, "").trim();
  const m = /^(?:'((?:[^']|'')+)'|([^!'"]+))!(.+)$/.exec(text);
  if (!m) return { address: text };
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), address: m[3] };
}

/** The whole in-memory workbook shared by every request context of one fake host. */
export class FakeWorkbookModel {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly names: FakeName[] = [];
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  enableEvents = true;
  stats: FakeStats = emptyStats();
  /** Filled when the host was created with logCommands. */
  commandLog: string[] = [];
  private nextId = 1;

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  findSheet(name: string): FakeSheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }
  findTable(name: string): FakeTable | undefined {
    const key = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === key);
  }
  findName(name: string): FakeName | undefined {
    const key = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === key);
  }

  addSheet(name: string): FakeSheet {
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name))
      throw new FakeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: sheet name "${name}".`);
    if (this.findSheet(name)) throw new FakeError("ItemAlreadyExists", `A resource with the same name or identifier already exists: "${name}".`);
    const sheet = new FakeSheet(this.newId("sheet"), name);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet.name;
    return sheet;
  }

  /** Resolves a defined name or sheet-qualified reference to a sheet and box. */
  resolveReference(ref: string, defaultSheet?: FakeSheet, depth = 0): { sheet: FakeSheet; box: Box } {
    const { sheet: sheetName, address } = splitReference(ref);
    const named = sheetName === undefined ? this.findName(address) : undefined;
    if (named && depth < 8) return this.resolveReference(named.formula, defaultSheet, depth + 1);
    const structured = sheetName === undefined ? /^([A-Za-z_\\][\w.]*)(?:\[\[?([^\]]+)\]?\])?$/.exec(address) : null;
    const table = structured ? this.findTable(structured[1]) : undefined;
    if (structured && table) {
      // Table[Column] (or the table alone) means that column's (or the table's) data rows.
      const body = { ...table.box, r1: table.box.r1 + 1 };
      if (!structured[2]) return { sheet: table.sheet, box: body };
      for (let c = table.box.c1; c <= table.box.c2; c++)
        if (String(table.sheet.cell(table.box.r1, c)?.value ?? "").toLowerCase() === structured[2].toLowerCase()) return { sheet: table.sheet, box: { ...body, c1: c, c2: c } };
      throw new FakeError("InvalidReference", `This reference isn't valid for the current operation: table "${table.name}" has no column "${structured[2]}".`);
    }
    const sheet = sheetName ? this.findSheet(sheetName) : defaultSheet;
    if (!sheet) throw new FakeError("InvalidReference", `This reference isn't valid for the current operation: "${ref}".`);
    return { sheet, box: parseBox(address) };
  }

  // ---- inspection helpers for tests (not part of the Excel API) ----

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`fake workbook has no sheet "${name}" (has ${this.sheets.map((x) => x.name).join(", ") || "none"})`);
    return s;
  }
  /** A cell by "Sheet!A1" or (sheet, "A1"); an empty cell object when nothing was written. */
  cellAt(sheet: string, address: string): FakeCell & { validation?: FakeValidation } {
    const s = this.sheet(sheet);
    const box = parseBox(address);
    const cell = s.cell(box.r1, box.c1) ?? { value: "" };
    const v = s.validationAt(box.r1, box.c1);
    return { ...cell, validation: v ? { rule: v.rule, prompt: v.prompt, errorAlert: v.errorAlert } : undefined };
  }
  valuesOf(sheet: string, address: string): Scalar[][] {
    const s = this.sheet(sheet);
    const box = parseBox(address);
    const out: Scalar[][] = [];
    for (let r = box.r1; r <= box.r2; r++) {
      const row: Scalar[] = [];
      for (let c = box.c1; c <= box.c2; c++) row.push(s.cell(r, c)?.value ?? "");
      out.push(row);
    }
    return out;
  }
  table(name: string): FakeTable {
    const t = this.findTable(name);
    if (!t) throw new Error(`fake workbook has no table "${name}"`);
    return t;
  }
  tableAddress(name: string): string {
    const t = this.table(name);
    return `${quoteSheet(t.sheet.name)}!${boxAddress(t.box)}`;
  }
  /** Filters a table as a user would: rows whose cell in `column` fails `keep` are hidden. */
  filterTable(name: string, column: string, keep: (value: Scalar) => boolean): void {
    const t = this.table(name);
    let col = -1;
    for (let c = t.box.c1; c <= t.box.c2; c++) if (String(t.sheet.cell(t.box.r1, c)?.value ?? "").toLowerCase() === column.toLowerCase()) col = c;
    if (col < 0) throw new Error(`table "${name}" has no column "${column}"`);
    const hiddenRows = new Set<number>();
    for (let r = t.box.r1 + 1; r <= t.box.r2; r++) if (!keep(t.sheet.cell(r, col)?.value ?? "")) hiddenRows.add(r);
    t.filter = { column: col, hiddenRows };
  }
  resetStats(): void {
    this.stats = emptyStats();
    this.commandLog = [];
  }
}
