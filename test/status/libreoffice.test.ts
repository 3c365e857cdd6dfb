// LibreOffice 7.4 (a real spreadsheet engine, unlike HyperFormula) computes the same statuses as
// the TypeScript faces. Runs wherever soffice is installed, and always in CI.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { parseCsv } from "../../src/csv/parse";
import { ACTION_COLUMNS, MEASURE_COLUMNS } from "../../src/model/plan";
import { actionStatus } from "../../src/status/actionStatus";
import { actionStatusFormula } from "../../src/status/actionStatus.formula";
import { directionOfTravel } from "../../src/status/direction";
import { directionFormula } from "../../src/status/direction.formula";
import { a1Ref } from "../../src/status/formulaRefs";
import { lastYearFigure } from "../../src/status/history";
import { FIGURE_COLUMNS } from "../../src/status/measureFigures";
import { periodOfDate } from "../../src/model/period";
import { measureRag } from "../../src/status/rag";
import { ragFormula } from "../../src/status/rag.formula";
import { actionBatch, measureBatch } from "./arbitraries";
import { cellValue, MEASURE_FIGURES, settingCells } from "./statusSheet";

/**
 * Figures as councils type them: at most 4 decimal places. The HyperFormula property tests probe
 * 1e-10 nudges and 17-digit doubles; there LibreOffice legitimately differs (it rounds halves
 * in decimal and absorbs less subtraction noise), so this test sticks to real-world figures.
 */
function typed<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "number" ? Number(v.toFixed(4)) : v])) as T;
}

/**
 * Below a million the 9-decimal rounding absorbs binary noise in every engine. Above it (ulp near
 * 1e-9) a figure exactly on a band edge can fall either side in LibreOffice; see the report.
 */
const BELOW_A_MILLION = (m: object) => Object.values(m).every((v) => typeof v !== "number" || Math.abs(v) < 1e6);

