// `check` on a plan far larger than ExcelJS can hold (issue 17: 200,000 actions under 1 GB): the
// package is read with the opener's safety (src/xlsx/open.ts: the file's type and size first, the
// signature, entries and declared sizes, no part inflated past its declared size, no DTDs, cells
// within Excel's last row and column) but each sheet is inflated and scanned as a stream, keeping
// only what readPlan reads: the cells of every table, and the whole of the sheets it reads by
// label or by name (Plan, Settings, Sign-off and the sheets of the settings names). Other sheets
// keep only their first value, so a blank workbook still reads as empty. Values read as the ExcelJS
// adapter reads them (cells.ts), so readPlan and the rules see the same snapshot either way.
// Node only (fs, zlib): the command line, never the task pane.
import * as path from "path";
import * as zlib from "zlib";
import JSZip from "jszip";
import { bomb, checkedEntries, entryData, inflateEntry, ZipEntry, ZipRejected } from "../../qsr/files/zipGuard";
import { zlibInflate } from "../../qsr/files/zipInflate.node";
import { NAMES } from "../../status/names";
import { CYCLE_SHEETS } from "../../cycle/sheet";
import { cellOrNull, columnLetter, MAX_COLUMN as EXCEL_MAX_COLUMNS, MAX_ROW as EXCEL_MAX_ROWS, rangeBox } from "../../workbook/a1";
import { SHEETS } from "../../workbook/names";
import type { CellValue, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../../workbook/port";
import { readDefinedNames, xmlUnescape } from "../packageParts";
import { xlsxFileBytes } from "../openFile";
import { checkXlsxSignature, XlsxReadError } from "../readError";
import { CellContext, cellValueOf, dateStyles, RawCell, Refused, SharedStrings, SheetCells } from "./cells";
import { rawAttr, XmlHandler, XmlRefused, XmlTokenizer } from "./xmlTokens";

const MB = 1024 * 1024;

export interface StreamLimits {
  /** Bytes of the .xlsx file itself. */
  maxFileBytes: number;
  /** Declared uncompressed bytes of the parts read whole or not at all (as the plan opener's limit). */
  maxUncompressedBytes: number;
  /** Declared uncompressed bytes of all the parts, sheets and shared strings included (streamed: this bounds time, not memory). */
  maxStreamedBytes: number;
  maxEntries: number;
  /** Any part read whole (workbook, styles, tables, relationships). */
  maxPartBytes: number;
  /** Cells (<c> elements) in the whole workbook. */
  maxCells: number;
  /** Cells held for readPlan: table areas and the sheets kept whole. */
  maxKeptCells: number;
  /** Rows x columns of the box a sheet's cells span. */
  maxSheetArea: number;
  /** Rows holding something in any one table (e.g. actions). */
  maxTableRows: number;
  /** Merged ranges in one sheet. */
  maxMerges: number;
}

/**
 * The largest plan `check` reads (README limits): 200,000 actions with 50,000 measures peaks under
 * 1 GB (npm run bench). Beyond these the check is refused at once, naming the limit.
 */
export const CHECK_LIMITS: StreamLimits = {
  maxFileBytes: 200 * MB,
  maxUncompressedBytes: 200 * MB,
  maxStreamedBytes: 2_000 * MB,
  maxEntries: 2_000,
  maxPartBytes: 50 * MB,
  maxCells: 10_000_000,
  maxKeptCells: 8_000_000,
  maxSheetArea: 10_000_000,
  maxTableRows: 200_000,
  maxMerges: 100_000,
};

const DTD = /<!DOCTYPE|<!ENTITY/i;
const n = (x: number) => x.toLocaleString("en-GB");
const normal = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/** Parts streamed (their size bounds time, not memory); every other part counts against the plan opener's 200 MB. */
const STREAMED = /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/;

/** The package's parts by name, read whole (small parts) or streamed (sheets, shared strings). */
class Package {
  private readonly entries: Map<string, ZipEntry>;
  private readonly read = new Set<string>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: StreamLimits,
  ) {
    const all = checkedEntries(bytes, { maxEntries: limits.maxEntries, maxUncompressedBytes: limits.maxStreamedBytes });
    checkedEntries(bytes, limits, (e) => !STREAMED.test(e.name));
    this.entries = new Map(all.map((e) => [e.name, e]));
  }

  async text(name: string): Promise<string | undefined> {
    const e = this.entries.get(name);
    if (!e) return undefined;
    this.read.add(name);
    if (e.uncompressedSize > this.limits.maxPartBytes) throw new Refused(`the part ${name} is ${(e.uncompressedSize / MB).toFixed(1)} MB (limit ${this.limits.maxPartBytes / MB} MB)`);
    const xml = new TextDecoder("utf-8").decode(await inflateEntry(this.bytes, e, zlibInflate));
    if (DTD.test(xml)) throw new Refused(`the part ${name} declares a DTD or entities, which no Excel workbook does (refused: entity expansion can exhaust memory)`);
    return xml;
  }

  /** Inflates one part piece by piece into the handler; never past its declared size. */
  async stream(name: string, handler: XmlHandler): Promise<void> {
    if (!this.entries.has(name)) return;
    const tokens = new XmlTokenizer(handler);
    const decoder = new TextDecoder("utf-8");
    for await (const chunk of this.chunks(name)) tokens.feed(decoder.decode(chunk, { stream: true }));
    tokens.feed(decoder.decode());
    tokens.end();
  }

  /** The parts not read, inflated and let go piece by piece: a part lying about its size is refused as the opener refuses it. */
  async checkUnread(): Promise<void> {
    for (const name of this.entries.keys()) {
      if (this.read.has(name) || name.endsWith("/")) continue;
      for await (const _chunk of this.chunks(name));
    }
  }

  private async *chunks(name: string): AsyncGenerator<Uint8Array> {
    const e = this.entries.get(name)!;
    this.read.add(name);
    const data = entryData(this.bytes, e);
    if (e.method === 0) {
      for (let at = 0; at < data.length; at += MB) yield data.subarray(at, at + MB);
      return;
    }
    if (e.method !== 8) throw new ZipRejected(`zip entry ${e.name} uses compression method ${e.method}, which Excel does not write`, e.name);
    const inflater = zlib.createInflateRaw({ chunkSize: MB });
    inflater.end(data);
    let total = 0;
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > e.uncompressedSize) throw bomb(e);
        yield chunk;
      }
    } catch (err) {
      if (err instanceof Error && "code" in err && String((err as NodeJS.ErrnoException).code).startsWith("Z_")) {
        throw new ZipRejected(`the workbook is damaged (zip entry ${e.name} does not decompress: ${err.message})`, e.name);
      }
      throw err;
    } finally {
      inflater.destroy();
    }
  }
}

