// The file adapter of the WorkbookPort: ExcelJS for cells and styles, plus a zip step for what
// ExcelJS cannot carry (calculated column formulas, structured-reference names). Used by the CLI and tests.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { CellValue, columnsAsked, ReadRequest, WorkbookDesign, WorkbookEdit, WorkbookPort, WorkbookSnapshot } from "../workbook/port";
import { cellOrNull, parseBox } from "../workbook/a1";
import { applyDesign } from "./applyDesign";
import { addTableRows } from "./addTableRows";
import { replaceTableRows } from "./replaceTableRows";
import { defaultFontXml } from "./print";
import { PackageName, TableFormulas, writeDefinedNames, writeTableFormulas } from "./packageParts";
import { writeWorkbookSparklines } from "./sparklines";
import { OpenLimits, openXlsx, PLAN_LIMITS } from "./open";
import { openXlsxFile } from "./openFile";
import { quotePrefixFormulaText } from "./quotePrefix";
import { narrowSnapshot, tableShape, workbookSnapshot } from "./snapshot";
import { findTable } from "./addTableRows";
import { FILE_SHEET_PROTECTION } from "./applyDesign";

export { XlsxReadError } from "./readError";

export class XlsxWorkbook implements WorkbookPort {
  private constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly tableFormulas: TableFormulas,
    private readonly names: PackageName[],
    readonly fileName: string,
  ) {}

  static create(fileName = "new workbook"): XlsxWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = "Golden Thread";
    return new XlsxWorkbook(wb, new Map(), [], fileName);
  }

  /** Opens a plan or loose workbook through the one opener (src/xlsx/open.ts) and its limits. */
  static async open(file: string, limits: OpenLimits = PLAN_LIMITS): Promise<XlsxWorkbook> {
    const opened = await openXlsxFile(file, limits);
    return new XlsxWorkbook(opened.workbook, opened.tableFormulas, opened.names, path.basename(file));
  }

  static async fromBuffer(buf: Buffer | Uint8Array, fileName: string, limits: OpenLimits = PLAN_LIMITS): Promise<XlsxWorkbook> {
    const opened = await openXlsx(buf, fileName, limits);
    return new XlsxWorkbook(opened.workbook, opened.tableFormulas, opened.names, fileName);
  }

  async read(): Promise<WorkbookSnapshot> {
    return workbookSnapshot(this.workbook, this.names);
  }

  async apply(design: WorkbookDesign): Promise<void> {
    const applied = await applyDesign(this.workbook, design);
    for (const [table, columns] of applied.tableFormulas) this.tableFormulas.set(table, columns);
    for (const n of design.names) {
      const ref = n.ref.replace(/^=/, "");
      const i = this.names.findIndex((m) => m.name === n.name);
      if (i >= 0) this.names.splice(i, 1);
      this.names.push({ name: n.name, ref });
    }
  }

  /** The calculated column formulas of a table (file form, no "="), by column header. */
  columnFormulas(table: string): Map<string, string> {
    return new Map(this.tableFormulas.get(table) ?? []);
  }

  async writeColumn(table: string, column: string, values: CellValue[]): Promise<void> {
    // Only the table's shape is read: a second snapshot of a large plan would double what is held.
    const found = findTable(this.workbook, table);
    if (!found) throw new Error(`${this.fileName}: no table named ${table}`);
    const { box, first, last, headers } = tableShape(found.ws, found.model);
    const index = headers.indexOf(column);
    if (index < 0) throw new Error(`${this.fileName}: table ${table} has no column "${column}"`);
    const rows = last - first + 1;
    if (values.length !== rows) throw new Error(`${this.fileName}: table ${table} has ${rows} rows but ${values.length} values were given for "${column}"`);
    values.forEach((v, i) => {
      found.ws.getCell(first + i, box.left + index).value = v;
    });
  }

  async addRows(table: string, count: number): Promise<void> {
    addTableRows(this.workbook, table, count, this.tableFormulas.get(table) ?? new Map(), this.fileName);
  }

  async replaceRows(table: string, rows: CellValue[][]): Promise<void> {
    replaceTableRows(this.workbook, table, rows, this.tableFormulas.get(table) ?? new Map(), this.fileName);
  }

  async update<T>(request: ReadRequest, change: (snapshot: WorkbookSnapshot) => { edits: WorkbookEdit[]; result: T }): Promise<T> {
    const full = workbookSnapshot(this.workbook, this.names);
    const { edits, result } = change(narrowSnapshot(full, request));
    // A file has no payload limits: each edit is made whole, in order.
    for (const edit of edits) await this.edit(edit, full);
    return result;
  }

  private async edit(edit: WorkbookEdit, full: WorkbookSnapshot): Promise<void> {
    if (edit.kind === "rows") {
      const t = full.tables.find((x) => x.name.toLowerCase() === edit.table.toLowerCase());
      if (!t) throw new Error(`${this.fileName}: Cannot change the rows of table "${edit.table}": there is no such table in this workbook.`);
      const gone = new Set(edit.remove);
      replaceTableRows(this.workbook, t.name, [...t.rows.filter((_, i) => !gone.has(i)), ...edit.append], this.tableFormulas.get(t.name) ?? new Map(), this.fileName);
      return;
    }
    if (edit.kind === "sheets") return this.apply(edit.design);
    if (edit.kind === "cells") {
      const ws = this.workbook.getWorksheet(edit.sheet);
      if (!ws) throw new Error(`${this.fileName}: Cannot write ${edit.address}: there is no sheet called "${edit.sheet}".`);
      const box = parseBox(edit.address);
      edit.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const cell = ws.getCell(box.top + r, box.left + c);
          cell.value = v;
          const format = edit.numberFormats?.[r]?.[c];
          if (format) cell.numFmt = format;
          if (edit.locked !== undefined) cell.protection = { locked: edit.locked };
        }),
      );
      return;
    }
    const found = findTable(this.workbook, edit.table);
    const t = full.tables.find((x) => x.name.toLowerCase() === edit.table.toLowerCase());
    if (!found || !t) throw new Error(`${this.fileName}: Cannot lock columns of table "${edit.table}": there is no such table in this workbook.`);
    const box = parseBox(t.range);
    const asked = columnsAsked(t.headers, edit.columns) ?? [];
    asked.forEach((lock, j) => {
      if (lock) for (let r = box.top + 1; r <= box.bottom; r++) found.ws.getCell(r, box.left + j).protection = { locked: true };
    });
    const sheetProtection = (found.ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
    if (!sheetProtection?.sheet) await found.ws.protect("", FILE_SHEET_PROTECTION);
  }

  async setNamedValue(name: string, value: CellValue): Promise<void> {
    const n = this.names.find((m) => m.name === name);
    const at = n ? cellOrNull(n.ref) : null;
    if (at?.sheet === undefined) throw new Error(`${this.fileName}: no single-cell name ${name}`);
    const ws = this.workbook.getWorksheet(at.sheet);
    if (!ws) throw new Error(`${this.fileName}: name ${name} points at a missing sheet`);
    ws.getCell(at.row, at.col).value = value;
  }

  async select(): Promise<void> {
    // Files have no user looking at them.
  }

  /** The .xlsx file as plain bytes (what the pane, in a browser, can use: there is no Node Buffer there). */
  async toBytes(): Promise<Uint8Array> {
    // Excel recalculates every formula on open, so statuses are never stale cached values.
    this.workbook.calcProperties.fullCalcOnLoad = true;
    const written = await this.workbook.xlsx.writeBuffer();
    const zip = await JSZip.loadAsync(written as ArrayBuffer);
    await writeTableFormulas(zip, this.tableFormulas);
    await writeWorkbookSparklines(zip, this.workbook);
    // Our own workbooks get the one font family as their default too; someone else's keeps theirs.
    const styles = this.workbook.creator === "Golden Thread" ? await zip.file("xl/styles.xml")?.async("string") : undefined;
    if (styles) zip.file("xl/styles.xml", defaultFontXml(styles));
    // Names ExcelJS could not hold (from apply() or from the file that was opened) go in by hand.
    const held = new Set(this.workbook.definedNames.model.map((d: { name: string }) => d.name));
    await writeDefinedNames(
      zip,
      this.names.filter((n) => !held.has(n.name)),
    );
    // Formula-like text stays text (quote-prefix style); no cell over Excel's 32,767 characters.
    await quotePrefixFormulaText(zip);
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }

  /** The .xlsx file as a Node Buffer (command line and tests). */
  async toBuffer(): Promise<Buffer> {
    const bytes = await this.toBytes();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async save(file: string): Promise<void> {
    await fs.promises.writeFile(file, await this.toBuffer());
  }
}
