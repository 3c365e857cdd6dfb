/// <reference types="office-js" />
// Turns a WorkbookDesign into the ordered office.js commands that create it, each sized so
// sendSteps can pack them into requests under 4 MB. Order matters and is fixed:
// sheets -> values -> tables -> names -> formulas -> number formats -> other formats (wrap, locking,
// widths, validation, conditional formats) -> freeze/protect/visibility -> page setup
// (tables before formulas so structured references resolve; protection and hiding before page
// setup, so a page-setup failure cannot leave a plan unprotected or the Lists sheet showing).
import type { CellDesign, SheetDesign, TableDesign, Validation, WorkbookDesign } from "../workbook/port";
import { columnLetter, parseCell } from "../workbook/a1";
import { RequestStep, blockBytesFor, jsonBytes, splitRows } from "./chunks";
import { toExcelInput } from "./cellInput";
import { dataValidationParts } from "./validationRule";
import { PLAN_SHEET_PROTECTION } from "./protection";

export type ExcelStep = RequestStep<Excel.RequestContext>;

/** Excel column width in points for a width in characters of the default font (7 px + 5 px padding). */
function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

const VISIBILITY: Record<SheetDesign["visibility"], "Visible" | "Hidden" | "VeryHidden"> = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
};

/** Small commands: sized by their arguments; the packer adds per-command overhead. */
function small(bytes: number, queue: (context: Excel.RequestContext) => void, commands = 1): ExcelStep {
  return { bytes, queue, commands };
}

/** Temporary names the designed sheets go by in a context, while apply() has not yet checked the workbook. */
const sheetAliases = new WeakMap<Excel.RequestContext, ReadonlyMap<string, string>>();

/** Steps queued while aliases are set create and write the sheets under those names; null clears them. */
export function setSheetAliases(context: Excel.RequestContext, aliases: ReadonlyMap<string, string> | null): void {
  if (aliases) sheetAliases.set(context, aliases);
  else sheetAliases.delete(context);
}

function nameIn(context: Excel.RequestContext, name: string): string {
  return sheetAliases.get(context)?.get(name.toLowerCase()) ?? name;
}

function sheetOf(context: Excel.RequestContext, name: string): Excel.Worksheet {
  return context.workbook.worksheets.getItem(nameIn(context, name));
}

interface Phases {
  blockBytes: number;
  structure: ExcelStep[];
  values: ExcelStep[];
  tables: ExcelStep[];
  names: ExcelStep[];
  formulas: ExcelStep[];
  /** Before other formats: a format paste would otherwise also copy wrap, locking and the like. */
  numberFormats: ExcelStep[];
  formats: ExcelStep[];
  finish: ExcelStep[];
  /** Page setup goes after protection and hiding: a failure there stops the request without skipping them. */
  print: ExcelStep[];
}

/** Writes a column or block of rows in row blocks; `set` puts one block on its range. */
function blockSteps<T>(blockBytes: number, sheet: string, firstRow: number, firstCol: number, rows: T[][], set: (range: Excel.Range, block: T[][]) => void): ExcelStep[] {
  if (rows.length === 0 || rows[0].length === 0) return [];
  const width = rows[0].length;
  return splitRows(rows, blockBytes).map((block) => {
    const top = firstRow + block.start;
    const address = `${columnLetter(firstCol)}${top}:${columnLetter(firstCol + width - 1)}${top + block.rows.length - 1}`;
    return { bytes: block.bytes + address.length, queue: (context) => set(sheetOf(context, sheet).getRange(address), block.rows) };
  });
}

function validationSteps(sheet: string, address: string, validation: Validation | undefined, prompt: string | undefined): ExcelStep[] {
  const parts = dataValidationParts(validation, prompt);
  if (!parts) return [];
  return [
    small(
      jsonBytes(parts) + address.length,
      (context) => {
        const dv = sheetOf(context, sheet).getRange(address).dataValidation;
        if (parts.rule) dv.rule = parts.rule;
        if (parts.prompt) dv.prompt = parts.prompt;
        if (parts.errorAlert) dv.errorAlert = parts.errorAlert;
      },
      3,
    ),
  ];
}

