// "Replace rows" for files: a table's data body becomes exactly the given rows (the Register, fed
// from the parent plan). Growing reuses Add rows, so new rows carry the last row's styles and rules.
import ExcelJS from "exceljs";
import { columnLetter, parseBox } from "../workbook/a1";
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
  const box = parseBox(model.tableRef ?? model.ref ?? "A1");
  const firstData = box.top + (model.headerRow !== false ? 1 : 0);
  const have = Math.max(1, box.bottom - firstData + 1);
  if (input.length > have) addTableRows(wb, model.name, input.length - have, formulas, fileName);
  input.forEach((row, r) => row.forEach((v, j) => (ws.getCell(firstData + r, box.left + j).value = v)));

  if (input.length < have) {
    const newBottom = firstData + input.length - 1;
    for (let r = newBottom + 1; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) ws.getCell(r, c).value = null;
    // Validation over a column's body shrinks with the table; rules on the removed rows alone go.
    const validations = validationModel(ws);
    for (const key of Object.keys(validations)) {
      const piece = parseBox(key);
      if (piece.left < box.left || piece.right > box.right || piece.bottom <= newBottom || piece.bottom > box.bottom) continue;
      const rule = validations[key];
      delete validations[key];
      if (piece.top <= newBottom) validations[`${columnLetter(piece.left)}${piece.top}:${columnLetter(piece.right)}${newBottom}`] = rule;
    }
    const ref = `${columnLetter(box.left)}${box.top}:${columnLetter(box.right)}${newBottom}`;
    model.tableRef = ref;
    model.autoFilterRef = ref;
    if (Array.isArray(model.rows)) model.rows.length = input.length;
  }
}
