// The QSR return's Trends sheet: each measure's quarters so far (earlier quarters from the return's
// history, then this quarter) with Excel 2010 sparklines of the actuals and of the gap to target,
// drawn by LibreOffice without the add-in (rendered to test-artifacts/sparklines/return-trends.png).
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parsePeriod } from "../../src/model/period";
import { updateSchema } from "../../src/model/plan";
import { buildReturn } from "../../src/qsr/buildReturn";
import { TRENDS_SHEET, trendRows } from "../../src/qsr/files/returnTrends";
import { returnWorkbook, rawReturnFromWorkbook } from "../../src/qsr/files/returnXlsx";
import { workbookBytes } from "../../src/xlsx/print";
import { worksheetPaths } from "../../src/xlsx/sparklines";
import { measure, plan, SETTINGS } from "../qsr/planFixtures";
import { sofficeAvailable } from "./libreoffice";

const ARTIFACTS = path.join(__dirname, "..", "..", "test-artifacts", "sparklines");

function q2Return() {
  const p = plan({
    measures: [
      measure({ id: "M-UP", name: "Reablement take-up", annualTarget: 80, q1Target: 75, q2Target: 78, q1Actual: 74, q2Actual: 79 }),
      measure({ id: "M-LOW", name: "Agency social workers", polarity: "Low", annualTarget: 10, q1Target: 13, q2Target: 12, q1Actual: 13.8, q2Actual: 12.9 }),
      measure({ id: "M-YTD", name: "People completing reablement (year to date)", cumulative: true, annualTarget: 1600, q1Actual: 410, q2Actual: 790 }),
      measure({ id: "M-NEW", name: "A measure with no history", annualTarget: 50, q2Actual: 48 }),
    ],
    updates: [
      updateSchema.parse({ period: "2024/25 Q1", itemId: "M-UP", value: 74, target: 75, status: "Amber" }),
      updateSchema.parse({ period: "2024/25 Q1", itemId: "M-LOW", value: 13.8, target: 13, status: "Red" }),
      updateSchema.parse({ period: "2024/25 Q1", itemId: "M-YTD", value: 410, target: 400, status: "Green" }),
      // Last year's row is history for direction, not a quarter of this year's trend.
      updateSchema.parse({ period: "2023/24 Q2", itemId: "M-YTD", value: 720, target: 700, status: "Green" }),
    ],
  });
  return buildReturn(p, SETTINGS, parsePeriod("2024/25 Q2"), { preparedBy: "A. Director", preparedOn: "2024-10-07", draft: true });
}

describe("the QSR return's Trends sheet", () => {
  test("carries each measure's quarters so far, and how far each was better or worse than target", () => {
    const rows = trendRows(q2Return());
    const pick = (id: string) => rows.find((r) => r.id === id)!;
    expect([1, 2, 3, 4].map((q) => pick("M-UP")[`q${q}Actual`] ?? null)).toEqual([74, 79, null, null]);
    expect([1, 2].map((q) => pick("M-UP")[`q${q}Against`])).toEqual([-1, 1]);
    // Low polarity: below target is better.
    expect([1, 2].map((q) => Number((pick("M-LOW")[`q${q}Against`] as number).toFixed(6)))).toEqual([-0.8, -0.9]);
    // The cumulative measure's target this quarter is its share to date (1600 x 2/4).
    expect([pick("M-YTD").q1Actual, pick("M-YTD").q2Actual, pick("M-YTD").q2Target]).toEqual([410, 790, 800]);
    expect([pick("M-NEW").q1Actual ?? null, pick("M-NEW").q2Actual]).toEqual([null, 48]);
  });

  test("two sparklines per measure, on the Trends sheet, and the collector still reads the return", async () => {
    const r = q2Return();
    const bytes = await workbookBytes(returnWorkbook(r));
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file((await worksheetPaths(zip)).get(TRENDS_SHEET)!)!.async("string");
    const sparklines = [...xml.matchAll(/<xm:f>([^<]+)<\/xm:f><xm:sqref>([^<]+)<\/xm:sqref>/g)].map((m) => `${m[2]} <- ${m[1]}`);
    expect(sparklines).toEqual([
      "H2 <- Trends!D2:G2",
      "H3 <- Trends!D3:G3",
      "H4 <- Trends!D4:G4",
      "H5 <- Trends!D5:G5",
      "Q2 <- Trends!M2:P2",
      "Q3 <- Trends!M3:P3",
      "Q4 <- Trends!M4:P4",
      "Q5 <- Trends!M5:P5",
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(rawReturnFromWorkbook(wb).measures?.rows.map((row) => row[0])).toEqual(["M-UP", "M-LOW", "M-YTD", "M-NEW"]);
  });
});

const describeIf = sofficeAvailable() || process.env.CI === "true" ? describe : describe.skip;

describeIf("LibreOffice draws the return's sparklines", () => {
  test("the Trends page is rendered to test-artifacts/sparklines/return-trends.png", async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const wb = returnWorkbook(q2Return());
    // Print the Trends sheet alone: it becomes the active sheet, the others are hidden.
    const trends = wb.getWorksheet(TRENDS_SHEET)!;
    wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: wb.worksheets.indexOf(trends), visibility: "visible" }];
    for (const ws of wb.worksheets) if (ws !== trends) ws.state = "hidden";
    const file = path.join(ARTIFACTS, "return-trends.xlsx");
    fs.writeFileSync(file, await workbookBytes(wb));
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "gt-trend-profile-"));
    try {
      execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "pdf", "--outdir", ARTIFACTS, file], { stdio: "pipe", timeout: 180_000 });
    } finally {
      fs.rmSync(profile, { recursive: true, force: true });
    }
    const pdf = file.replace(/\.xlsx$/, ".pdf");
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("Actual by quarter");
    expect(text).toContain("M-YTD");
    execFileSync("pdftoppm", ["-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, pdf.replace(/\.pdf$/, "")], { stdio: "pipe" });
    expect(fs.statSync(pdf.replace(/\.pdf$/, ".png")).size).toBeGreaterThan(5000);
  }, 240_000);
});