interface SheetEntry {
  name: string;
  part: string;
  visibility: SheetSnapshot["visibility"];
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One table while its sheet streams: the header row's cells and the data rows, by row from `first`. */
interface TableCells {
  name: string;
  box: Box;
  headerRow: boolean;
  first: number;
  last: number;
  columnNames: string[];
  header: CellValue[];
  rows: CellValue[][];
  /** Rows holding something (the limit counts these, not a table's blank rows). */
  filled: number;
}

/** A sheet kept whole: its written cells as parallel arrays (compact) until the sheet ends. */
interface WholeCells {
  rows: number[];
  cols: number[];
  values: CellValue[];
}

function relTargets(xml: string | undefined, base: string): { id: string; type: string; target: string }[] {
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)].map((m) => {
    const target = xmlUnescape(rawAttr(m[1], "Target") ?? "");
    // Targets are relative to the part's folder ("worksheets/sheet1.xml", "../tables/table1.xml") or absolute ("/xl/...").
    const full = target.startsWith("/") ? target.slice(1) : path.posix.normalize(path.posix.join(base, target));
    return { id: rawAttr(m[1], "Id") ?? "", type: rawAttr(m[1], "Type") ?? "", target: full };
  });
}

/** The plan's workbook as a WorkbookSnapshot for readPlan, read as a stream within the limits. */
export async function readPlanSnapshot(file: string, limits: StreamLimits = CHECK_LIMITS, label = path.basename(file)): Promise<WorkbookSnapshot> {
  return snapshotOfBytes(xlsxFileBytes(file, limits.maxFileBytes), label, limits);
}

