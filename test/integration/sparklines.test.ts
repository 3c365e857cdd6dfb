// Trend sparklines in the plan workbook: standard Excel 2010 x14 sparklines, one per measure over
// its quarters, that survive a reopen and save, and that LibreOffice draws without any add-in. The
// rendered page is saved to test-artifacts/sparklines/ (look at it).
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { seftonAdultSocialCarePlans, seftonMeasures } from "../../examples/sefton/seftonExample";
import { Framework, frameworkSchema } from "../../src/model/framework";
import { MEASURE_COLUMNS } from "../../src/model/plan";
import { AGAINST_TARGET_COLUMN, planDesign, TREND_COLUMN } from "../../src/workbook/design";
import { SHEETS } from "../../src/workbook/names";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { SPARKLINE_EXT_URI, worksheetPaths } from "../../src/xlsx/sparklines";
import { sofficeAvailable } from "./libreoffice";

const ROOT = path.join(__dirname, "..", "..");
const ARTIFACTS = path.join(ROOT, "test-artifacts", "sparklines");

function directoratePlan() {
  const framework: Framework = frameworkSchema.parse(JSON.parse(fs.readFileSync(path.join(ROOT, "examples", "sefton-framework.json"), "utf8")));
  const measures = seftonMeasures(fs.readFileSync(path.join(ROOT, "examples", "sefton-strategic-measures-2024.csv"), "utf8"));
  return { framework, plan: seftonAdultSocialCarePlans(framework, measures).directorate };
}

async function exampleWorkbook(): Promise<{ buffer: Buffer; measureCount: number }> {
  const { framework, plan } = directoratePlan();
  const wb = XlsxWorkbook.create();
  await wb.apply(planDesign({ ...plan, framework, reportingDate: "2024-09-30" }));
  return { buffer: await wb.toBuffer(), measureCount: plan.measures.length };
}

async function measuresSheetXml(buffer: Buffer | Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const part = (await worksheetPaths(zip)).get(SHEETS.measures)!;
  return zip.file(part)!.async("string");
}

const letter = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26)));

