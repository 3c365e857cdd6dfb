// THE one way an .xlsx file is opened, for plans, loose workbooks and returns, on the command line
// and in the task pane (plain bytes, no Node APIs). In order:
// 1. the signature: empty, old .xls, password-encrypted and non-zip files get their own sentence;
// 2. the zip guard: entry count, declared and actual inflated size (a bomb is stopped at its cap);
// 3. the structure guard on the inflated XML, which is what makes a few-kilobyte file costly: rows
//    per sheet, cells beyond Excel's last row or column, too many cells, a sheet whose cells span a
//    box too big to read, DTDs (entity expansion), and ranges that ExcelJS would expand cell by cell (merges,
//    data validations, conditional formats, column definitions, tables, filters). Those ranges are
//    clamped to the cells that exist (a dropdown over whole columns becomes one over the rows in
//    use), and what still names too many cells is refused;
// 4. what ExcelJS cannot read is lifted out (table formulas, defined names, sparklines);
// 5. ExcelJS loads the tamed package, handed over as stored parts so nothing is inflated twice.
// Every refusal is one XlsxReadError naming the file and, where there is one, the sheet and cell.
import ExcelJS from "exceljs";
import { CappedInflate, checkXlsxPackage, InflatedEntry, ZipLimits, ZipRejected } from "../qsr/files/zipGuard";
import { jszipInflate } from "../qsr/files/zipInflate";
import { definedNames, liftTableFormulas, PackageName, sheetParts, TableFormulas } from "./packageParts";
import { keepSparklines, liftSparklines } from "./sparklines";
import { checkXlsxSignature, XlsxReadError } from "./readError";
import { storeZip } from "./storeZip";
import { Box, boxAddress, cellAddress, cellNumbers, columnLetter, MAX_COLUMN as EXCEL_MAX_COLUMNS, MAX_ROW as EXCEL_MAX_ROWS, rangeBox } from "../workbook/a1";

export interface OpenLimits extends ZipLimits {
  /** Bytes of the .xlsx file itself. */
  maxFileBytes: number;
  /** Rows (<row> elements, empty ones too) in any one worksheet. */
  maxRowsPerSheet: number;
  /** Cells (<c> elements) in the whole workbook. */
  maxCells: number;
  /** Rows x columns of the box a sheet's cells span (the readers hold that box). */
  maxSheetArea: number;
  /** Cells named by all the merges, validations and conditional formats together, after clamping. */
  maxRangeCells: number;
}

const MB = 1024 * 1024;

/**
 * Plans and loose plan workbooks: the largest accepted (see the README's limits). ExcelJS holds about
 * 1.3 KB a cell once loaded and as much again while it writes the file back, so 250,000 cells, about
 * 6,800 actions with 1,700 measures, keeps check --write, status, qsr and convert under 1 GB
 * (npm run bench). check without --write streams instead (src/xlsx/stream) and takes far more.
 */
export const PLAN_LIMITS: OpenLimits = {
  maxFileBytes: 50 * MB,
  maxUncompressedBytes: 200 * MB,
  maxEntries: 2_000,
  maxRowsPerSheet: 100_000,
  maxCells: 250_000,
  maxSheetArea: 2_000_000,
  maxRangeCells: 2_000_000,
};

/** Returns are far smaller than plans; a collect of 2,000 of them must stay in bounded memory. */
export const RETURN_LIMITS: OpenLimits = {
  maxFileBytes: 20 * MB,
  maxUncompressedBytes: 50 * MB,
  maxEntries: 2_000,
  maxRowsPerSheet: 100_000,
  maxCells: 200_000,
  maxSheetArea: 1_000_000,
  maxRangeCells: 1_000_000,
};

export interface OpenedXlsx {
  workbook: ExcelJS.Workbook;
  /** Calculated column formulas lifted out of the tables (ExcelJS cannot read them). */
  tableFormulas: TableFormulas;
  /** Defined names as the package holds them. */
  names: PackageName[];
  /** Plain notes on what was tamed (e.g. a dropdown over whole columns clamped to the rows in use). */
  notes: string[];
}