/** The same from the file's bytes (tests). */
export async function snapshotOfBytes(bytes: Uint8Array, label: string, limits: StreamLimits = CHECK_LIMITS): Promise<WorkbookSnapshot> {
  checkXlsxSignature(bytes, label);
  if (bytes.length > limits.maxFileBytes) throw new XlsxReadError(label, `the file is ${(bytes.length / MB).toFixed(1)} MB (limit ${limits.maxFileBytes / MB} MB)`);
  try {
    return await new Reader(new Package(bytes, limits), limits).read();
  } catch (e) {
    if (e instanceof Refused) throw new XlsxReadError(label, e.message, e.sheet, e.cell);
    if (e instanceof ZipRejected) throw new XlsxReadError(label, e.message);
    if (e instanceof XmlRefused) throw new XlsxReadError(label, e.message);
    throw e;
  }
}

class Reader {
  private cellCount = 0;
  private keptCells = 0;

  constructor(
    private readonly pkg: Package,
    private readonly limits: StreamLimits,
  ) {}

  async read(): Promise<WorkbookSnapshot> {
    const workbookXml = (await this.pkg.text("xl/workbook.xml")) ?? "";
    const rels = relTargets(await this.pkg.text("xl/_rels/workbook.xml.rels"), "xl");
    const sheets: SheetEntry[] = [...workbookXml.matchAll(/<sheet\b([^>]*?)\/?>/g)].flatMap((m) => {
      const id = rawAttr(m[1], "r:id");
      const part = rels.find((r) => r.id === id)?.target;
      const state = rawAttr(m[1], "state");
      return part ? [{ name: xmlUnescape(rawAttr(m[1], "name") ?? ""), part, visibility: state === "hidden" || state === "veryHidden" ? state : "visible" }] : [];
    });
    const namesZip = new JSZip();
    namesZip.file("xl/workbook.xml", workbookXml);
    const names = (await readDefinedNames(namesZip)).map((d) => ({ name: d.name, ref: d.ref }));
    const date1904 = rawAttr(/<workbookPr\b([^>]*)>/.exec(workbookXml)?.[1] ?? "", "date1904") === "1";
    const styles = await this.pkg.text("xl/styles.xml");
    const shared = new SharedStrings();
    await this.inPart("xl/sharedStrings.xml", "", () => this.pkg.stream("xl/sharedStrings.xml", shared));
    const ctx: CellContext = { shared: shared.strings, dates: styles ? dateStyles(styles) : [], date1904 };

    // readPlan reads these sheets by their labels (Plan, Settings, Sign-off) or through a settings name.
    const whole = new Set([SHEETS.plan, SHEETS.settings, CYCLE_SHEETS.signOff].map(normal));
    const settingNames = new Set<string>(Object.values(NAMES));
    for (const d of names) {
      const sheet = settingNames.has(d.name) ? cellOrNull(d.ref.replace(/^=/, ""))?.sheet : undefined;
      if (sheet) whole.add(normal(sheet));
    }

    const snapshot: WorkbookSnapshot = { sheets: [], tables: [], names };
    for (const sheet of sheets) {
      const read = await this.sheet(sheet, ctx, whole.has(normal(sheet.name)));
      snapshot.sheets.push(read.sheet);
      snapshot.tables.push(...read.tables);
    }
    await this.pkg.checkUnread();
    return snapshot;
  }

  private async inPart(part: string, sheet: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (e) {
      if (e instanceof XmlRefused) throw new Refused(`the part ${part}: ${e.message}`, { sheet });
      if (e instanceof Refused && !e.sheet) throw new Refused(e.message, { sheet, cell: e.cell });
      throw e;
    }
  }

