// Add rows to a plan's Actions or Measures table: the port keeps formulas, dropdowns and protection.
import { fieldHeader, FROZEN_ACTION_FIELDS, FROZEN_MEASURE_FIELDS } from "../cycle/frozen";
import { boxAddress, parseBox } from "../workbook/a1";
import type { WorkbookEdit, WorkbookPort } from "../workbook/port";
import { TABLES } from "../workbook/names";

const MAX_ROWS_AT_ONCE = 5000;

export async function addPlanRows(port: WorkbookPort, table: "Actions" | "Measures", count: number): Promise<void> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_ROWS_AT_ONCE) throw new Error(`Add rows: give a whole number of rows from 1 to ${MAX_ROWS_AT_ONCE} (got ${count}).`);
  const name = table === "Actions" ? TABLES.actions : TABLES.measures;
  await port.addRows(name, count);
  // New rows take the locking of the row above (Excel formats rows added below a table like the last
  // one), so after sign-off a new action's due date would come locked. A new row was never signed
  // off: its frozen columns are opened for typing. Before sign-off they were open already.
  const frozen = table === "Actions" ? FROZEN_ACTION_FIELDS.map((f) => fieldHeader("Action", f)) : FROZEN_MEASURE_FIELDS.map((f) => fieldHeader("Measure", f));
  await port.update({ sheets: [], tables: [{ name, columns: [] }] }, (snapshot) => {
    const t = snapshot.tables.find((x) => x.name === name);
    const edits: WorkbookEdit[] = [];
    if (!t) return { edits, result: undefined };
    const box = parseBox(t.range);
    const top = Math.max(box.top + 1, box.bottom - count + 1);
    for (const header of frozen) {
      const j = t.headers.indexOf(header);
      if (j < 0) continue;
      const col = box.left + j;
      const rows = box.bottom - top + 1;
      edits.push({ kind: "cells", sheet: t.sheet, address: boxAddress({ top, bottom: box.bottom, left: col, right: col }), values: Array.from({ length: rows }, () => [null]), locked: false });
    }
    return { edits, result: undefined };
  });
}
