// "Add rows" for files: grows a table by blank rows that carry what the last data row carries
// (calculated column formulas, styles with number format and locking, validation and input
// messages, status colours). A file's sheet protection does not stop us, so it is left exactly as it was.
import ExcelJS from "exceljs";
import { columnLetter, parseBox } from "../workbook/a1";
import { addRowsCountProblem } from "../workbook/addRows";

export interface TableModel {
  name: string;
  ref?: string;
  tableRef?: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string }[];
  rows?: unknown[][];
}

type ValidationModel = Record<string, ExcelJS.DataValidation | undefined>;

export function validationModel(ws: ExcelJS.Worksheet): ValidationModel {
  return (ws as unknown as { dataValidations: { model: ValidationModel } }).dataValidations.model;
}

/** The range key (e.g. "D2:D6") or cell key (e.g. "D6") holding the validation of one cell. */
function validationKeyAt(model: ValidationModel, row: number, col: number): string | undefined {
  const cell = `${columnLetter(col)}${row}`;
  if (model[cell]) return cell;
  return Object.keys(model).find((key) => {
    if (!model[key] || !key.includes(":")) return false;
    const box = parseBox(key);
    return row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
  });
}

export function findTable(wb: ExcelJS.Workbook, name: string): { ws: ExcelJS.Worksheet; model: TableModel } | undefined {
  for (const ws of wb.worksheets) for (const t of ws.getTables() as unknown as { table: TableModel }[]) if (t.table.name.toLowerCase() === name.toLowerCase()) return { ws, model: t.table };
  return undefined;
}

/**
 * Appends `count` blank rows to `table`. `formulas` are its calculated column formulas (file form,
 * by header). Throws naming the file and table when the table is missing or the rows below it are in use.
 */
export function addTableRows(wb: ExcelJS.Workbook, table: string, count: number, formulas: ReadonlyMap<string, string>, fileName: string): void {
  const found = findTable(wb, table);
  if (!found) throw new Error(`${fileName}: Cannot add rows: there is no table called "${table}" in this workbook.`);
  const problem = addRowsCountProblem(found.model.name, count);
  if (problem) throw new Error(`${fileName}: ${problem}`);
  const { ws, model } = found;
  if (model.totalsRow) throw new Error(`${fileName}: Cannot add rows to table "${model.name}": it has a totals row.`);
  const box = parseBox(model.tableRef ?? model.ref ?? "A1");
  const headerRow = model.headerRow !== false;
  const firstData = box.top + (headerRow ? 1 : 0);
  const template = box.bottom >= firstData ? box.bottom : null;
  const firstNew = box.bottom + 1;
  const lastNew = box.bottom + count;
  for (let r = firstNew; r <= lastNew; r++)
    for (let c = box.left; c <= box.right; c++) {
      const v = ws.findCell(r, c)?.value;
      if (v !== null && v !== undefined && v !== "")
        throw new Error(`${fileName}: Cannot add ${count} rows to table "${model.name}": cell ${ws.name}!${columnLetter(c)}${r} below the table is in use. Move what is below the table first.`);
    }

  const validations = validationModel(ws);
  model.columns.forEach((column, j) => {
    const col = box.left + j;
    const formula = formulas.get(column.name);
    const from = template === null ? undefined : ws.getCell(template, col);
    for (let r = firstNew; r <= lastNew; r++) {
      const cell = ws.getCell(r, col);
      if (from) cell.style = JSON.parse(JSON.stringify(from.style ?? {})) as Partial<ExcelJS.Style>;
      cell.value = formula === undefined ? null : ({ formula } as ExcelJS.CellFormulaValue);
    }
    if (template === null) return;
    const key = validationKeyAt(validations, template, col);
    if (!key) return;
    const rule = validations[key] as ExcelJS.DataValidation;
    const letter = columnLetter(col);
    const range = key.includes(":") ? parseBox(key) : null;
    if (range && range.bottom === template && range.left === col && range.right === col) {
      // One validation over the column's body: it grows with the table.
      delete validations[key];
      validations[`${letter}${range.top}:${letter}${lastNew}`] = rule;
    } else validations[`${letter}${firstNew}:${letter}${lastNew}`] = rule;
  });

  // Status colours over a column's body grow with it, as Excel grows them with a table.
  if (template !== null)
    for (const format of (ws as unknown as { conditionalFormattings?: { ref: string }[] }).conditionalFormattings ?? []) {
      format.ref = format.ref
        .split(/\s+/)
        .map((part) => {
          if (!part.includes(":")) return part;
          const piece = parseBox(part);
          const inside = piece.top >= firstData && piece.bottom === template && piece.left >= box.left && piece.right <= box.right;
          return inside ? `${columnLetter(piece.left)}${piece.top}:${columnLetter(piece.right)}${lastNew}` : part;
        })
        .join(" ");
    }

  const ref = `${columnLetter(box.left)}${box.top}:${columnLetter(box.right)}${lastNew}`;
  model.tableRef = ref;
  model.autoFilterRef = ref;
  if (Array.isArray(model.rows)) for (let i = 0; i < count; i++) model.rows.push(model.columns.map(() => null));
}