describe("trend sparklines in the plan workbook", () => {
  test("two column sparklines per measure (Q1-Q4 actuals in Trend, Q1-Q4 vs target in Against target), as Excel writes them", async () => {
    const { buffer, measureCount } = await exampleWorkbook();
    const xml = await measuresSheetXml(buffer);
    const columns = (await (await XlsxWorkbook.fromBuffer(buffer, "plan.xlsx")).read()).tables.find((t) => t.name === "Measures")!.headers;
    const at = (h: string) => letter(columns.indexOf(h));
    const sparklines = [...xml.matchAll(/<x14:sparkline><xm:f>([^<]+)<\/xm:f><xm:sqref>([^<]+)<\/xm:sqref><\/x14:sparkline>/g)].map((m) => [m[1], m[2]]);
    const rows = Array.from({ length: measureCount }, (_, i) => i + 2);
    expect(sparklines).toEqual([
      // Actuals by quarter in Trend, then each quarter against its target in Against target.
      ...rows.map((r) => [`Measures!${at("Q1 actual")}${r}:${at("Q4 actual")}${r}`, `${at(TREND_COLUMN)}${r}`]),
      ...rows.map((r) => [`Measures!${at("Q1 vs target %")}${r}:${at("Q4 vs target %")}${r}`, `${at(AGAINST_TARGET_COLUMN)}${r}`]),
    ]);
    // The extension is the worksheet's last child, with the namespaces Excel declares.
    expect(xml).toMatch(
      new RegExp(
        `<extLst><ext uri="\\${SPARKLINE_EXT_URI.slice(0, -1)}\\}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup type="column" displayEmptyCellsAs="gap" last="1" negative="1" displayXAxis="1" manualMin="0" minAxisType="custom">`,
      ),
    );
    expect(xml.trimEnd().endsWith("</extLst></worksheet>")).toBe(true);
    expect(xml).toMatch(/<worksheet [^>]*xmlns:mc="http:\/\/schemas.openxmlformats.org\/markup-compatibility\/2006"/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-spark-"));
    fs.writeFileSync(path.join(dir, "sheet.xml"), xml);
    // Well-formed XML, checked by libxml2 where it is installed.
    try {
      execFileSync("xmllint", ["--noout", path.join(dir, "sheet.xml")], { stdio: "pipe" });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("a plan opened and saved again keeps its sparklines (ExcelJS alone drops them)", async () => {
    const { buffer } = await exampleWorkbook();
    const reopened = await XlsxWorkbook.fromBuffer(buffer, "plan.xlsx");
    const again = await reopened.toBuffer();
    const count = (xml: string) => (xml.match(/<x14:sparkline>/g) ?? []).length;
    expect(count(await measuresSheetXml(again))).toBe(count(await measuresSheetXml(buffer)));
    expect(count(await measuresSheetXml(again))).toBeGreaterThan(10);
  });

  test("the example Directorate plan has cumulative and annual measures to draw", () => {
    const { plan } = directoratePlan();
    expect(plan.measures.filter((m) => m.cumulative === true).map((m) => m.id)).toEqual(["ASC-YTD-01", "ASC-YTD-02"]);
    expect(plan.measures.filter((m) => m.frequency === "Annual" && m.reportedIn === "Q2").map((m) => m.id)).toEqual(["SM24"]);
    expect(plan.updates?.filter((u) => u.itemId === "ASC-YTD-01").map((u) => u.period)).toEqual(["2023/24 Q1", "2023/24 Q2", "2023/24 Q3", "2023/24 Q4"]);
  });
});

const describeIf = sofficeAvailable() || process.env.CI === "true" ? describe : describe.skip;

/** The Measures sheet printed on its own (every other sheet hidden), as LibreOffice prints it. */
async function trendPage(buffer: Buffer, withSparklines: boolean): Promise<Buffer> {
  const book = await XlsxWorkbook.fromBuffer(buffer, "plan.xlsx");
  const wb: ExcelJS.Workbook = book.workbook;
  const ws = wb.getWorksheet(SHEETS.measures)!;
  // The active sheet cannot be hidden: make it the Measures sheet, then hide the rest.
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: wb.worksheets.indexOf(ws), visibility: "visible" }];
  for (const other of wb.worksheets) if (other !== ws) other.state = "hidden";
  // Columns stay as they are: LibreOffice 7.4 misplaces sparklines beside hidden columns.
  const bytes = await book.toBuffer();
  if (withSparklines) return bytes;
  // The same page with the sparkline extension taken out: what LibreOffice draws must differ.
  const zip = await JSZip.loadAsync(bytes);
  const part = (await worksheetPaths(zip)).get(SHEETS.measures)!;
  zip.file(part, (await zip.file(part)!.async("string")).replace(/<extLst>[\s\S]*<\/extLst>/, ""));
  return zip.generateAsync({ type: "nodebuffer" });
}

/** Prints the workbook to PDF and renders the pages showing the sparkline columns to PNG (page 1 first). */
function toPngs(xlsx: string, outDir: string): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "gt-spark-profile-"));
  try {
    execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "pdf", "--outdir", outDir, xlsx], { stdio: "pipe", timeout: 180_000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const pdf = xlsx.replace(/\.xlsx$/, ".pdf");
  const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
  const wanted = pages.map((p, i) => (new RegExp(`\\b(${TREND_COLUMN}|${AGAINST_TARGET_COLUMN})\\b`).test(p) ? i + 1 : 0)).filter((n) => n > 0);
  if (wanted.length === 0) throw new Error(`${pdf}: no page shows the ${TREND_COLUMN} or ${AGAINST_TARGET_COLUMN} column`);
  return wanted.map((page, k) => {
    const png = `${pdf.replace(/\.pdf$/, "")}${k === 0 ? "" : `-${k + 1}`}`;
    execFileSync("pdftoppm", ["-r", "80", "-png", "-f", String(page), "-l", String(page), "-singlefile", pdf, png], { stdio: "pipe" });
    return `${png}.png`;
  });
}

describeIf("LibreOffice draws the sparklines (no add-in)", () => {
  test("the Measures page with trends differs from the same page without them; saved to test-artifacts/sparklines/", async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const { buffer } = await exampleWorkbook();
    const withFile = path.join(ARTIFACTS, "measures-trends.xlsx");
    const withoutFile = path.join(ARTIFACTS, "measures-no-trends.xlsx");
    fs.writeFileSync(withFile, await trendPage(buffer, true));
    fs.writeFileSync(withoutFile, await trendPage(buffer, false));
    const [withPngs, withoutPngs] = [toPngs(withFile, ARTIFACTS), toPngs(withoutFile, ARTIFACTS)];
    expect(withPngs).toHaveLength(withoutPngs.length);
    // Same cells, same text: the only difference is what LibreOffice drew for the sparklines.
    withPngs.forEach((png, i) => {
      expect(fs.statSync(png).size).toBeGreaterThan(5000);
      expect(fs.readFileSync(png).equals(fs.readFileSync(withoutPngs[i]))).toBe(false);
    });
    for (const png of withoutPngs) fs.rmSync(png);
    fs.rmSync(withoutFile);
    fs.rmSync(withoutFile.replace(/\.xlsx$/, ".pdf"));
  }, 240_000);
});

// Keeps the column list honest: the sparkline reads Q1..Q4 actual as one contiguous range.
test("the quarterly actuals are contiguous model columns", () => {
  const keys = MEASURE_COLUMNS.map((c) => c.key);
  expect(keys.indexOf("q4Actual") - keys.indexOf("q1Actual")).toBe(3);
});
