// The one rule both adapters and the task pane share for "Add rows": how many rows one request may add.

/** Enough for a year's actions at once, small enough that one request stays quick in Excel on the web. */
export const ADD_ROWS_MAX = 5000;

/** Why `count` rows cannot be added to `table`, or null when they can. */
export function addRowsCountProblem(table: string, count: number): string | null {
  if (Number.isInteger(count) && count >= 1 && count <= ADD_ROWS_MAX) return null;
  return `Cannot add rows to table "${table}": the number of rows must be a whole number from 1 to ${ADD_ROWS_MAX} (got ${count}).`;
}