// ---- Boxes, as the structure guard needs them ----

const area = (b: Box) => (b.bottom - b.top + 1) * (b.right - b.left + 1);

function clampBox(b: Box, to: Box): Box | null {
  const c = { top: Math.max(b.top, to.top), left: Math.max(b.left, to.left), bottom: Math.min(b.bottom, to.bottom), right: Math.min(b.right, to.right) };
  return c.top > c.bottom || c.left > c.right ? null : c;
}

// ---- The structure guard ----

const utf8 = new TextDecoder("utf-8");
const encoder = new TextEncoder();

/** The inflated parts, each XML part decoded once; the guard and the lifts change the XML in place. */
class Package {
  readonly xml = new Map<string, string>();
  private readonly changed = new Set<string>();

  constructor(private readonly parts: Map<string, InflatedEntry>) {
    for (const [name, part] of parts) if (/\.(xml|rels|vml)$/i.test(name)) this.xml.set(name, utf8.decode(part.bytes));
  }

  set(name: string, xml: string): void {
    if (xml === this.xml.get(name)) return;
    this.xml.set(name, xml);
    this.changed.add(name);
  }

  /** Sheet name -> worksheet part. */
  sheets(): Map<string, string> {
    return sheetParts(this.xml.get("xl/workbook.xml") ?? "", this.xml.get("xl/_rels/workbook.xml.rels") ?? "");
  }

  /** The package as a zip of stored parts, less those left out: the parts left as they were keep their bytes and CRC. */
  zip(leftOut: Set<string>): Uint8Array {
    const entries = [...this.parts]
      .filter(([name]) => !name.endsWith("/") && !leftOut.has(name))
      .map(([name, part]) => (this.changed.has(name) ? { name, bytes: encoder.encode(this.xml.get(name)) } : { name, bytes: part.bytes, crc32: part.entry.crc32 }));
    return storeZip(entries);
  }
}

class Refused extends Error {
  constructor(
    message: string,
    readonly sheet = "",
    readonly cell = "",
  ) {
    super(message);
  }
}

const DTD = /<!DOCTYPE|<!ENTITY/i;

