// What ExcelJS cannot carry, handled on the zip itself:
// - a table column's <calculatedColumnFormula> (ExcelJS never writes it, and on reading it stops
//   parsing a table's columns at the first one that has it), so Excel would not fill new rows;
// - defined names that are not plain ranges (e.g. ParentLinksList = Register[ID]), which ExcelJS drops.
// On open we lift these out before ExcelJS parses the package; on save we put them back.
import JSZip from "jszip";

/** Table name -> column header -> formula in file form (no leading "="). */
export type TableFormulas = Map<string, Map<string, string>>;

export interface PackageName {
  name: string;
  /** The reference as stored in the file, without "=". */
  ref: string;
}

export function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function xmlUnescape(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(attrs);
  return m ? xmlUnescape(m[1]) : undefined;
}

const TABLE_FILE = /^xl\/tables\/[^/]+\.xml$/;
const TABLE_COLUMN = /<tableColumn\b([^>]*?)(?:\/>|>([\s\S]*?)<\/tableColumn>)/g;
const CALCULATED = /<calculatedColumnFormula\b[^>]*>([\s\S]*?)<\/calculatedColumnFormula>/;

/**
 * Lifts the calculated column formulas out of one table part and leaves each <tableColumn>
 * self-closing, which is the only shape ExcelJS reads correctly. Gives the table's name, its
 * formulas (to write back on save) and the part's XML without them.
 */
export function liftTableFormulas(xml: string): { table: string | undefined; columns: Map<string, string>; xml: string } {
  const table = attr(/<table\b([^>]*)>/.exec(xml)?.[1] ?? "", "name");
  const columns = new Map<string, string>();
  if (!table) return { table, columns, xml };
  const stripped = xml.replace(TABLE_COLUMN, (_whole, attrs: string, inner: string | undefined) => {
    const formula = inner ? CALCULATED.exec(inner)?.[1] : undefined;
    const name = attr(attrs, "name");
    if (formula !== undefined && name !== undefined) columns.set(name, xmlUnescape(formula));
    return `<tableColumn${attrs.replace(/\s+$/, "")}/>`;
  });
  return { table, columns, xml: stripped };
}

/** Puts calculated column formulas into the table parts of a package ExcelJS has just written. */
export async function writeTableFormulas(zip: JSZip, formulas: TableFormulas): Promise<void> {
  for (const path of Object.keys(zip.files).filter((p) => TABLE_FILE.test(p))) {
    const xml = await zip.file(path)!.async("string");
    const tableName = attr(/<table\b([^>]*)>/.exec(xml)?.[1] ?? "", "name");
    const columns = tableName ? formulas.get(tableName) : undefined;
    if (!columns) continue;
    const written = xml.replace(TABLE_COLUMN, (whole, attrs: string, inner: string | undefined) => {
      const formula = columns.get(attr(attrs, "name") ?? "");
      if (formula === undefined || (inner && CALCULATED.test(inner))) return whole;
      return `<tableColumn${attrs.replace(/\s+$/, "")}><calculatedColumnFormula>${xmlEscape(formula)}</calculatedColumnFormula>${inner ?? ""}</tableColumn>`;
    });
    zip.file(path, written);
  }
}

const DEFINED_NAME = /<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g;

/** Every workbook-level defined name in xl/workbook.xml, built-in print names left out. */
export function definedNames(workbookXml: string): PackageName[] {
  const names: PackageName[] = [];
  for (const m of workbookXml.matchAll(DEFINED_NAME)) {
    const name = attr(m[1], "name");
    if (!name || name.startsWith("_xlnm.")) continue;
    names.push({ name, ref: xmlUnescape(m[2]) });
  }
  return names;
}

/** Every workbook-level defined name in the package, built-in print names left out. */
export async function readDefinedNames(zip: JSZip): Promise<PackageName[]> {
  return definedNames((await zip.file("xl/workbook.xml")?.async("string")) ?? "");
}

/** Sheet name -> worksheet part (xl/worksheets/sheetN.xml), from xl/workbook.xml and its relationships. */
export function sheetParts(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1], "Id");
    const target = attr(m[1], "Target");
    // Targets are relative to xl/, or absolute from the package root.
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = attr(m[1], "name");
    const id = attr(m[1], "r:id");
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) parts.set(name, part);
  }
  return parts;
}

/** Adds defined names that ExcelJS could not hold, unless the package already has them. */
export async function writeDefinedNames(zip: JSZip, names: PackageName[]): Promise<void> {
  if (names.length === 0) return;
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const present = new Set([...xml.matchAll(DEFINED_NAME)].map((m) => attr(m[1], "name")));
  const extra = names
    .filter((n) => !present.has(n.name))
    .map((n) => `<definedName name="${xmlEscape(n.name)}">${xmlEscape(n.ref)}</definedName>`)
    .join("");
  if (!extra) return;
  const written = xml.includes("</definedNames>") ? xml.replace("</definedNames>", `${extra}</definedNames>`) : xml.replace("</sheets>", `</sheets><definedNames>${extra}</definedNames>`);
  zip.file("xl/workbook.xml", written);
}