const hasSoffice = (() => {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
if (!hasSoffice && process.env.CI !== "true") console.warn("SKIPPED test/status/libreoffice.test.ts: `soffice` is not on PATH (install libreoffice-calc)");
const run = hasSoffice || process.env.CI === "true" ? describe : describe.skip;

// Measure fields in A.., then YTD target, YTD actual and Compared with (which RAG and direction read),
// then RAG and direction, then action fields. The Updates sheet stands in for the Updates table.
const MEASURE_TABLE = [...MEASURE_COLUMNS, ...FIGURE_COLUMNS];
const M = MEASURE_TABLE.length;
const ACTION_FROM = M + 2;
const STATUS_COL = ACTION_FROM + ACTION_COLUMNS.length;

run("LibreOffice agrees with the TypeScript statuses", () => {
  it("on random, edge-biased measures and actions in eight workbooks", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-lo-"));
    const batches = fc
      .sample(fc.tuple(measureBatch, actionBatch), { numRuns: 8, seed: Number(process.env.FC_SEED ?? 42) })
      .map(([mb, ab]) => [{ ...mb, measures: mb.measures.map(typed), history: mb.history.map(typed) }, ab] as const);
    const expected: string[][][] = [];
    for (const [b, [mb, ab]] of batches.entries()) {
      const settings = { ...mb.settings, slippageMonths: ab.settings.slippageMonths };
      // One reporting date per workbook: the actions take the measures' date.
      const wb = new ExcelJS.Workbook();
      const cases = wb.addWorksheet("Cases");
      const historySheet = wb.addWorksheet("Updates");
      mb.history.forEach((h, i) => {
        historySheet.getCell(i + 1, 1).value = h.period;
        historySheet.getCell(i + 1, 2).value = h.itemId;
        if (h.value !== null) historySheet.getCell(i + 1, 3).value = h.value;
      });
      const period = periodOfDate(settings.reportingDate);
      const sheet = wb.addWorksheet("Settings");
      settingCells(settings).forEach(([name, value], i) => {
        sheet.getCell(`A${i + 1}`).value = name;
        const cell = sheet.getCell(`B${i + 1}`);
        cell.value = typeof value === "string" ? { formula: value.slice(1) } : value;
        wb.definedNames.add(`Settings!$B$${i + 1}`, name);
      });
      const rows = Math.max(mb.measures.length, ab.actions.length);
      const want: string[][] = [];
      for (let i = 0; i < rows; i++) {
        const r = i + 1;
        const m = mb.measures[i % mb.measures.length];
        const a = ab.actions[i % ab.actions.length];
        MEASURE_COLUMNS.forEach((c, j) => (cases.getCell(r, j + 1).value = cellValue((m as Record<string, unknown>)[c.key], c.meta.kind) as ExcelJS.CellValue));
        ACTION_COLUMNS.forEach((c, j) => (cases.getCell(r, ACTION_FROM + j + 1).value = cellValue((a as Record<string, unknown>)[c.key], c.meta.kind) as ExcelJS.CellValue));
        const ref = a1Ref(MEASURE_TABLE, r);
        MEASURE_FIGURES.forEach((f, j) => (cases.getCell(r, MEASURE_COLUMNS.length + j + 1).value = { formula: f.formula(ref).slice(1) }));
        cases.getCell(r, M + 1).value = { formula: ragFormula(ref).slice(1) };
        cases.getCell(r, M + 2).value = { formula: directionFormula(ref).slice(1) };
        cases.getCell(r, STATUS_COL + 1).value = { formula: actionStatusFormula(a1Ref(ACTION_COLUMNS, r, ACTION_FROM)).slice(1) };
        want.push([
          measureRag(m, mb.quarter, { greenWithin: settings.greenWithin, amberWithin: settings.amberWithin }),
          directionOfTravel(m, mb.quarter, lastYearFigure(mb.history, m.id, period)),
          actionStatus(a, settings.reportingDate, settings.slippageMonths),
        ]);
      }
      expected.push(want);
      await wb.xlsx.writeFile(path.join(dir, `case${b}.xlsx`));
    }
    const files = batches.map((_, b) => path.join(dir, `case${b}.xlsx`));
    execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "csv", "--outdir", dir, ...files], { stdio: "ignore", timeout: 120_000 });
    let compared = 0;
    let comparedMeasures = 0;
    const cumulativeWithHistory = new Set<string>();
    const annualInYear = new Set<string>();
    const differences: string[] = [];
    batches.forEach((_, b) => {
      const got = parseCsv(fs.readFileSync(path.join(dir, `case${b}.csv`), "utf8"));
      expected[b].forEach((want, i) => {
        const row = got[i];
        const [mb] = batches[b];
        const m = mb.measures[i % mb.measures.length];
        const lastYear = lastYearFigure(mb.history, m.id, periodOfDate(mb.settings.reportingDate));
        const measureComparable = BELOW_A_MILLION(m) && Math.abs(lastYear ?? 0) < 1e6;
        if (measureComparable && m.cumulative === true && lastYear !== null) cumulativeWithHistory.add(`${b}:${m.id}`);
        if (measureComparable && m.frequency === "Annual" && m.reportedIn !== undefined && m.reportedIn !== "Q4") annualInYear.add(`${b}:${m.id}`);
        const have = [measureComparable ? row[M] : want[0], measureComparable ? row[M + 1] : want[1], row[STATUS_COL]];
        if (measureComparable) comparedMeasures++;
        if (have.join("|") !== want.join("|")) {
          const ab = batches[b][1];
          differences.push(
            `workbook ${b} row ${i + 1}: LibreOffice ${JSON.stringify(have)}, TypeScript ${JSON.stringify(want)}; measure ${JSON.stringify(mb.measures[i % mb.measures.length])} in Q${mb.quarter} with ${JSON.stringify(mb.settings)}; action ${JSON.stringify(ab.actions[i % ab.actions.length])}`,
          );
        }
        compared++;
      });
    });
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(400);
    // Cumulative measures judged against last year's same quarter, and annual measures reported before Q4, are among them.
    expect(cumulativeWithHistory.size).toBeGreaterThan(10);
    expect(annualInYear.size).toBeGreaterThan(10);
    expect(comparedMeasures).toBeGreaterThan(200);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);
});
