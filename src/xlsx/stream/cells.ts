// What a cell's XML means, read exactly as the ExcelJS adapter reads it (src/xlsx/snapshot.ts over
// ExcelJS's cell-xform, shared-string-xform and styles-xform), so a plan read by the streaming path
// gives readPlan the same values: numbers with a date format become the serial ExcelJS's Date gives
// back (rounded to the millisecond), formulas give their cached result, errors their text
// ("#N/A"), rich text its runs joined. Plain strings only (no Node APIs).
import type { CellValue } from "../../workbook/port";
import { cellNumbers } from "../../workbook/a1";
import { xmlUnescape } from "../packageParts";
import { rawAttr, XmlHandler } from "./xmlTokens";

const decode = (raw: string) => (raw.includes("&") ? xmlUnescape(raw) : raw);

/** ExcelJS's isDateFmt: a format with y, m, d, h, s or b outside quotes and brackets. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** ExcelJS's built-in number formats that count as dates (defaultnumformats.js, ids 14-22). */
const BUILT_IN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22]);

/** Per cell style index (the s attribute): whether numbers in it read as dates. From xl/styles.xml. */
export function dateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b([^>]*)>/g)) {
    const id = Number(rawAttr(m[1], "numFmtId"));
    const code = rawAttr(m[1], "formatCode");
    if (code !== undefined) custom.set(id, decode(code));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? "";
  return [...xfs.matchAll(/<xf\b([^>]*)>/g)].map((m) => {
    const id = Number(rawAttr(m[1], "numFmtId") ?? 0);
    // ExcelJS: a custom format of that id first, else its built-in table; id 0 is General.
    if (!id) return false;
    return custom.has(id) ? isDateFormat(custom.get(id)) : BUILT_IN_DATE_IDS.has(id);
  });
}

const EPOCH_UTC = Date.UTC(1899, 11, 30);

/** A serial through ExcelJS's Date and back (src/xlsx/snapshot.ts dateToSerial): milliseconds rounded. */
function dateSerial(v: number, date1904: boolean): number {
  const ms = Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  return (new Date(ms).getTime() - EPOCH_UTC) / 86_400_000;
}

/** ExcelJS's _xHHHH_ escapes in shared strings and rich-text runs. */
const unescapeX = (text: string) => (text.includes("_x") ? text.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : text);