interface SheetFacts {
  rows: number;
  cells: number;
  /** The box the cells holding something span; null for a sheet with none. */
  used: Box | null;
  farthest: string;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** The r attribute of the start tag between from and end, if it has one. */
function rAttribute(xml: string, from: number, end: number): string | undefined {
  for (let p = xml.indexOf('r="', from); p >= 0 && p < end; p = xml.indexOf('r="', p + 3)) {
    if (!isSpace(xml.charCodeAt(p - 1))) continue;
    const q = xml.indexOf('"', p + 3);
    return q < 0 || q > end ? undefined : xml.slice(p + 3, q);
  }
  return undefined;
}

/**
 * Counts a sheet's cells and the box they span, refusing addresses beyond Excel's edges. A plain
 * scan of the <row> and <c> start tags rather than a regular expression: it runs over every cell
 * of every file opened, and is twice as fast.
 */
function sheetFacts(xml: string, sheet: string): SheetFacts {
  let rows = 0;
  let cells = 0;
  let used: Box | null = null;
  let far = { row: 0, col: 0 };
  let row = 0;
  let col = 0;
  for (let i = xml.indexOf("<"); i >= 0; i = xml.indexOf("<", i + 1)) {
    const isRow = xml.startsWith("row", i + 1);
    if (!isRow && xml.charCodeAt(i + 1) !== 99 /* c */) continue;
    const nameEnd = i + (isRow ? 4 : 2);
    const next = xml.charCodeAt(nameEnd);
    if (!isSpace(next) && next !== 62 /* > */ && next !== 47 /* / */) continue; // <cols>, <rowBreaks>
    const end = xml.indexOf(">", nameEnd);
    if (end < 0) break;
    const r = rAttribute(xml, nameEnd, end);
    const empty = xml.charCodeAt(end - 1) === 47; // <c r="B2" s="1"/>
    i = end;
    if (isRow) {
      rows++;
      row = r ? Number(r) : row + 1;
      col = 0;
      if (!Number.isInteger(row) || row < 1 || row > EXCEL_MAX_ROWS) throw new Refused(`row number ${r} is beyond Excel's last row (${EXCEL_MAX_ROWS.toLocaleString("en-GB")})`, sheet);
      continue;
    }
    cells++;
    if (r) {
      const cell = cellNumbers(r);
      if (!cell) throw new Refused(`a cell has the address "${r.slice(0, 20)}", which is not a cell address`, sheet);
      if (cell.col > EXCEL_MAX_COLUMNS) throw new Refused(`a cell is beyond Excel's last column (XFD)`, sheet, r.toUpperCase());
      if (cell.row > EXCEL_MAX_ROWS || cell.row < 1) throw new Refused(`a cell is beyond Excel's last row (${EXCEL_MAX_ROWS.toLocaleString("en-GB")})`, sheet, r.toUpperCase());
      ({ row, col } = cell);
    } else col++;
    if (empty) continue; // an empty, formatted-only cell holds nothing to read
    if (!used) used = { top: row, left: col, bottom: row, right: col };
    else {
      if (row < used.top) used.top = row;
      if (row > used.bottom) used.bottom = row;
      if (col < used.left) used.left = col;
      if (col > used.right) used.right = col;
    }
    if (row >= used.bottom && col >= used.right) far = { row, col };
  }
  return { rows, cells, used, farthest: used ? cellAddress(far.row, far.col) : "" };
}

/** Clamps every range of a space-separated sqref to the box in use; "" when nothing is left; unchanged text when nothing was cut. */
function clampSqref(sqref: string, to: Box | null, counted: { cells: number }): string {
  const kept: string[] = [];
  let cut = false;
  for (const part of sqref.trim().split(/\s+/)) {
    const b = rangeBox(part);
    const c = b && to ? clampBox(b, to) : null;
    if (!b || !c || area(c) !== area(b)) cut = true;
    if (!c) continue;
    counted.cells += area(c);
    kept.push(boxAddress(c));
  }
  return cut ? kept.join(" ") : sqref;
}

/** The sheet's XML with its ranges clamped to the cells in use; notes say what changed. */
function tameSheet(xml: string, sheet: string, facts: SheetFacts, reach: Box | null, limits: OpenLimits, notes: string[]): string {
  const used = reach;
  const counted = { cells: 0 };
  let clamped = 0;
  const note = (before: string, after: string) => {
    if (before !== after) clamped++;
  };
  let out = xml.replace(/<dimension\b[^>]*\/>/, facts.used ? `<dimension ref="${boxAddress(facts.used)}"/>` : "");
  // Column definitions: Excel's own edge, never more (ExcelJS makes one object per column).
  out = out.replace(/<col\b([^>]*?)\/>/g, (whole, attrs: string) => {
    const min = Number(/\bmin="(\d+)"/.exec(attrs)?.[1] ?? 1);
    const max = Number(/\bmax="(\d+)"/.exec(attrs)?.[1] ?? min);
    if (!(min >= 1) || min > EXCEL_MAX_COLUMNS) {
      clamped++;
      return "";
    }
    if (max <= EXCEL_MAX_COLUMNS && max >= min) return whole;
    clamped++;
    return `<col${attrs.replace(/\bmax="\d*"/, `max="${Math.max(min, Math.min(max, EXCEL_MAX_COLUMNS))}"`)}/>`;
  });
  out = out.replace(/<mergeCell\b[^>]*?\bref="([^"]*)"[^>]*\/>/g, (_whole, ref: string) => {
    const c = clampSqref(ref, used, counted);
    note(ref, c);
    // A merge left as one cell is no merge at all.
    return c && c.includes(":") ? `<mergeCell ref="${c}"/>` : "";
  });
  const element = (name: string) => new RegExp(`<${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${name}>)`, "g");
  out = out.replace(element("dataValidation"), (whole, attrs: string) => {
    const sqref = /\bsqref="([^"]*)"/.exec(attrs)?.[1] ?? "";
    const c = clampSqref(sqref, used, counted);
    note(sqref, c);
    return c ? whole.replace(`sqref="${sqref}"`, `sqref="${c}"`) : "";
  });
  out = out.replace(element("conditionalFormatting"), (whole, attrs: string) => {
    const sqref = /\bsqref="([^"]*)"/.exec(attrs)?.[1] ?? "";
    const c = clampSqref(sqref, used, counted);
    note(sqref, c);
    return c ? whole.replace(`sqref="${sqref}"`, `sqref="${c}"`) : "";
  });
  out = out.replace(/<autoFilter\b([^>]*?)\bref="([^"]*)"/g, (whole, attrs: string, ref: string) => {
    const c = clampSqref(ref, used, { cells: 0 });
    note(ref, c);
    return c ? `<autoFilter${attrs}ref="${c}"` : whole;
  });
  if (counted.cells > limits.maxRangeCells) {
    throw new Refused(`its merged cells, dropdowns and conditional formats cover ${counted.cells.toLocaleString("en-GB")} cells (limit ${limits.maxRangeCells.toLocaleString("en-GB")})`, sheet);
  }
  if (clamped > 0) notes.push(`${sheet}: ${clamped} range${clamped === 1 ? "" : "s"} reaching past the cells in use (merges, dropdowns, formats or whole columns) read as the cells in use`);
  return out;
}