function cellSteps(sheet: string, cell: CellDesign, phases: Phases): void {
  const address = cell.address;
  const where = () => `sheet "${sheet}"!${address}`;
  if (cell.value !== undefined && cell.formula === undefined) {
    const input = toExcelInput(cell.value, "clear", where);
    phases.values.push(small(jsonBytes(input) + address.length, (context) => (sheetOf(context, sheet).getRange(address).values = [[input]])));
  }
  if (cell.formula !== undefined) {
    const formula = cell.formula;
    phases.formulas.push(small(jsonBytes(formula) + address.length, (context) => (sheetOf(context, sheet).getRange(address).formulas = [[formula]])));
  }
  if (cell.numberFormat !== undefined) {
    const format = cell.numberFormat;
    phases.formats.push(small(jsonBytes(format) + address.length, (context) => (sheetOf(context, sheet).getRange(address).numberFormat = [[format]])));
  }
  if (cell.fontSize !== undefined) {
    const size = cell.fontSize;
    phases.formats.push(small(24 + address.length, (context) => (sheetOf(context, sheet).getRange(address).format.font.size = size)));
  }
  if (cell.bold !== undefined || cell.wrap !== undefined || cell.locked !== undefined) {
    const { bold, wrap, locked } = cell;
    phases.formats.push(
      small(
        64 + address.length,
        (context) => {
          const format = sheetOf(context, sheet).getRange(address).format;
          if (bold !== undefined) format.font.bold = bold;
          if (wrap !== undefined) format.wrapText = wrap;
          if (locked !== undefined) format.protection.locked = locked;
        },
        3,
      ),
    );
  }
  phases.formats.push(...validationSteps(sheet, address, cell.validation, cell.prompt));
}

function tableSteps(sheet: string, table: TableDesign, phases: Phases): void {
  const origin = parseCell(table.topLeft);
  const width = table.columns.length;
  const dataRows = Math.max(table.rows.length, 1); // Excel gives a header-only table one blank row
  const firstData = origin.row + 1;
  const lastData = origin.row + dataRows;
  const lastCol = origin.col + width - 1;
  const tableAddress = `${columnLetter(origin.col)}${origin.row}:${columnLetter(lastCol)}${lastData}`;
  const body = (j: number) => `${columnLetter(origin.col + j)}${firstData}:${columnLetter(origin.col + j)}${lastData}`;
  const isFormula = table.columns.map((c) => c.formula !== undefined);

  // Values: header row, then data rows; formula columns stay null (office.js leaves them alone).
  const headers = table.columns.map((c, j) => toExcelInput(c.header, "clear", () => `table ${table.name} header ${j + 1}`));
  phases.values.push(...blockSteps(phases.blockBytes, sheet, origin.row, origin.col, [headers], (range, block) => (range.values = block)));
  if (table.rows.some((row) => row.some((v, j) => v !== null && !isFormula[j]))) {
    const rows = table.rows.map((row, r) =>
      row.map((v, j) => (isFormula[j] ? null : toExcelInput(v, "clear", () => `table ${table.name} (sheet "${sheet}"), data row ${r + 1}, column "${table.columns[j].header}"`))),
    );
    phases.values.push(...blockSteps(phases.blockBytes, sheet, firstData, origin.col, rows, (range, block) => (range.values = block)));
  }

  phases.tables.push(
    small(
      tableAddress.length + table.name.length,
      (context) => {
        const created = sheetOf(context, sheet).tables.add(tableAddress, true);
        created.name = table.name;
      },
      2,
    ),
  );

  table.columns.forEach((column, j) => {
    const col = origin.col + j;
    const letter = columnLetter(col);
    const first = `${letter}${firstData}`;
    const rest = dataRows > 1 ? `${letter}${firstData + 1}:${letter}${lastData}` : null;
    // One cell carries the formula or format and copyFrom fills the column (Excel's paste), so the
    // request stays the same size at 20 rows or 20,000 instead of repeating a 4 KB formula per row.
    if (column.formula !== undefined) {
      const formula = column.formula;
      phases.formulas.push(
        small(
          jsonBytes(formula) + 2 * first.length + (rest?.length ?? 0),
          (context) => {
            const worksheet = sheetOf(context, sheet);
            worksheet.getRange(first).formulas = [[formula]];
            if (rest) worksheet.getRange(rest).copyFrom(worksheet.getRange(first), "Formulas");
          },
          2,
        ),
      );
    }
    if (column.numberFormat !== undefined) {
      const format = column.numberFormat;
      phases.numberFormats.push(
        small(
          jsonBytes(format) + 2 * first.length + (rest?.length ?? 0),
          (context) => {
            const worksheet = sheetOf(context, sheet);
            worksheet.getRange(first).numberFormat = [[format]];
            if (rest) worksheet.getRange(rest).copyFrom(worksheet.getRange(first), "Formats");
          },
          2,
        ),
      );
    }
    const address = body(j);
    if (column.wrap || !column.locked) {
      const { wrap, locked } = column;
      phases.formats.push(
        small(
          48 + address.length,
          (context) => {
            const format = sheetOf(context, sheet).getRange(address).format;
            if (wrap) format.wrapText = true;
            if (!locked) format.protection.locked = false;
          },
          2,
        ),
      );
    }
    const points = widthInPoints(column.width);
    phases.formats.push(small(24, (context) => (sheetOf(context, sheet).getRange(`${letter}:${letter}`).format.columnWidth = points)));
    phases.formats.push(...validationSteps(sheet, address, column.validation, column.prompt));
  });

  for (const status of table.statusFormats) {
    const j = table.columns.findIndex((c) => c.header.toLowerCase() === status.column.toLowerCase());
    const address = body(j);
    const rule = { formula1: `="${status.text.replace(/"/g, '""')}"`, operator: "EqualTo" as const };
    phases.formats.push(
      small(
        jsonBytes(rule) + 64,
        (context) => {
          const format = sheetOf(context, sheet).getRange(address).conditionalFormats.add("CellValue");
          format.cellValue.format.fill.color = `#${status.fill}`;
          format.cellValue.format.font.color = `#${status.font}`;
          format.cellValue.rule = rule;
        },
        4,
      ),
    );
  }
}

