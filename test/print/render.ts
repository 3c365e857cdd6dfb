// Prints workbooks as LibreOffice does (to PDF), renders the pages to PNG for people to look at, and
// reads back what the pages hold (words with their boxes) so tests can judge the paper itself.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** Converts the .xlsx files to PDF in `outDir` (one LibreOffice run); returns the PDF paths in order. */
export function printToPdf(files: string[], outDir: string): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "gt-print-profile-"));
  try {
    execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "pdf", "--outdir", outDir, ...files], { stdio: "pipe", timeout: 180_000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => {
    const pdf = path.join(outDir, path.basename(f).replace(/\.xlsx$/, ".pdf"));
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not print ${f}`);
    return pdf;
  });
}

/** Renders every page of the PDF to `<pdf without .pdf>-<page>.png` at `dpi`. */
export function renderPages(pdf: string, dpi = 70): string[] {
  const prefix = pdf.replace(/\.pdf$/, "");
  for (const old of fs.readdirSync(path.dirname(pdf))) if (old.startsWith(`${path.basename(prefix)}-`) && old.endsWith(".png")) fs.rmSync(path.join(path.dirname(pdf), old));
  execFileSync("pdftoppm", ["-r", String(dpi), "-png", pdf, prefix], { stdio: "pipe" });
  return fs
    .readdirSync(path.dirname(pdf))
    .filter((f) => f.startsWith(`${path.basename(prefix)}-`) && f.endsWith(".png"))
    .map((f) => path.join(path.dirname(pdf), f));
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface Page {
  width: number;
  height: number;
  words: Word[];
  /** The page's text laid out as lines (pdftotext -layout). */
  text: string;
}

/** The pages of a PDF with each word's box, in points. */
export function pagesOf(pdf: string): Page[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const layout = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).split("\f");
  const pages: Page[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const wordRe = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const p of html.matchAll(pageRe)) {
    const words = [...p[3].matchAll(wordRe)].map((w) => ({ xMin: +w[1], yMin: +w[2], xMax: +w[3], yMax: +w[4], text: unescape(w[5]) }));
    pages.push({ width: +p[1], height: +p[2], words, text: layout[pages.length] ?? "" });
  }
  return pages;
}

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Pairs of words whose boxes overlap by more than a sliver: text running over other text. */
export function overlappingWords(page: Page): [Word, Word][] {
  const out: [Word, Word][] = [];
  const words = [...page.words].sort((a, b) => a.yMin - b.yMin);
  for (let i = 0; i < words.length; i++) {
    const a = words[i];
    for (let j = i + 1; j < words.length && words[j].yMin < a.yMax; j++) {
      const b = words[j];
      const w = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const h = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      // A quarter of the shorter word's height: lines of one cell touch, they do not cross.
      if (w > 1 && h > 0.25 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin)) out.push([a, b]);
    }
  }
  return out;
}

/** Word boxes from pdftotext are 0.943 em high for DejaVu Sans (what LibreOffice prints Arial with here; the 8 pt footer measures 7.545). */
const BOX_PER_POINT = 0.943;

export function smallestPointSize(pages: Page[]): number {
  let smallest = Infinity;
  for (const p of pages) for (const w of p.words) smallest = Math.min(smallest, (w.yMax - w.yMin) / BOX_PER_POINT);
  return smallest;
}