/**
 * Excel leaves headerRowCount out of a table with a header row (the spec's default is 1, ECMA-376
 * Part 1, 18.5.1.2 table), but ExcelJS reads a table as having a header only when it says
 * headerRowCount="1", so without this a plan saved by Excel would read its headers as an action.
 */
function withHeaderRowCount(xml: string): string {
  const start = /<table\b[^>]*>/.exec(xml);
  if (!start || /\bheaderRowCount=/.test(start[0])) return xml;
  return xml.slice(0, start.index) + start[0].replace(/^<table\b/, '<table headerRowCount="1"') + xml.slice(start.index + start[0].length);
}

/** Clamps a table's range to the rows its sheet uses (a table stretched to row 1,048,576 reads as the rows in use). */
function tameTable(xml: string, used: Box | null, limits: OpenLimits, notes: string[], part: string): { xml: string; box: Box | null } {
  xml = withHeaderRowCount(xml);
  const m = /<table\b[^>]*?\bref="([^"]*)"/.exec(xml);
  if (!m) return { xml, box: null };
  const b = rangeBox(m[1]);
  if (!b) throw new Refused(`the table in ${part} has the range "${m[1].slice(0, 30)}", which is not a range`);
  if (b.right - b.left + 1 > EXCEL_MAX_COLUMNS) throw new Refused(`the table in ${part} is wider than Excel allows`);
  // Keep at least the header and one data row, as Excel does for an empty table; a table within the
  // rows in use (or a few spare rows past them) is left as it is.
  const lastUsed = used ? Math.max(used.bottom, b.top + 1) : b.top + 1;
  if (b.bottom <= lastUsed + SPARE_ROWS) {
    if (area(b) > limits.maxSheetArea) throw new Refused(`the table in ${part} covers ${area(b).toLocaleString("en-GB")} cells (limit ${limits.maxSheetArea.toLocaleString("en-GB")})`);
    return { xml, box: b };
  }
  const clamped = { ...b, bottom: lastUsed };
  if (area(clamped) > limits.maxSheetArea) throw new Refused(`the table in ${part} covers ${area(clamped).toLocaleString("en-GB")} cells (limit ${limits.maxSheetArea.toLocaleString("en-GB")})`);
  const c = boxAddress(clamped);
  notes.push(`the table in ${part} reached row ${b.bottom.toLocaleString("en-GB")}: read to row ${lastUsed}, the last row in use`);
  return { xml: xml.replace(/(<table\b[^>]*?\bref=")[^"]*"/, `$1${c}"`).replace(/(<autoFilter\b[^>]*?\bref=")[^"]*"/, `$1${c}"`), box: clamped };
}

/** Table part -> the worksheet part that holds it. */
function tableSheets(pkg: Package, facts: Map<string, SheetFacts>): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of facts.keys()) {
    const rels = pkg.xml.get(part.replace(/worksheets\/([^/]+)$/, "worksheets/_rels/$1.rels"));
    if (!rels) continue;
    for (const m of rels.matchAll(/\bTarget="([^"]*tables\/[^"]+)"/g)) out.set(`xl/tables/${m[1].replace(/^.*tables\//, "")}`, part);
  }
  return out;
}

