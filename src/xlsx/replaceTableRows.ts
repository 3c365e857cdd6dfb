// "Replace rows" for files: a table's data body becomes exactly the given rows (the Register, fed
// from the parent plan). Growing reuses Add rows, so new rows carry the last row's styles and rules.
import ExcelJS from "exceljs";
import { columnLetter, parseRange } from "../workbook/addresses";
import type { CellValue } from "../workbook/port";
import { addTableRows, findTable, validationModel } from "./addTableRows";

/** Throws naming the file and table when the table is missing, has formula columns, sits on a protected sheet or a row has the wrong width. */
export function replaceTableRows(wb: ExcelJS.Workbook, table: string, rows: CellValue[][], formulas: ReadonlyMap<string, string>, fileName: string): void {
  const found = findTable(wb, table);
  const refuse = (why: string) => new Error(`${fileName}: Cannot replace the rows of table "${found?.model.name ?? table}": ${why}`);
  if (!found) throw refuse("there is no such table in this workbook.");
  const { ws, model } = found;
  if (formulas.size > 0) throw refuse(`it has formula columns (${[...formulas.keys()].join(", ")}), which only Add rows keeps.`);
  if ((ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet) throw refuse(`sheet "${ws.name}" is protected. Unprotect it first.`);
  if (model.totalsRow) throw refuse("it has a totals row.");
  const width = model.columns.length;
  const wrong = rows.findIndex((row) => row.length !== width);
  if (wrong >= 0) throw refuse(`row ${wrong + 1} has ${rows[wrong].length} values for ${width} columns (${model.columns.map((c) => c.name).join(", ")}).`);

  const input = rows.length > 0 ? rows : [Array.from({ length: width }, (): CellValue => null)];
  const { start, end } = parseRange(model.tableRef ?? model.ref ?? "A1");
  const firstData = start.row + (model.headerRow !== false ? 1 : 0);
  const have = Math.max(1, end.row - firstData + 1);
  if (input.length > have) addTableRows(wb, model.name, input.length - have, formulas, fileName);
  input.forEach((row, r) => row.forEach((v, j) => (ws.getCell(firstData + r, start.col + j).value = v)));

  if (input.length < have) {
    const newBottom = firstData + input.length - 1;
    for (let r = newBottom + 1; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) ws.getCell(r, c).value = null;
    // Validation over a column's body shrinks with the table; rules on the removed rows alone go.
    const validations = validationModel(ws);
    for (const key of Object.keys(validations)) {
      const { start: s, end: e } = parseRange(key);
      if (s.col < start.col || e.col > end.col || e.row <= newBottom || e.row > end.row) continue;
      const rule = validations[key];
      delete validations[key];
      if (s.row <= newBottom) validations[`${columnLetter(s.col)}${s.row}:${columnLetter(e.col)}${newBottom}`] = rule;
    }
    const ref = `${columnLetter(start.col)}${start.row}:${columnLetter(end.col)}${newBottom}`;
    model.tableRef = ref;
    model.autoFilterRef = ref;
    if (Array.isArray(model.rows)) model.rows.length = input.length;
  }
}