  private async tablesOf(sheet: SheetEntry): Promise<TableCells[]> {
    const base = path.posix.dirname(sheet.part);
    const rels = relTargets(await this.pkg.text(`${base}/_rels/${path.posix.basename(sheet.part)}.rels`), base);
    const tables: TableCells[] = [];
    for (const rel of rels.filter((r) => /\/table$/.test(r.type))) {
      const xml = await this.pkg.text(rel.target);
      const attrs = xml ? /<table\b([^>]*)>/.exec(xml)?.[1] : undefined;
      if (!xml || attrs === undefined) continue;
      const ref = rawAttr(attrs, "ref") ?? "";
      const box = rangeBox(ref);
      if (!box) throw new Refused(`the table in ${rel.target} has the range "${ref.slice(0, 30)}", which is not a range`, { sheet: sheet.name });
      if (box.right - box.left + 1 > EXCEL_MAX_COLUMNS || box.bottom > EXCEL_MAX_ROWS) throw new Refused(`the table in ${rel.target} reaches beyond Excel's last row or column`, { sheet: sheet.name });
      // The spec's default is a header row; only headerRowCount="0" says there is none.
      const headerRow = rawAttr(attrs, "headerRowCount") !== "0";
      const totals = Number(rawAttr(attrs, "totalsRowCount") ?? 0) >= 1;
      const columnNames = [...xml.matchAll(/<tableColumn\b([^>]*?)\/?>/g)].map((m) => xmlUnescape(rawAttr(m[1], "name") ?? ""));
      const width = box.right - box.left + 1;
      while (columnNames.length < width) columnNames.push(`Column${columnNames.length + 1}`);
      const first = box.top + (headerRow ? 1 : 0);
      tables.push({
        name: xmlUnescape(rawAttr(attrs, "name") ?? ""),
        box,
        headerRow,
        first,
        last: box.bottom - (totals ? 1 : 0),
        columnNames: columnNames.slice(0, width),
        header: [],
        rows: [],
        filled: 0,
      });
    }
    return tables;
  }

  private async sheet(sheet: SheetEntry, ctx: CellContext, keepWhole: boolean): Promise<{ sheet: SheetSnapshot; tables: TableSnapshot[] }> {
    const tables = await this.tablesOf(sheet);
    const whole: WholeCells = { rows: [], cols: [], values: [] };
    const merges: Box[] = [];
    // The box the written cells span, as the opener measures it (a stray cell far from the rest is refused there too).
    const used = { top: Infinity, left: Infinity, bottom: 0, right: 0, farthest: "" };
    let firstValue: { row: number; col: number; value: CellValue } | null = null;
    const limits = this.limits;
    const valueOf = (raw: RawCell, row: number, col: number): CellValue => {
      try {
        return cellValueOf(raw, ctx);
      } catch (e) {
        if (e instanceof Refused) throw new Refused(e.message, { sheet: sheet.name, cell: `${columnLetter(col)}${row}` });
        throw e;
      }
    };
    const sink = {
      row: () => undefined,
      cell: (row: number, col: number, written: boolean, raw: RawCell) => {
        if (++this.cellCount > limits.maxCells) throw new Refused(`the workbook has more than ${n(limits.maxCells)} cells (the limit for check)`, { sheet: sheet.name });
        if (!written) return;
        if (row < used.top) used.top = row;
        if (row > used.bottom) used.bottom = row;
        if (col < used.left) used.left = col;
        if (col > used.right) used.right = col;
        if (row >= used.bottom && col >= used.right) used.farthest = `${columnLetter(col)}${row}`;
        const t = tables.find((x) => row >= x.box.top && row <= x.box.bottom && col >= x.box.left && col <= x.box.right);
        // Cells neither in a table nor on a sheet kept whole are not even given a value, once one has been seen.
        if (!t && !keepWhole && firstValue) return;
        const value = valueOf(raw, row, col);
        if (value === null) return;
        firstValue ??= { row, col, value };
        if (keepWhole) {
          this.keep(sheet.name, row, col);
          whole.rows.push(row);
          whole.cols.push(col);
          whole.values.push(value);
        }
        if (t) this.tableCell(t, row, col, value, sheet.name);
      },
      merge: (ref: string) => {
        const b = rangeBox(ref);
        if (!b) return;
        if (merges.length >= limits.maxMerges) throw new Refused(`the sheet has more than ${n(limits.maxMerges)} merged ranges (the limit)`, { sheet: sheet.name });
        merges.push(b);
      },
    };
    await this.inPart(sheet.part, sheet.name, () => this.pkg.stream(sheet.part, new SheetCells(sink, EXCEL_MAX_ROWS, EXCEL_MAX_COLUMNS)));

    const area = used.bottom ? (used.bottom - used.top + 1) * (used.right - used.left + 1) : 0;
    if (area > limits.maxSheetArea) {
      throw new Refused(
        `its cells run from ${columnLetter(used.left)}${used.top} to ${columnLetter(used.right)}${used.bottom}, a block of ${n(area)} cells (limit ${n(limits.maxSheetArea)}); delete stray cells far from the rest, e.g. ${used.farthest}`,
        { sheet: sheet.name, cell: used.farthest },
      );
    }
    const snapshot = keepWhole ? wholeSheet(sheet, whole, merges, this.limits.maxKeptCells) : partSheet(sheet, firstValue);
    return { sheet: snapshot, tables: tables.map((t) => this.finishTable(t, sheet.name, used.bottom, merges)) };
  }

