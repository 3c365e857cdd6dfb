// The one narrow port between the domain and a workbook. Adapters: src/excel (office.js, inside
// Excel) and src/xlsx (ExcelJS, for files). Dates cross the port as Excel serial day numbers.

export type CellValue = string | number | boolean | null;

export interface ListValidation {
  type: "list";
  /** A range or defined name holding the allowed values, e.g. "=Lists!$A$2:$A$4" (never an inline list). */
  source: string;
}
export interface NumberValidation {
  type: "decimal" | "whole";
  min?: number;
  max?: number;
}
export interface DateValidation {
  type: "date";
}
export type Validation = (ListValidation | NumberValidation | DateValidation) & {
  /** Input message shown when the cell is selected: what good looks like. */
  prompt?: string;
  promptTitle?: string;
  /** Error message when the input is rejected. */
  error?: string;
  /**
   * What the error alert does (default "stop": the value is refused). "warning" (Yes keeps the value) and
   * "information" (OK keeps it) only tell: a list that also allows other values. Microsoft: "Apply data
   * validation to cells", Error Alert styles; office.js Excel.DataValidationAlertStyle.
   */
  errorStyle?: "stop" | "warning" | "information";
};

export interface ColumnDesign {
  header: string;
  width: number;
  numberFormat?: string;
  /** Calculated column formula in file form with structured references, e.g. "=IF(Actions[[#This Row],[Due date]]=\"\",...)". */
  formula?: string;
  validation?: Validation;
  /** Input message for a column without a validation rule (free text): what good looks like. */
  prompt?: string;
  /** Formula and status columns are locked; input columns are not. */
  locked: boolean;
  wrap?: boolean;
}

/** Show a status by text and colour together: when the cell equals `text`, apply these colours. */
export interface StatusFormat {
  column: string;
  text: string;
  fill: string; // hex RRGGBB
  font: string; // hex RRGGBB
}

export interface TableDesign {
  name: string;
  sheet: string;
  /** Top-left cell of the header row, e.g. "A1". */
  topLeft: string;
  columns: ColumnDesign[];
  /** Data rows, one value per column; formula columns hold null here (the formula fills them). */
  rows: CellValue[][];
  statusFormats: StatusFormat[];
  /**
   * Excel 2010+ sparklines, one per row in `column`, over that row's cells from `first` to `last`
   * (contiguous columns). Files only: office.js has no sparkline API, so the pane draws a trend chart.
   */
  sparklines?: TableSparkline[];
}

export interface TableSparkline {
  column: string;
  first: string;
  last: string;
  /** column: bars from zero (heights compare); against: bars above or below the axis, those below in red. */
  kind: "line" | "column" | "against";
}

export interface CellDesign {
  address: string;
  value?: CellValue;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  /** Font size in points, where not the body size (e.g. a title). */
  fontSize?: number;
  wrap?: boolean;
  locked?: boolean;
  prompt?: string;
  validation?: Validation;
}

export interface SheetDesign {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  cells: CellDesign[];
  tables: TableDesign[];
  /** Column letter -> width in characters, for cells outside tables. */
  columnWidths: Record<string, number>;
  freezeRows: number;
  protect: boolean;
  print?: PrintDesign;
  /** Row number -> height in points, where wrapped text needs more than one line (files: Excel autofits instead). */
  rowHeights?: Record<number, number>;
  /** Rows kept on the sheet but out of sight and out of print (e.g. the plan format stamp). */
  hiddenRows?: number[];
}

/** How a sheet prints. */
export interface PrintDesign {
  landscape: boolean;
  paper: "A4";
  /** Shrink to one page wide (small sheets only: wide tables would print too small to read). */
  fitToWidth: boolean;
  /** Print scale in %, when not fitted to width. */
  scale?: number;
  /** Rows repeated at the top of every page, e.g. "1:1". */
  repeatRows?: string;
  /** Columns repeated at the left of every page, e.g. "A:B" (the ID and name of each row). */
  repeatColumns?: string;
  /** The range that prints, e.g. "A1:B20"; null leaves the sheet out of the print. Default: all. */
  area?: string | null;
  /** Text at the top of every page, e.g. the council and plan. */
  title?: string;
}

export interface NameDesign {
  name: string;
  /** e.g. "=Settings!$B$2" */
  ref: string;
}