/** ExcelJS's xmlDecode, applied once more to a formula's string result and to t="str" cells. */
const xmlDecodeAgain = (text: string) => text.replace(/&([a-z]*);/g, (c) => ({ "&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"' })[c] ?? c);

/** xl/sharedStrings.xml, streamed: each <si> as the cell reads it (null for an <si> with no text at all). */
export class SharedStrings implements XmlHandler {
  readonly strings: (string | null)[] = [];
  private parts: string[] | null = null;
  private inT = false;
  private inPhonetic = 0;
  private sawT = false;

  open(name: string, _attrs: string, selfClosing: boolean): void {
    if (name === "si") {
      this.parts = [];
      this.sawT = false;
      if (selfClosing) this.close("si");
    } else if (name === "rPh") this.inPhonetic += selfClosing ? 0 : 1;
    else if (name === "t" && this.parts && !this.inPhonetic) {
      this.sawT = true;
      this.inT = !selfClosing;
    }
  }

  close(name: string): void {
    if (name === "t") this.inT = false;
    else if (name === "rPh") this.inPhonetic--;
    else if (name === "si" && this.parts) {
      this.strings.push(this.sawT ? unescapeX(this.parts.join("")) : null);
      this.parts = null;
    }
  }

  text(raw: string): void {
    if (this.inT && this.parts) this.parts.push(decode(raw));
  }

  cdata(text: string): void {
    if (this.inT && this.parts) this.parts.push(text);
  }
}

/** What the sheet reader needs from the rest of the package to give a cell its value. */
export interface CellContext {
  shared: (string | null)[];
  dates: boolean[];
  date1904: boolean;
}

/** The parsed pieces of one <c> element. */
export interface RawCell {
  /** The t attribute: s, str, inlineStr, b, e, n or undefined. */
  type: string | undefined;
  style: number;
  /** Text of its <v> and <t> elements joined; undefined when there was none. */
  value: string | undefined;
  /** Whether the text came from rich-text runs (their _xHHHH_ escapes are undone, as ExcelJS does). */
  rich: boolean;
  formula: boolean;
}

/** Something in the workbook refused: the message is the reason; the sheet and cell where known (the caller names the file). */
export class Refused extends Error {
  readonly sheet: string;
  readonly cell: string;
  constructor(message: string, where: { sheet?: string; cell?: string } = {}) {
    super(message);
    this.sheet = where.sheet ?? "";
    this.cell = where.cell ?? "";
  }
}

/** The cell's value as the ExcelJS adapter gives it to the port. */
export function cellValueOf(c: RawCell, ctx: CellContext): CellValue {
  const isDate = c.style > 0 && ctx.dates[c.style] === true;
  const v = c.value;
  if (c.formula) {
    if (!v) return null;
    const result = c.type === "str" ? xmlDecodeAgain(v) : c.type === "b" ? parseInt(v, 10) !== 0 : parseFloat(v);
    // ExcelJS turns any cached result in a date format into a Date (an error or text: an invalid one, NaN).
    if (isDate) return dateSerial(c.type === "e" ? NaN : +result, ctx.date1904);
    if (c.type === "e") return v;
    // ExcelJS's formula value keeps only a truthy result: a cached 0, FALSE or "" reads as blank.
    return result || null;
  }
  if (v === undefined) return null;
  switch (c.type) {
    case "s": {
      const i = parseInt(v, 10);
      if (!(i >= 0 && i < ctx.shared.length)) throw new Refused(`the cell refers to shared string ${v}, which the workbook does not have (the file is damaged)`);
      return ctx.shared[i];
    }
    case "str":
      return xmlDecodeAgain(v);
    case "inlineStr":
      return c.rich ? unescapeX(v) : v;
    case "b":
      return parseInt(v, 10) !== 0;
    case "e":
      return v;
    default: {
      const n = parseFloat(v);
      return isDate ? dateSerial(n, ctx.date1904) : n;
    }
  }
}

/** One cell as the sheet reader hands it on: where it is, whether its tag held anything, and its parts. */
interface CellSink {
  row(row: number): void;
  /** `written` is false for a self-closing <c/> (formatting only: not a used cell, as the opener counts). */
  cell(row: number, col: number, written: boolean, raw: RawCell): void;
  merge(ref: string): void;
}

/** A worksheet's XML, streamed: rows, cells (positions from r, or the next along when r is left out) and merges. */
export class SheetCells implements XmlHandler {
  private rowNumber = 0;
  private col = 0;
  private cellRow = 0;
  private raw: RawCell | null = null;
  private into: "v" | "t" | "f" | null = null;
  private fText = false;
  private valueParts: string[] = [];

  constructor(
    private readonly sink: CellSink,
    private readonly maxRow: number,
    private readonly maxColumn: number,
  ) {}

  open(name: string, attrs: string, selfClosing: boolean): void {
    const raw = this.raw;
    if (raw) {
      if (name === "v" || name === "t") this.into = selfClosing ? null : name;
      else if (name === "f") {
        // ExcelJS: a formula cell has formula text or a t (shared/array) attribute.
        if (rawAttr(attrs, "t") !== undefined) raw.formula = true;
        this.into = selfClosing ? null : "f";
      } else if (name === "r") raw.rich = true;
      return;
    }
    if (name === "c") this.startCell(attrs, selfClosing);
    else if (name === "row") {
      const r = rawAttr(attrs, "r");
      this.rowNumber = r ? Number(r) : this.rowNumber + 1;
      this.col = 0;
      if (!Number.isInteger(this.rowNumber) || this.rowNumber < 1 || this.rowNumber > this.maxRow) {
        throw new Refused(`row number ${r} is beyond Excel's last row (${this.maxRow.toLocaleString("en-GB")})`);
      }
      this.sink.row(this.rowNumber);
    } else if (name === "mergeCell") {
      const ref = rawAttr(attrs, "ref");
      if (ref) this.sink.merge(ref);
    }
  }

  private startCell(attrs: string, selfClosing: boolean): void {
    const r = rawAttr(attrs, "r");
    let row = this.rowNumber;
    if (r) {
      const at = cellNumbers(r);
      if (!at) throw new Refused(`a cell has the address "${r.slice(0, 20)}", which is not a cell address`, { cell: r.slice(0, 20) });
      this.col = at.col;
      row = at.row;
    } else this.col++;
    if (this.col > this.maxColumn) throw new Refused(`a cell is beyond Excel's last column (XFD)`, { cell: r?.toUpperCase() });
    if (row < 1 || row > this.maxRow) throw new Refused(`a cell is beyond Excel's last row (${this.maxRow.toLocaleString("en-GB")})`, { cell: r?.toUpperCase() });
    this.cellRow = row;
    const s = rawAttr(attrs, "s");
    const raw: RawCell = { type: rawAttr(attrs, "t"), style: s ? parseInt(s, 10) || 0 : 0, value: undefined, rich: false, formula: false };
    if (selfClosing) this.sink.cell(row, this.col, false, raw);
    else {
      this.raw = raw;
      this.valueParts.length = 0;
      this.fText = false;
    }
  }

  close(name: string): void {
    const raw = this.raw;
    if (!raw) return;
    if (name === "c") {
      if (this.valueParts.length) raw.value = this.valueParts.length === 1 ? this.valueParts[0] : this.valueParts.join("");
      if (this.fText) raw.formula = true;
      this.raw = null;
      this.into = null;
      this.sink.cell(this.cellRow, this.col, true, raw);
    } else if (name === "v" || name === "t" || name === "f" || name === "is") this.into = null;
  }

  text(raw: string): void {
    if (this.into === null) return;
    // A formula's text is not read, only whether there is some: no need to decode it.
    if (this.into === "f") this.fText ||= raw.length > 0;
    else this.valueParts.push(decode(raw));
  }

  cdata(text: string): void {
    if (this.into !== null) this.gather(text);
  }

  private gather(text: string): void {
    if (this.into === "f") this.fText ||= text.length > 0;
    else this.valueParts.push(text);
  }
}
