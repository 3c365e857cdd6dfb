// What the hostile tests assert about files: a hash to prove an input unchanged, and a scan of every
// workbook and CSV we wrote for formula text that is live or not neutralised.
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { parseCsv } from "../../src/csv/parse";
import { looksLikeFormula } from "../../src/qsr/sanitise";
import { xmlUnescape } from "../../src/xlsx/packageParts";

export function hashOf(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Every file under dir (following no links). */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(full));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

/**
 * Text cells a spreadsheet would take for a formula, in an xlsx we wrote, that lack the quote-prefix
 * style; formula cells (<f>) are ours (status formulas), so only text is judged.
 */
async function unneutralisedXlsx(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const sst = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "";
  const shared = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1].matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => xmlUnescape(t[1])).join(""));
  const styles = (await zip.file("xl/styles.xml")?.async("string")) ?? "";
  const xfs = [...(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "").matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
  const bad: string[] = [];
  for (const part of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))) {
    const xml = await zip.file(part)!.async("string");
    for (const m of xml.matchAll(/<c\b([^>]*?)>([\s\S]*?)<\/c>/g)) {
      const type = /\bt="([^"]*)"/.exec(m[1])?.[1];
      const text = type === "s" ? shared[Number(/<v>(\d+)<\/v>/.exec(m[2])?.[1])] : type === "inlineStr" ? xmlUnescape(/<t\b[^>]*>([\s\S]*?)<\/t>/.exec(m[2])?.[1] ?? "") : undefined;
      if (text === undefined || !looksLikeFormula(text)) continue;
      const s = Number(/\bs="(\d+)"/.exec(m[1])?.[1] ?? 0);
      if (!/quotePrefix="1"/.test(xfs[s] ?? "")) bad.push(`${path.basename(file)} ${part} ${/\br="([^"]*)"/.exec(m[1])?.[1]}: ${JSON.stringify(text.slice(0, 30))}`);
    }
  }
  return bad;
}

/** CSV fields a spreadsheet would take for a formula (OWASP: they must start with a quote instead). */
function unneutralisedCsv(file: string): string[] {
  const rows = parseCsv(fs.readFileSync(file, "utf8"), path.basename(file));
  const bad: string[] = [];
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      // Plain numbers (-5, +3) are numbers, not formulas.
      if (looksLikeFormula(v) && !/^[-+]?\d+(\.\d+)?$/.test(v)) bad.push(`${path.basename(file)} line ${i + 1} field ${j + 1}: ${JSON.stringify(v.slice(0, 30))}`);
    }),
  );
  return bad;
}

/** Every formula-like text left live in the workbooks and CSVs under dir. */
export async function unneutralisedUnder(dir: string): Promise<string[]> {
  const bad: string[] = [];
  for (const f of filesUnder(dir)) {
    if (/\.xlsx$/i.test(f)) bad.push(...(await unneutralisedXlsx(f)));
    else if (/\.csv$/i.test(f)) bad.push(...unneutralisedCsv(f));
  }
  return bad;
}