  private tableCell(t: TableCells, row: number, col: number, value: CellValue, sheet: string): void {
    const i = col - t.box.left;
    if (t.headerRow && row === t.box.top) {
      t.header[i] = value;
      return;
    }
    if (row < t.first || row > t.last) return;
    const r = row - t.first;
    let cells = t.rows[r];
    if (!cells) {
      if (++t.filled > this.limits.maxTableRows)
        throw new Refused(`the table ${t.name} has more than ${n(this.limits.maxTableRows)} rows (the limit for check)`, { sheet, cell: `${columnLetter(col)}${row}` });
      cells = t.rows[r] = new Array<CellValue>(t.box.right - t.box.left + 1).fill(null);
    }
    this.keep(sheet, row, col);
    cells[i] = value;
  }

  /** Counts one more cell held, refusing (at once, naming the cell) past the limit. */
  private keep(sheet: string, row: number, col: number): void {
    if (++this.keptCells > this.limits.maxKeptCells)
      throw new Refused(`the plan has more than ${n(this.limits.maxKeptCells)} cells in its tables and details (the limit for check)`, { sheet, cell: `${columnLetter(col)}${row}` });
  }

  /** The table as the ExcelJS adapter gives it: cut to the rows in use as the opener cuts it, merged cells blank, blank rows filled in. */
  private finishTable(t: TableCells, sheet: string, usedBottom: number, merges: Box[]): TableSnapshot {
    const { box } = t;
    // As the opener's tameTable: a table reaching more than 1,000 rows past the last row in use is read to that row.
    const lastUsed = usedBottom ? Math.max(usedBottom, box.top + 1) : box.top + 1;
    const bottom = box.bottom <= lastUsed + 1_000 ? box.bottom : lastUsed;
    const last = Math.min(t.last, bottom - (t.last < box.bottom ? 1 : 0));
    const width = box.right - box.left + 1;
    const count = Math.max(0, last - t.first + 1);
    if (count * width > this.limits.maxKeptCells) throw new Refused(`the table ${t.name} covers ${n(count * width)} cells (the limit for check is ${n(this.limits.maxKeptCells)})`, { sheet });
    t.rows.length = Math.min(t.rows.length, count);
    for (let r = 0; r < count; r++) t.rows[r] ??= new Array<CellValue>(width).fill(null);
    // Cells under a merge other than its top-left read blank, as ExcelJS reads them.
    clearMerged(merges, { ...box, bottom }, this.limits.maxKeptCells, sheet, (row, col) => {
      if (t.headerRow && row === box.top) t.header[col - box.left] = null;
      else if (row >= t.first && row <= last) t.rows[row - t.first][col - box.left] = null;
    });
    const headers = t.columnNames.map((name, i) => {
      const onSheet = t.headerRow ? (t.header[i] ?? null) : null;
      return onSheet === null ? name : String(onSheet);
    });
    return { name: t.name, sheet, range: `${columnLetter(box.left)}${box.top}:${columnLetter(box.right)}${bottom}`, headers, rows: t.rows };
  }
}

