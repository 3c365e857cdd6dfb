// A plan workbook of any size, written without holding it in ExcelJS (which costs about 2 KB a cell:
// a 200,000-action plan would need gigabytes). A small plan made by the create use case's design and
// the file adapter gives the package (sheets, styles, tables, names, formulas); its Actions, Measures
// and Register tables are then grown row by row from the full plan's design, each cell written as the
// adapter writes it (same style, shared strings, the calculated column formula in every row), and
// the package zipped as a stream. Bench and tests only.
import * as fs from "fs";
import * as path from "path";
import { Readable } from "stream";
import { pipeline } from "stream/promises";
import JSZip from "jszip";
import { loadFramework } from "../src/cli/shared";
import type { Plan } from "../src/model/plan";
import { columnLetter } from "../src/workbook/a1";
import { planDesign } from "../src/workbook/design";
import { TABLES } from "../src/workbook/names";
import type { CellValue, TableDesign } from "../src/workbook/port";
import { xmlEscape } from "../src/xlsx/packageParts";
import { XlsxWorkbook } from "../src/xlsx/adapter";
import { benchPlan } from "./rules";

const GROWN = [TABLES.actions, TABLES.measures, TABLES.register];
const CHUNK = 1 << 20;

/** The plan's design: details, actions, measures and register as the create use case lays them out. */
function designOf(plan: Plan) {
  return planDesign({ details: plan.details, framework: loadFramework(), actions: plan.actions, measures: plan.measures, register: plan.register });
}

/** Shared strings: the template's, then each new text once. */
class Strings {
  private readonly index = new Map<string, number>();
  private readonly added: string[] = [];
  constructor(private readonly start: number) {}
  of(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.start + this.added.length;
      this.index.set(text, i);
      this.added.push(text);
    }
    return i;
  }
  *xml(templateSst: string): Generator<string> {
    const close = templateSst.lastIndexOf("</sst>");
    yield templateSst.slice(0, close).replace(/\b(count|uniqueCount)="\d+"/g, `$1="${this.start + this.added.length}"`);
    let chunk = "";
    for (const s of this.added) {
      chunk += `<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ""}>${xmlEscape(s)}</t></si>`;
      if (chunk.length > CHUNK) {
        yield chunk;
        chunk = "";
      }
    }
    yield chunk + "</sst>";
  }
}

/** One template data row's cells by column letter: the style and, for calculated columns, the formula element. */
function templateCells(rowXml: string): Map<string, { style: string; formula?: string }> {
  const cells = new Map<string, { style: string; formula?: string }>();
  for (const m of rowXml.matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const style = / s="(\d+)"/.exec(m[2])?.[1] ?? "0";
    const formula = /<f>[\s\S]*?<\/f>/.exec(m[3] ?? "")?.[0];
    cells.set(m[1], { style, ...(formula ? { formula } : {}) });
  }
  return cells;
}

function cellXml(ref: string, style: string, value: CellValue, strings: Strings): string {
  if (value === null || value === "") return `<c r="${ref}" s="${style}"/>`;
  if (typeof value === "number") return `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}" s="${style}" t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}" s="${style}" t="s"><v>${strings.of(value)}</v></c>`;
}

/** The sheet's XML with the table's data rows replaced by `rows`, in chunks. */
function grownSheet(sheetXml: string, table: TableDesign, strings: Strings): { chunks: string[]; ref: string } {
  const letters = table.columns.map((_c, i) => columnLetter(i + 1));
  const header = /<row r="1"[\s\S]*?<\/row>/.exec(sheetXml)![0];
  const firstData = /<row r="2"[\s\S]*?<\/row>/.exec(sheetXml)![0];
  const template = templateCells(firstData);
  const rowAttrs = / spans="[^"]*"/.exec(firstData)?.[0] ?? "";
  const start = sheetXml.indexOf("<sheetData>") + "<sheetData>".length;
  const end = sheetXml.indexOf("</sheetData>");
  const last = table.rows.length + 1;
  const ref = `A1:${letters[letters.length - 1]}${last}`;
  const chunks = [sheetXml.slice(0, start).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`) + header];
  let chunk = "";
  table.rows.forEach((row, i) => {
    const r = i + 2;
    chunk += `<row r="${r}"${rowAttrs}>`;
    letters.forEach((l, c) => {
      const t = template.get(l) ?? { style: "0" };
      chunk += t.formula ? `<c r="${l}${r}" s="${t.style}">${t.formula}</c>` : cellXml(`${l}${r}`, t.style, row[c] ?? null, strings);
    });
    chunk += "</row>";
    if (chunk.length > CHUNK) {
      chunks.push(chunk);
      chunk = "";
    }
  });
  chunks.push(chunk + sheetXml.slice(end));
  return { chunks, ref };
}

/** Writes a plan of `actions` actions (a quarter as many measures, a tenth as many register entries) to `file`. */
export async function writeLargePlan(file: string, actions: number): Promise<void> {
  const full = benchPlan(actions);
  const small: Plan = { ...full, actions: full.actions.slice(0, 2), measures: full.measures.slice(0, 2), register: full.register.slice(0, 2) };
  const wb = XlsxWorkbook.create(path.basename(file));
  await wb.apply(designOf(small));
  const zip = await JSZip.loadAsync(await wb.toBuffer());
  const design = designOf(full);
  const templateSst = await zip.file("xl/sharedStrings.xml")!.async("string");
  const strings = new Strings((templateSst.match(/<si>/g) ?? []).length);
  for (const name of GROWN) {
    const table = design.sheets.flatMap((s) => s.tables).find((t) => t.name === name)!;
    const tablePart = await partOfTable(zip, name);
    const sheetPart = await sheetOfTable(zip, tablePart);
    const { chunks, ref } = grownSheet(await zip.file(sheetPart)!.async("string"), table, strings);
    zip.file(sheetPart, Readable.from(chunks));
    const tableXml = await zip.file(tablePart)!.async("string");
    zip.file(tablePart, tableXml.replace(/(<table\b[^>]*? ref=")[^"]*"/, `$1${ref}"`).replace(/(<autoFilter ref=")[^"]*"/, `$1${ref}"`));
  }
  // Shared strings last: every new text is known once the sheets are laid out.
  zip.remove("xl/sharedStrings.xml");
  zip.file("xl/sharedStrings.xml", Readable.from(strings.xml(templateSst)));
  await pipeline(zip.generateNodeStream({ type: "nodebuffer", streamFiles: true, compression: "DEFLATE", compressionOptions: { level: 1 } }), fs.createWriteStream(file));
}

async function partOfTable(zip: JSZip, name: string): Promise<string> {
  for (const p of Object.keys(zip.files).filter((f) => /^xl\/tables\/[^/]+\.xml$/.test(f))) {
    if (new RegExp(`<table\\b[^>]*? name="${name}"`).test(await zip.file(p)!.async("string"))) return p;
  }
  throw new Error(`no table ${name}`);
}

async function sheetOfTable(zip: JSZip, tablePart: string): Promise<string> {
  const base = path.posix.basename(tablePart);
  for (const p of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/_rels\/[^/]+\.rels$/.test(f))) {
    if ((await zip.file(p)!.async("string")).includes(`tables/${base}"`)) return p.replace("_rels/", "").replace(/\.rels$/, "");
  }
  throw new Error(`no sheet holds ${tablePart}`);
}