/**
 * The steps that build `design`. `existing` lists the (empty) designed sheets already in the
 * workbook: they are reused rather than added.
 */
export function designSteps(
  design: WorkbookDesign,
  existing: ReadonlySet<string>,
  skipNames: ReadonlySet<string> = new Set(),
  requestLimitBytes?: number,
  locked: ReadonlySet<string> = new Set(),
): ExcelStep[] {
  const phases: Phases = { blockBytes: blockBytesFor(requestLimitBytes), structure: [], values: [], tables: [], names: [], formulas: [], numberFormats: [], formats: [], finish: [], print: [] };
  for (const s of design.sheets) {
    const name = s.name;
    if (existing.has(name.toLowerCase())) {
      // An existing sheet is unprotected only when it is protected (office-js #6784).
      if (locked.has(name.toLowerCase())) phases.structure.push(small(name.length, (context) => sheetOf(context, name).protection.unprotect()));
    } else phases.structure.push(small(name.length, (context) => context.workbook.worksheets.add(nameIn(context, name))));
    for (const cell of s.cells) cellSteps(name, cell, phases);
    for (const table of s.tables) tableSteps(name, table, phases);
    for (const [letter, width] of Object.entries(s.columnWidths)) {
      const points = widthInPoints(width);
      phases.formats.push(small(24, (context) => (sheetOf(context, name).getRange(`${letter}:${letter}`).format.columnWidth = points)));
    }
    if (s.freezeRows > 0) phases.finish.push(small(24, (context) => sheetOf(context, name).freezePanes.freezeRows(s.freezeRows)));
    // Rows kept for the add-in but out of sight and print (the format stamp); Excel sizes the others itself.
    for (const row of s.hiddenRows ?? []) phases.finish.push(small(24, (context) => (sheetOf(context, name).getRange(`${row}:${row}`).rowHidden = true)));
    if (s.print) {
      const print = s.print;
      phases.print.push(
        small(
          96,
          (context) => {
            const layout = sheetOf(context, name).pageLayout;
            layout.orientation = print.landscape ? "Landscape" : "Portrait";
            layout.paperSize = "A4";
            // Wide tables print at a readable scale across pages; only narrow sheets fit to one page wide.
            // Documented values only: a page count of at least 1, or a scale of 10-400
            // (PageLayoutZoomOptions); verticalFitToPages 0 ("as many as needed") is not documented.
            layout.zoom = print.fitToWidth ? { horizontalFitToPages: 1 } : { scale: print.scale ?? 100 };
            layout.printOrder = "OverThenDown";
            if (print.repeatRows) layout.setPrintTitleRows(print.repeatRows);
            if (print.repeatColumns) layout.setPrintTitleColumns(print.repeatColumns);
            // A sheet left out of the print gets an empty print area: nothing of it prints.
            if (print.area !== undefined) layout.setPrintArea(print.area ?? "A1048576");
          },
          7,
        ),
      );
    }
    if (s.protect) phases.finish.push(small(96, (context) => sheetOf(context, name).protection.protect(PLAN_SHEET_PROTECTION)));
  }
  for (const n of design.names) {
    if (skipNames.has(n.name.toLowerCase())) continue;
    phases.names.push(small(n.name.length + n.ref.length, (context) => context.workbook.names.add(n.name, n.ref)));
  }
  // Hide sheets last: Excel refuses to hide the last visible sheet, so visible ones come first.
  for (const s of design.sheets) {
    if (s.visibility === "visible") continue;
    const visibility = VISIBILITY[s.visibility];
    phases.finish.push(small(24, (context) => (sheetOf(context, s.name).visibility = visibility)));
  }
  // Sheets and plain values touch nothing but the new sheets: apply() may send them before its checks.
  const early = [...phases.structure, ...phases.values].map((step) => ({ ...step, early: true }));
  return [...early, ...phases.tables, ...phases.names, ...phases.formulas, ...phases.numberFormats, ...phases.formats, ...phases.finish, ...phases.print];
}
