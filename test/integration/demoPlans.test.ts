// The demo's example plans open and recalculate without the add-in: LibreOffice recalculates them
// and every status cell equals what the TypeScript functions give for the plan's reporting date.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runDemo } from "../../src/cli/commands/demo";
import { actionStatus } from "../../src/status/actionStatus";
import { directionOfTravel } from "../../src/status/direction";
import { lastYearFigure } from "../../src/status/history";
import { measureRag } from "../../src/status/rag";
import { periodOfDate } from "../../src/model/period";
import { STATUS_COLUMNS, TABLES } from "../../src/workbook/names";
import { readPlan } from "../../src/workbook/readPlan";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { recalculateWithLibreOffice, sofficeAvailable } from "./libreoffice";

const available = sofficeAvailable();
if (!available && process.env.CI !== "true") console.warn("SKIPPED test/integration/demoPlans.test.ts: `soffice` is not on PATH (install libreoffice-calc)");
const describeIf = available || process.env.CI === "true" ? describe : describe.skip;

describeIf("the demo's plans recalculate in LibreOffice", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-demo-lo-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("every status cell of the Directorate, Operational and Team plans equals the TypeScript status", async () => {
    jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    await runDemo(path.join(dir, "demo"));
    jest.restoreAllMocks();
    const plansDir = path.join(dir, "demo", "plans");
    const files = fs.readdirSync(plansDir).map((f) => path.join(plansDir, f));
    expect(files).toHaveLength(3);
    const recalculated = recalculateWithLibreOffice(files, path.join(dir, "lo"));
    let checked = 0;
    const kinds = { cumulative: 0, annual: 0 };
    for (const file of recalculated) {
      const snapshot = await (await XlsxWorkbook.open(file)).read();
      const { plan, settings, errors } = readPlan(snapshot, path.basename(file));
      expect(errors).toEqual([]);
      const reportingDate = settings.reportingDate!;
      const quarter = periodOfDate(reportingDate).quarter;
      // Rows with an ID carry statuses; a blank row (an empty table keeps one) shows none.
      const column = (table: string, header: string) => {
        const t = snapshot.tables.find((x) => x.name === table)!;
        const hasId = (r: unknown[]) => String(r[0] ?? "").trim() !== "";
        const blank = t.rows.filter((r) => !hasId(r)).map((r) => r[t.headers.indexOf(header)] ?? "");
        expect(blank.every((v) => v === "")).toBe(true);
        return t.rows.filter(hasId).map((r) => r[t.headers.indexOf(header)]);
      };
      expect(column(TABLES.actions, STATUS_COLUMNS.actionStatus)).toEqual(plan.actions.map((a) => actionStatus(a, reportingDate, settings.slippageMonths)));
      expect(column(TABLES.measures, STATUS_COLUMNS.rag)).toEqual(plan.measures.map((m) => measureRag(m, quarter, settings.tolerances)));
      // Cumulative measures compare with last year's same quarter from the plan's Updates history.
      expect(column(TABLES.measures, STATUS_COLUMNS.direction)).toEqual(plan.measures.map((m) => directionOfTravel(m, quarter, lastYearFigure(plan.updates, m.id, periodOfDate(reportingDate)))));
      kinds.cumulative += plan.measures.filter((m) => m.cumulative === true).length;
      kinds.annual += plan.measures.filter((m) => m.frequency === "Annual" && m.reportedIn !== undefined).length;
      checked += plan.actions.length + plan.measures.length;
    }
    expect(checked).toBeGreaterThan(30);
    // The example plans show cumulative measures and an annual one reported before Q4.
    expect(kinds.cumulative).toBeGreaterThanOrEqual(2);
    expect(kinds.annual).toBeGreaterThanOrEqual(1);
  });
});
