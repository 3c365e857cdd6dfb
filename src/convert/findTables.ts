// Finds the tables in a loose sheet: a header row is a row of short labels, at least two of which
// are words councils use for plan columns ("Key action", "Lead officer", "Timescale"...). The data
// runs down from it until two blank rows in a row, the next header row, or the end of the sheet.
// A merged title across the top is one cell, so it can never be a header row on its own.
// A header row directly under another (a two-row header: "Quarterly results" over "Q1 Q2 Q3 Q4")
// is read as one header: the lower row names a column where it has text, else the upper row does.
import { cellAddress, columnLetter } from "../workbook/a1";
import { SheetGrid, SourceCell, displayText } from "./grid";
import { STRONG, TableKind, headerStrength } from "./synonyms";

export interface HeaderColumn {
  column: number;
  letter: string;
  /** The header text ("" for a column inside the table with no header). */
  header: string;
  /** Address of the header cell, when there is one. */
  headerCell: string | null;
}

export interface FoundTable {
  sheet: string;
  /** The header rows, top first: one row usually, two for a two-row header. */
  headerRows: number[];
  /** The main (lowest) header row. */
  headerRow: number;
  left: number;
  right: number;
  firstDataRow: number;
  /** Below firstDataRow when the table has no data. */
  lastDataRow: number;
  kind: TableKind;
  columns: HeaderColumn[];
  /** How sure we are this is a plan table: strong header words found. */
  strongHeaders: number;
}

/** Two blank rows end a table (one blank row is a gap inside it). */
const BLANK_ROWS_ENDING_A_TABLE = 2;

interface HeaderRowScore {
  row: number;
  cells: SourceCell[];
  strong: number;
  actions: number;
  measures: number;
}

function headerText(cell: SourceCell): string | null {
  return typeof cell.value === "string" ? cell.value.trim() : null;
}

/** Scores a row as a header row; null when it is not one. */
function scoreHeaderRow(grid: SheetGrid, row: number): HeaderRowScore | null {
  const cells: SourceCell[] = [];
  for (let c = grid.left; c <= grid.right; c++) {
    const cell = grid.cell(row, c);
    if (cell) cells.push(cell);
  }
  if (cells.length < 2) return null;
  let strong = 0;
  let actions = 0;
  let measures = 0;
  let text = 0;
  for (const cell of cells) {
    const t = headerText(cell);
    if (t === null) continue;
    text++;
    const s = headerStrength(t);
    if (Math.max(s.actions, s.measures) >= STRONG) strong++;
    actions += s.actions;
    measures += s.measures;
  }
  if (strong < 2 || strong / cells.length < 0.4 || text / cells.length < 0.7) return null;
  return { row, cells, strong, actions, measures };
}

function kindOf(score: { actions: number; measures: number }): TableKind {
  return score.measures > score.actions ? "measures" : "actions";
}

/** Builds the table whose (main) header row is `row`, with an optional upper header row. */
export function tableAt(grid: SheetGrid, row: number, options: { upperRow?: number; kind?: TableKind } = {}): FoundTable {
  const headerRows = options.upperRow !== undefined ? [options.upperRow, row] : [row];
  let left = Infinity;
  let right = -Infinity;
  for (const r of headerRows) {
    for (let c = grid.left; c <= grid.right; c++) {
      const cell = grid.cell(r, c);
      if (!cell) continue;
      left = Math.min(left, c);
      right = Math.max(right, cell.merge ? cell.merge.right : c);
    }
  }
  if (left === Infinity) {
    left = grid.left;
    right = grid.left - 1;
  }
  const columns: HeaderColumn[] = [];
  for (let c = left; c <= right; c++) {
    const lower = grid.cell(row, c);
    const upper = options.upperRow !== undefined ? grid.shown(options.upperRow, c) : null;
    const named = lower ?? (upper && upper.column === c ? upper : null);
    columns.push({
      column: c,
      letter: columnLetter(c),
      header: named ? displayText(named).trim() : "",
      headerCell: named ? cellAddress(named.row, named.column) : null,
    });
  }
  let strongHeaders = 0;
  let actions = 0;
  let measures = 0;
  for (const col of columns) {
    const s = headerStrength(col.header);
    if (Math.max(s.actions, s.measures) >= STRONG) strongHeaders++;
    actions += s.actions;
    measures += s.measures;
  }
  // the data block
  let last = row;
  let blanks = 0;
  for (let r = row + 1; r <= grid.bottom; r++) {
    if (scoreHeaderRow(grid, r)) break;
    if (grid.isBlankRow(r, left, right)) {
      if (++blanks >= BLANK_ROWS_ENDING_A_TABLE) break;
      continue;
    }
    blanks = 0;
    last = r;
  }
  return {
    sheet: grid.name,
    headerRows,
    headerRow: row,
    left,
    right,
    firstDataRow: row + 1,
    lastDataRow: last,
    kind: options.kind ?? kindOf({ actions, measures }),
    columns,
    strongHeaders,
  };
}

/** Every plan table on a sheet, top to bottom. */
export function findTables(grid: SheetGrid): FoundTable[] {
  const tables: FoundTable[] = [];
  let r = grid.top;
  while (r <= grid.bottom) {
    const score = scoreHeaderRow(grid, r);
    if (!score) {
      r++;
      continue;
    }
    const below = r + 1 <= grid.bottom ? scoreHeaderRow(grid, r + 1) : null;
    const table = below ? tableAt(grid, r + 1, { upperRow: r }) : tableAt(grid, r);
    tables.push(table);
    r = Math.max(table.lastDataRow, table.headerRow) + 1;
  }
  return tables;
}
