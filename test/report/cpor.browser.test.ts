// The CPOR's HTML page in Debian's Chromium: it loads with the network cut off and asks for nothing,
// every section is screenshotted to test-artifacts/cpor/, and axe-core finds no serious or critical
// accessibility violation.
import * as fs from "fs";
import * as path from "path";
import { chromium, Browser, Page } from "playwright-core";
import { parsePeriod } from "../../src/model/period";
import { indexRegister, measureRegisterSchema } from "../../src/model/measureRegister";
import { buildReturn } from "../../src/qsr/buildReturn";
import { collect } from "../../src/qsr/collect";
import { buildCpor } from "../../src/report/cpor";
import { cporHtml } from "../../src/report/html";
import { loadFramework } from "../../src/cli/shared";
import { realisticPlan, SETTINGS } from "../qsr/planFixtures";

const ROOT = path.resolve(__dirname, "../..");
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(ROOT, "test-artifacts", "cpor");
const available = fs.existsSync(CHROMIUM);
const mustRun = process.env.CI === "true";
if (!available && !mustRun) console.warn(`Skipping the CPOR browser test: ${CHROMIUM} is missing (apt-get install chromium; CI installs it).`);
const maybe = available || mustRun ? describe : describe.skip;
jest.setTimeout(120_000);

function report(): string {
  const framework = loadFramework();
  const plans = [realisticPlan("DSP-ASC", "Adult Social Care", 8, 6, 3), realisticPlan("DSP-PLACE", "Place", 6, 5, 11), realisticPlan("DSP-CS", "Children's Services", 5, 4, 5)];
  const at = (period: string) =>
    collect(
      plans.map((p) => ({
        file: `${p.details.planId}-${period.slice(-2)}.xlsx`,
        parsed: { ok: true as const, value: buildReturn(p, SETTINGS, parsePeriod(period), { preparedBy: "Officer", preparedOn: "2024-10-07", draft: false }) },
      })),
      { priorities: framework.priorities },
    );
  const q2 = at("2024/25 Q2");
  // One agreed change to a key measure's target, so the Changes to targets table is drawn and scanned.
  const m = q2.measures[0];
  q2.targetChanges.push({
    itemType: "Measure",
    id: m.id,
    field: "Annual target",
    was: "80",
    now: "75",
    agreedBy: "Executive Leadership Team",
    agreedOn: "2024-09-12",
    reason: "Demand rose faster than planned",
    planId: m.planId,
    directorate: m.directorate,
    service: m.service,
    tier: m.tier,
    returnFile: m.returnFile,
  });
  const register = indexRegister(
    measureRegisterSchema.parse({
      formatVersion: 1,
      measures: q2.measures.slice(0, 6).map((m, i) => ({
        id: m.id,
        name: m.name,
        unit: "%",
        comparators:
          i % 2
            ? []
            : [
                { name: "England", value: 71.2, period: "2023/24" },
                { name: "North West", value: 69.8, period: "2023/24" },
              ],
      })),
    }),
  );
  const cpor = buildCpor({ rollup: q2, previous: [{ file: "q1.json", rollup: at("2024/25 Q1") }], register, priorities: framework.priorities, council: framework.council, generatedOn: "2024-10-20" });
  return cporHtml(cpor);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

maybe("the CPOR page in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    // Any request the page makes is recorded and refused: the report must stand alone.
    await page.route("**/*", (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    const html = report();
    fs.writeFileSync(path.join(ARTIFACTS, "cpor.html"), html);
    await page.setContent(html, { waitUntil: "load" });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("asks the network for nothing", () => {
    expect(requests).toEqual([]);
  });

  it("has a section per priority plus the summary, changes to targets, latest data and data quality, each screenshotted", async () => {
    const ids = await page.$$eval("section", (els) => els.map((e) => e.id));
    expect(ids).toEqual(["summary", "priority-CP1", "priority-CP2", "priority-CP3", "priority-CP4", "priority-CP5", "priority-CP6", "target-changes", "latest-data", "data-quality"]);
    for (const id of ids) {
      const shot = path.join(ARTIFACTS, `${id}.png`);
      await page.locator(`#${id}`).screenshot({ path: shot });
      expect(fs.statSync(shot).size).toBeGreaterThan(5000);
    }
    // The charts are drawn: each key measure's trend is a line with a dot at each figure (its markers) and axis labels.
    const charts = await page.$$eval("svg.trend", (els) =>
      els.map((e) => {
        const line = e.querySelector("path.l");
        const box = e.getBoundingClientRect();
        return { marker: line ? getComputedStyle(line).markerMid : "", width: box.width, labels: (e.querySelector("use") as SVGGraphicsElement | null)?.getBBox().width ?? 0 };
      }),
    );
    expect(charts.length).toBeGreaterThan(5);
    for (const c of charts) expect(c).toEqual({ marker: expect.stringContaining("#dot"), width: 220, labels: expect.any(Number) });
    expect(charts.every((c) => c.labels > 50)).toBe(true);
  });

  it("passes axe-core with no serious or critical violations", async () => {
    await page.addScriptTag({ path: path.join(ROOT, "node_modules/axe-core/axe.min.js") });
    const violations = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
      return (await axe.run(document, { resultTypes: ["violations"] })).violations;
    })) as AxeViolation[];
    const serious = violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} at ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
      );
    expect(serious).toEqual([]);
  });

  it("prints to A4 pages", async () => {
    const pdf = await page.pdf({ format: "A4", landscape: true });
    expect(pdf.length).toBeGreaterThan(10_000);
    fs.writeFileSync(path.join(ARTIFACTS, "cpor.pdf"), pdf);
  });
});