// Ranges may reach this far past the cells and tables in use untouched (a dropdown prepared for the
// next rows, a format over a few spare columns); only what reaches beyond is clamped.
const SPARE_ROWS = 1_000;
const SPARE_COLUMNS = 26;

function union(a: Box | null, b: Box | null): Box | null {
  if (!a) return b;
  if (!b) return a;
  return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
}

const TABLE_PART = /^xl\/tables\/[^/]+\.xml$/;

function guardStructure(pkg: Package, limits: OpenLimits): string[] {
  const notes: string[] = [];
  const names = new Map([...pkg.sheets()].map(([name, part]) => [part, name]));
  const facts = new Map<string, SheetFacts>();
  const sheets = new Map<string, string>();
  let cells = 0;
  for (const [part, xml] of pkg.xml) {
    if (DTD.test(xml.slice(0, 4096)) || (xml.length > 4096 && DTD.test(xml)))
      throw new Refused(`the part ${part} declares a DTD or entities, which no Excel workbook does (refused: entity expansion can exhaust memory)`);
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(part)) continue;
    const sheet = names.get(part) ?? part;
    const f = sheetFacts(xml, sheet);
    if (f.rows > limits.maxRowsPerSheet) throw new Refused(`a worksheet (${part}) has ${f.rows} rows (limit ${limits.maxRowsPerSheet})`, sheet);
    cells += f.cells;
    if (cells > limits.maxCells) throw new Refused(`the workbook has more than ${limits.maxCells.toLocaleString("en-GB")} cells (the limit)`, sheet);
    if (f.used && area(f.used) > limits.maxSheetArea) {
      throw new Refused(
        `its cells run from ${boxAddress({ ...f.used, bottom: f.used.top, right: f.used.left })} to ${columnLetter(f.used.right)}${f.used.bottom}, a block of ${area(f.used).toLocaleString("en-GB")} cells (limit ${limits.maxSheetArea.toLocaleString("en-GB")}); delete stray cells far from the rest, e.g. ${f.farthest}`,
        sheet,
        f.farthest,
      );
    }
    facts.set(part, f);
    sheets.set(part, xml);
  }
  // Tables first: a table stretched to the sheet's end is cut to the rows in use; the tables then
  // count as in use for the sheet's other ranges (dropdowns over a table's empty rows stay).
  const tableSheet = tableSheets(pkg, facts);
  const reach = new Map<string, Box | null>([...facts].map(([part, f]) => [part, f.used]));
  for (const [part, xml] of pkg.xml) {
    if (!TABLE_PART.test(part)) continue;
    const sheetPart = tableSheet.get(part);
    const { xml: tamed, box } = tameTable(xml, sheetPart ? (facts.get(sheetPart)?.used ?? null) : null, limits, notes, part);
    pkg.set(part, tamed);
    if (sheetPart && box) reach.set(sheetPart, union(reach.get(sheetPart) ?? null, box));
  }
  for (const [part, xml] of sheets) {
    const r = reach.get(part) ?? null;
    const spare = r ? { top: 1, left: 1, bottom: Math.min(EXCEL_MAX_ROWS, r.bottom + SPARE_ROWS), right: Math.min(EXCEL_MAX_COLUMNS, r.right + SPARE_COLUMNS) } : null;
    pkg.set(part, tameSheet(xml, names.get(part) ?? part, facts.get(part)!, spare, limits, notes));
  }
  return notes;
}