/** Calls blank(row, col) for every cell of `within` under a merge other than the merge's top-left; refuses more than `budget` such cells. */
function clearMerged(merges: Box[], within: Box, budget: number, sheet: string, blank: (row: number, col: number) => void): void {
  let work = 0;
  for (const m of merges) {
    const top = Math.max(m.top, within.top);
    const bottom = Math.min(m.bottom, within.bottom);
    const left = Math.max(m.left, within.left);
    const right = Math.min(m.right, within.right);
    if (top > bottom || left > right) continue;
    work += (bottom - top + 1) * (right - left + 1);
    if (work > budget) throw new Refused(`its merged cells cover more than ${n(budget)} cells of the tables and details (the limit for check)`, { sheet });
    for (let row = top; row <= bottom; row++) for (let col = left; col <= right; col++) if (row !== m.top || col !== m.left) blank(row, col);
  }
}

/** A sheet readPlan reads by label: its used range of values, as the ExcelJS adapter gives it (merged cells blank). */
function wholeSheet(sheet: SheetEntry, cells: WholeCells, merges: Box[], maxCells: number): SheetSnapshot {
  const empty: SheetSnapshot = { name: sheet.name, visibility: sheet.visibility, origin: "A1", values: [] };
  if (cells.values.length === 0) return empty;
  const box = { top: Infinity, left: Infinity, bottom: 0, right: 0 };
  cells.values.forEach((_v, i) => {
    box.top = Math.min(box.top, cells.rows[i]);
    box.bottom = Math.max(box.bottom, cells.rows[i]);
    box.left = Math.min(box.left, cells.cols[i]);
    box.right = Math.max(box.right, cells.cols[i]);
  });
  const area = (box.bottom - box.top + 1) * (box.right - box.left + 1);
  if (area > maxCells) throw new Refused(`its cells span a block of ${n(area)} cells (the limit for check is ${n(maxCells)}); delete stray cells far from the rest`, { sheet: sheet.name });
  const grid = Array.from({ length: box.bottom - box.top + 1 }, () => new Array<CellValue>(box.right - box.left + 1).fill(null));
  cells.values.forEach((v, i) => (grid[cells.rows[i] - box.top][cells.cols[i] - box.left] = v));
  clearMerged(merges, box, maxCells, sheet.name, (row, col) => (grid[row - box.top][col - box.left] = null));
  // The used range of what is left: rows and columns holding something.
  const rows = grid.flatMap((r, i) => (r.some((v) => v !== null) ? [i] : []));
  if (rows.length === 0) return empty;
  const cols = grid[0].flatMap((_v, j) => (grid.some((r) => r[j] !== null) ? [j] : []));
  const [r0, r1, c0, c1] = [rows[0], rows[rows.length - 1], cols[0], cols[cols.length - 1]];
  const values = grid.slice(r0, r1 + 1).map((r) => r.slice(c0, c1 + 1));
  return { name: sheet.name, visibility: sheet.visibility, origin: `${columnLetter(box.left + c0)}${box.top + r0}`, values };
}

/** A sheet readPlan does not read by label: only its first value, so the workbook is not taken for empty. */
function partSheet(sheet: SheetEntry, first: { row: number; col: number; value: CellValue } | null): SheetSnapshot {
  if (!first) return { name: sheet.name, visibility: sheet.visibility, origin: "A1", values: [] };
  return { name: sheet.name, visibility: sheet.visibility, origin: `${columnLetter(first.col)}${first.row}`, values: [[first.value]] };
}
