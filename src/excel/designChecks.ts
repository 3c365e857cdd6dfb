// Checks a WorkbookDesign against Excel's own limits before anything is written, so a bad design
// fails with one clear message naming the sheet, table, column or row, and never half-applies.
import type { TableDesign, Validation, WorkbookDesign } from "../workbook/port";
import { looksLikeCell, parseCell } from "../workbook/a1";

const SHEET_NAME_BAD = /[[\]:*?/\\]/;
const DEFINED_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;
const HEX = /^[0-9A-Fa-f]{6}$/;

/** Excel's limits on data validation messages (title 32, input message 255, error message 225). */
const PROMPT_TITLE_MAX = 32;
const PROMPT_MAX = 255;
const ERROR_MAX = 225;

export class DesignError extends Error {
  constructor(message: string) {
    super(`design: ${message}`);
    this.name = "DesignError";
  }
}

function checkName(name: string, what: string): void {
  if (!DEFINED_NAME.test(name) || looksLikeCell(name) || name.length > 255)
    throw new DesignError(`${what} "${name}" is not a valid Excel name (letters, digits, _ and ., starting with a letter or _, not like a cell address)`);
}

function checkValidation(v: Validation, where: string): void {
  if (v.type === "list" && !/^=\S/.test(v.source)) throw new DesignError(`${where}: list source "${v.source}" must be a range or name starting with "=" (inline lists are not used)`);
  if ((v.type === "decimal" || v.type === "whole") && v.min !== undefined && v.max !== undefined && v.min > v.max) throw new DesignError(`${where}: minimum ${v.min} is above maximum ${v.max}`);
  if (v.prompt && v.prompt.length > PROMPT_MAX) throw new DesignError(`${where}: input message has ${v.prompt.length} characters; Excel allows ${PROMPT_MAX}`);
  if (v.promptTitle && v.promptTitle.length > PROMPT_TITLE_MAX) throw new DesignError(`${where}: input message title has ${v.promptTitle.length} characters; Excel allows ${PROMPT_TITLE_MAX}`);
  if (v.error && v.error.length > ERROR_MAX) throw new DesignError(`${where}: error message has ${v.error.length} characters; Excel allows ${ERROR_MAX}`);
}

function checkTable(t: TableDesign, where: string): void {
  checkName(t.name, `${where}: table name`);
  try {
    parseCell(t.topLeft);
  } catch {
    throw new DesignError(`${where}: top-left "${t.topLeft}" is not a cell address like A1`);
  }
  if (t.columns.length === 0) throw new DesignError(`${where}: has no columns`);
  const seen = new Set<string>();
  t.columns.forEach((c, i) => {
    const at = `${where}, column ${i + 1} "${c.header}"`;
    if (c.header.trim() === "") throw new DesignError(`${where}, column ${i + 1}: header is blank`);
    if (seen.has(c.header.toLowerCase())) throw new DesignError(`${at}: header appears twice (table headers must be unique)`);
    seen.add(c.header.toLowerCase());
    if (!(c.width > 0 && c.width <= 255)) throw new DesignError(`${at}: width ${c.width} is outside 1-255 characters`);
    if (c.formula !== undefined && !c.formula.startsWith("=")) throw new DesignError(`${at}: formula must start with "=" (got ${JSON.stringify(c.formula.slice(0, 30))})`);
    if (c.validation) checkValidation(c.validation, at);
    if (c.prompt && c.prompt.length > PROMPT_MAX) throw new DesignError(`${at}: input message has ${c.prompt.length} characters; Excel allows ${PROMPT_MAX}`);
  });
  t.rows.forEach((row, r) => {
    if (row.length !== t.columns.length) throw new DesignError(`${where}, data row ${r + 1}: ${row.length} values for ${t.columns.length} columns`);
  });
  for (const f of t.statusFormats) {
    if (!seen.has(f.column.toLowerCase())) throw new DesignError(`${where}: status format for "${f.text}" names column "${f.column}", which the table does not have`);
    if (!HEX.test(f.fill) || !HEX.test(f.font)) throw new DesignError(`${where}: status "${f.text}" colours must be RRGGBB hex (got fill ${f.fill}, font ${f.font})`);
  }
}

/** Throws DesignError for the first problem found. */
export function checkDesign(design: WorkbookDesign): void {
  const sheets = new Set<string>();
  const tables = new Set<string>();
  for (const s of design.sheets) {
    const where = `sheet "${s.name}"`;
    if (!s.name || s.name.length > 31 || SHEET_NAME_BAD.test(s.name) || /^'|'$/.test(s.name))
      throw new DesignError(`${where}: not a valid sheet name (1-31 characters, none of [ ] : * ? / \\, no leading or trailing ')`);
    if (sheets.has(s.name.toLowerCase())) throw new DesignError(`${where}: appears twice`);
    sheets.add(s.name.toLowerCase());
    for (const c of s.cells) {
      try {
        parseCell(c.address);
      } catch {
        throw new DesignError(`${where}: "${c.address}" is not a cell address like B7`);
      }
      if (c.formula !== undefined && !c.formula.startsWith("=")) throw new DesignError(`${where}!${c.address}: formula must start with "="`);
      if (c.validation) checkValidation(c.validation, `${where}!${c.address}`);
      if (c.prompt && c.prompt.length > PROMPT_MAX) throw new DesignError(`${where}!${c.address}: input message has ${c.prompt.length} characters; Excel allows ${PROMPT_MAX}`);
    }
    for (const col of Object.keys(s.columnWidths)) if (!/^[A-Z]{1,3}$/.test(col)) throw new DesignError(`${where}: column width key "${col}" is not a column letter`);
    if (!(s.freezeRows >= 0)) throw new DesignError(`${where}: freezeRows ${s.freezeRows} is negative`);
    if (s.print?.repeatRows && !/^\$?\d+:\$?\d+$/.test(s.print.repeatRows)) throw new DesignError(`${where}: print title rows "${s.print.repeatRows}" should look like $4:$4`);
    for (const t of s.tables) {
      checkTable(t, `${where}, table "${t.name}"`);
      if (tables.has(t.name.toLowerCase())) throw new DesignError(`table "${t.name}" appears twice`);
      tables.add(t.name.toLowerCase());
    }
  }
  if (design.sheets.length > 0 && design.sheets.every((s) => s.visibility !== "visible")) throw new DesignError("every sheet is hidden; Excel needs at least one visible sheet");
  const names = new Set<string>();
  for (const n of design.names) {
    checkName(n.name, "defined name");
    if (names.has(n.name.toLowerCase()) || tables.has(n.name.toLowerCase())) throw new DesignError(`defined name "${n.name}" is used twice (names and tables share one namespace)`);
    names.add(n.name.toLowerCase());
    if (!n.ref.startsWith("=")) throw new DesignError(`defined name "${n.name}": reference "${n.ref}" must start with "="`);
  }
}