/** What ExcelJS cannot read, taken out of the package to be given back on save. */
function liftUnreadable(pkg: Package, sheets: Map<string, string>): { tableFormulas: TableFormulas; names: PackageName[]; sparklines: Map<string, string> } {
  const tableFormulas: TableFormulas = new Map();
  for (const [part, xml] of pkg.xml) {
    if (!TABLE_PART.test(part)) continue;
    const lifted = liftTableFormulas(xml);
    if (lifted.table && lifted.columns.size > 0) tableFormulas.set(lifted.table, lifted.columns);
    pkg.set(part, lifted.xml);
  }
  const sparklines = new Map<string, string>();
  for (const [sheet, part] of sheets) {
    const groups = liftSparklines(pkg.xml.get(part) ?? "");
    if (groups) sparklines.set(sheet, groups);
  }
  return { tableFormulas, names: definedNames(pkg.xml.get("xl/workbook.xml") ?? ""), sparklines };
}

/**
 * Opens an .xlsx file's bytes for reading, within the limits. Throws XlsxReadError naming the file
 * (and sheet and cell where there is one) for anything refused. The inflater defaults to JSZip's
 * (the browser); the command line passes zlib's. When load says which sheets the caller reads, only
 * those are loaded (every sheet is still checked): the return reader leaves out the trend charts.
 */
export async function openXlsx(data: Uint8Array | ArrayBuffer, file: string, limits: OpenLimits, inflate?: CappedInflate, load?: (sheet: string) => boolean): Promise<OpenedXlsx> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  checkXlsxSignature(bytes, file);
  if (bytes.length > limits.maxFileBytes) throw new XlsxReadError(file, `the file is ${(bytes.length / MB).toFixed(1)} MB (limit ${limits.maxFileBytes / MB} MB)`);
  const { zip, tableFormulas, names, sparklines, notes } = await tamed(bytes, file, limits, inflate ?? jszipInflate(bytes), load);
  const workbook = new ExcelJS.Workbook();
  try {
    // Plain bytes, not a Buffer: the task pane opens files through this too, and browsers have no Buffer.
    await workbook.xlsx.load(zip as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new XlsxReadError(file, `the workbook is damaged and cannot be read (${(e as Error).message})`);
  }
  // ExcelJS drops sparklines: kept aside and written back when the workbook is saved again.
  keepSparklines(workbook, sparklines);
  return { workbook, tableFormulas, names, notes };
}

/** Steps 2 to 4: the package checked, tamed and lifted, as a zip for ExcelJS (the inflated parts are let go before ExcelJS loads it). */
async function tamed(bytes: Uint8Array, file: string, limits: OpenLimits, inflate: CappedInflate, load?: (sheet: string) => boolean) {
  let pkg: Package;
  try {
    pkg = new Package(await checkXlsxPackage(bytes, limits, inflate));
  } catch (e) {
    if (e instanceof ZipRejected) throw new XlsxReadError(file, e.message);
    throw e;
  }
  let notes: string[];
  try {
    notes = guardStructure(pkg, limits);
  } catch (e) {
    if (e instanceof Refused) throw new XlsxReadError(file, e.message, e.sheet, e.cell);
    throw e;
  }
  // ExcelJS loads no sheet whose part is missing (workbook-xform.js reconcile skips it).
  const sheets = pkg.sheets();
  const leftOut = new Set<string>();
  for (const [sheet, part] of sheets) {
    if (load && !load(sheet)) {
      leftOut.add(part);
      sheets.delete(sheet);
    }
  }
  return { ...liftUnreadable(pkg, sheets), notes, zip: pkg.zip(leftOut) };
}
