// The last step of writing any workbook: text that a spreadsheet could take for a formula (it starts
// with = + - @, a tab or a carriage return, as OWASP's CSV-injection guidance lists) gets Excel's
// quote-prefix style, the style Excel itself gives text typed as '=..., so it stays text when
// someone edits the cell or saves the sheet as CSV, while the visible text stays exactly as it was.
// ExcelJS cannot write that style, so it is set on the package. The same pass refuses a cell over
// Excel's 32,767-character limit, naming its sheet and cell, rather than write a file Excel repairs.
import type JSZip from "jszip";
import { EXCEL_MAX_CELL_CHARS, looksLikeFormula } from "../qsr/sanitise";
import { xmlUnescape } from "./packageParts";

/** A cell whose text is longer than Excel allows; the message names sheet and cell. */
export class CellTooLong extends Error {
  constructor(
    readonly sheet: string,
    readonly cell: string,
    readonly length: number,
  ) {
    super(`sheet ${sheet}, cell ${cell}: the text is ${length.toLocaleString("en-GB")} characters long; an Excel cell holds at most ${EXCEL_MAX_CELL_CHARS.toLocaleString("en-GB")}`);
    this.name = "CellTooLong";
  }
}

const TEXT_RUN = /<t\b[^>]*>([\s\S]*?)<\/t>/g;

function textOf(xml: string): string {
  let text = "";
  for (const m of xml.matchAll(TEXT_RUN)) text += xmlUnescape(m[1]);
  return text;
}

/** Worksheet part -> sheet name. */
async function sheetNames(zip: JSZip): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const wb = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[1])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[1])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, "xl/"));
  }
  for (const m of wb.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const target = targets.get(/\br:id="([^"]*)"/.exec(m[1])?.[1] ?? "");
    if (name && target) names.set(target, xmlUnescape(name));
  }
  return names;
}

/** Gives formula-like text cells the quote-prefix style; throws CellTooLong for a cell over the limit. */
export async function quotePrefixFormulaText(zip: JSZip): Promise<void> {
  const sstXml = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "";
  const shared: string[] = [];
  for (const m of sstXml.matchAll(/<si>([\s\S]*?)<\/si>/g)) shared.push(textOf(m[1]));
  const stylesXml = await zip.file("xl/styles.xml")?.async("string");
  const cellXfs = stylesXml ? /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml) : null;
  const xfs = cellXfs ? [...cellXfs[1].matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]) : [];
  const clones = new Map<number, number>(); // style index -> its quote-prefixed twin
  const twin = (s: number): number => {
    let t = clones.get(s);
    if (t === undefined) {
      const base = xfs[s] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
      t = xfs.length;
      xfs.push(/\bquotePrefix=/.test(base) ? base : base.replace(/^<xf\b/, '<xf quotePrefix="1"'));
      clones.set(s, t);
    }
    return t;
  };
  const names = await sheetNames(zip);
  // Most workbooks hold no such text: then only a sheet with inline strings needs its cells looked at.
  const sharedToCheck = shared.some((t) => t.length > EXCEL_MAX_CELL_CHARS || looksLikeFormula(t));
  for (const part of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))) {
    const xml = await zip.file(part)!.async("string");
    if (!sharedToCheck && !xml.includes('t="inlineStr"')) continue;
    let changed = false;
    const out = xml.replace(/<c\b([^>]*?)>([\s\S]*?)<\/c>/g, (whole, attrs: string, inner: string) => {
      const type = /\bt="([^"]*)"/.exec(attrs)?.[1];
      let text: string | undefined;
      if (type === "s") text = shared[Number(/<v>(\d+)<\/v>/.exec(inner)?.[1] ?? -1)];
      else if (type === "inlineStr") text = textOf(inner);
      if (text === undefined) return whole;
      if (text.length > EXCEL_MAX_CELL_CHARS) throw new CellTooLong(names.get(part) ?? part, /\br="([^"]*)"/.exec(attrs)?.[1] ?? "", text.length);
      if (!looksLikeFormula(text)) return whole;
      const s = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0);
      if (/\bquotePrefix=/.test(xfs[s] ?? "")) return whole;
      changed = true;
      const withStyle = /\bs="\d+"/.test(attrs) ? attrs.replace(/\bs="\d+"/, `s="${twin(s)}"`) : `${attrs} s="${twin(s)}"`;
      return `<c${withStyle}>${inner}</c>`;
    });
    if (changed) zip.file(part, out);
  }
  if (clones.size > 0 && stylesXml && cellXfs) {
    const rebuilt = stylesXml.replace(/<cellXfs\b[^>]*>[\s\S]*?<\/cellXfs>/, `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>`);
    zip.file("xl/styles.xml", rebuilt);
  }
}
