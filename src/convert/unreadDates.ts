// Cells in columns mapped to a date field that do not read as a date even loosely: the convert
// screen lists them so the user can correct them before converting.
import { ACTION_COLUMNS, MEASURE_COLUMNS } from "../model/plan";
import type { WorkbookSnapshot } from "../workbook/port";
import { columnNumber } from "../workbook/a1";
import { parseLooseDate } from "./dates";
import { SheetGrid } from "./grid";
import type { TableProposal } from "./mapping";

export interface UnreadDate {
  sheet: string;
  cell: string;
  text: string;
  /** The plan field's header, e.g. "Due date". */
  field: string;
}

export function unreadDates(snapshot: WorkbookSnapshot, tables: readonly TableProposal[], planYear: string): UnreadDate[] {
  const out: UnreadDate[] = [];
  for (const t of tables) {
    const sheet = snapshot.sheets.find((s) => s.name === t.sheet);
    if (!sheet) continue;
    const grid = new SheetGrid(sheet);
    const columns = t.kind === "actions" ? ACTION_COLUMNS : MEASURE_COLUMNS;
    for (const c of t.columns) {
      const meta = columns.find((col) => col.key === c.field)?.meta;
      if (!meta || meta.kind !== "date") continue;
      const col = columnNumber(c.sourceColumn);
      for (let row = t.firstDataRow; row <= t.lastDataRow; row++) {
        const cell = grid.cell(row, col);
        if (!cell || cell.value === null || cell.value === "") continue;
        const read = parseLooseDate(cell.value as string | number, { isDate: cell.isDate, planYear });
        if (read.certainty === "none") out.push({ sheet: t.sheet, cell: `${c.sourceColumn}${row}`, text: String(cell.value), field: meta.header });
      }
    }
  }
  return out;
}