export interface WorkbookDesign {
  sheets: SheetDesign[];
  names: NameDesign[];
}

export interface SheetSnapshot {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  /** Address of values[0][0], e.g. "A1". Values cover the used range. */
  origin: string;
  values: CellValue[][];
  /** Number formats parallel to values, where the adapter read them (lets convert tell dates from numbers). */
  numberFormats?: string[][];
  /** Merged ranges, e.g. ["A1:C1"]. */
  merges?: string[];
}

export interface TableSnapshot {
  name: string;
  sheet: string;
  /** Full range including header row, e.g. "A5:T40". */
  range: string;
  headers: string[];
  rows: CellValue[][];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  tables: TableSnapshot[];
  /** Defined names and what they refer to, e.g. { name: "ReportingDate", ref: "Settings!$B$2" }. */
  names: { name: string; ref: string }[];
}

/**
 * What a command reads, and nothing more: these sheets' used ranges (values only), these tables
 * (only the columns named, by header, whole when none are named) and the defined names.
 */
export interface ReadRequest {
  sheets: readonly string[];
  tables: readonly { name: string; columns?: readonly string[] }[];
}

const normalHeader = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/** Which of a table's columns a request names (by header, matched as readPlan matches them), or null for all. */
export function columnsAsked(headers: readonly string[], columns: readonly string[] | undefined): boolean[] | null {
  if (!columns) return null;
  const asked = new Set(columns.map(normalHeader));
  return headers.map((h) => asked.has(normalHeader(h)));
}

/** Edits written together at the end of update(), in this order. */
export type WorkbookEdit =
  /** A table's data rows: `append` added at the end, then the rows at `remove` (0-based data-row indices, as read) deleted. */
  | { kind: "rows"; table: string; remove: readonly number[]; append: CellValue[][] }
  /** Values of a block of cells, e.g. "B20:B21", with their number formats ("" keeps the cell's) and locked or not; on a sheet read, or one holding a table read. */
  | { kind: "cells"; sheet: string; address: string; values: CellValue[][]; numberFormats?: string[][]; locked?: boolean }
  /** The data cells of these table columns locked (e.g. the values frozen at sign-off); the sheet is protected. */
  | { kind: "lock"; table: string; columns: readonly string[] }
  /** New sheets as apply() makes them; a sheet that exists is written into only when it was read and is empty. */
  | { kind: "sheets"; design: WorkbookDesign };

export interface WorkbookPort {
  /** Reads every sheet's used range, every table and every defined name. */
  read(): Promise<WorkbookSnapshot>;
  /**
   * Reads only what `request` asks (a sheet or table that does not exist is left out; a table's
   * headers are all there, its rows full width with null in the columns not asked for), lets
   * `change` work out the edits from that, and writes them; returns what `change` returned. Inside
   * Excel this is three syncs whatever the row count, while what is read fits one 5 MB answer and
   * what is written one request. "rows" edits are for tables without formula columns on unprotected
   * sheets; refused, naming the table, otherwise. A protected sheet stays protected.
   */
  update<T>(request: ReadRequest, change: (snapshot: WorkbookSnapshot) => { edits: WorkbookEdit[]; result: T }): Promise<T>;
  /** Creates the sheets, tables, names and formats of a design (sheets that exist are replaced only if empty). */
  apply(design: WorkbookDesign): Promise<void>;
  /** Writes one column of a table in bulk (e.g. the SMART summary after a check). */
  writeColumn(table: string, column: string, values: CellValue[]): Promise<void>;
  /**
   * Appends `count` (1-5000) blank rows to a table, with its calculated column formulas, validation,
   * input messages, number formats, locking and status colours, and the sheet's protection as it was.
   */
  addRows(table: string, count: number): Promise<void>;
  /**
   * Makes a table's data body exactly `rows` (one value per column), growing or shrinking the table;
   * with no rows one blank row remains. Only for tables without formula columns (e.g. the Register);
   * refused, naming the table, when it has formula columns or its sheet is protected.
   */
  replaceRows(table: string, rows: CellValue[][]): Promise<void>;
  /** Sets the value of a single-cell defined name (e.g. ReportingDate). */
  setNamedValue(name: string, value: CellValue): Promise<void>;
  /** Selects a cell so the user sees it (a no-op for files). */
  select(sheet: string, address: string): Promise<void>;
}
