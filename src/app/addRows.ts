// Add rows to a plan's Actions or Measures table: the port keeps formulas, dropdowns and protection.
import type { WorkbookPort } from "../workbook/port";
import { TABLES } from "../workbook/names";

const MAX_ROWS_AT_ONCE = 5000;

export async function addPlanRows(port: WorkbookPort, table: "Actions" | "Measures", count: number): Promise<void> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_ROWS_AT_ONCE) throw new Error(`Add rows: give a whole number of rows from 1 to ${MAX_ROWS_AT_ONCE} (got ${count}).`);
  await port.addRows(table === "Actions" ? TABLES.actions : TABLES.measures, count);
}
