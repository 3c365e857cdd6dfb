// The CPOR: its model from roll-ups (counts, key measures and trend, exceptions, slipped actions, what
// changed, latest data and comparators), and the report command end to end with its bad inputs.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { parsePeriod } from "../../src/model/period";
import { indexRegister, measureRegisterSchema } from "../../src/model/measureRegister";
import { buildReturn } from "../../src/qsr/buildReturn";
import { collect, Rollup } from "../../src/qsr/collect";
import { returnJson } from "../../src/qsr/files/returnJson";
import { rollupJson } from "../../src/qsr/files/rollupJson";
import { buildCpor, shownDataQuality } from "../../src/report/cpor";
import { CPOR_SHEETS, cporWorkbook } from "../../src/report/files/cporXlsx";
import { cporHtml, trendSvg } from "../../src/report/html";
import { runReport } from "../../src/cli/commands/report";
import { loadFramework } from "../../src/cli/shared";
import { captureOutput } from "../cli/capture";
import { UPDATE_COLUMNS } from "../../src/model/plan";
import { action, located, measure, plan, SETTINGS, update } from "../qsr/planFixtures";

const PRIORITIES = loadFramework().priorities.map((p) => ({ id: p.id, title: p.title }));
const slipped = { dueDate: "2024-05-31", revisedDueDate: "2024-12-31", slippageReason: "Consultation extended", correctiveAction: "Extra staff", recoveryDate: "2024-12-31" };

/** The ASC Directorate plan at a quarter: SM16 Red at Q2 with its reason, SM20 recovering. */
function ascPlan(q2Slipped: boolean, planYear = "2024/25") {
  return plan({
    details: { planId: "DSP-ASC", directorate: "Adult Social Care", planYear },
    actions: [action({ id: "DSP-ASC-01", parentLink: "CP2" }), action({ id: "DSP-ASC-03", parentLink: "CP2", action: "Publish the workforce strategy", ...(q2Slipped ? slipped : {}) })],
    measures: [
      measure({
        id: "SM16",
        name: "Reablement starts within 7 days",
        keyMeasure: true,
        annualTarget: 85,
        q1Target: 81,
        q2Target: 82.5,
        baseline: 78,
        q1Actual: 80,
        q2Actual: 70,
        redReason: "Officer vacancies",
        correctiveAction: "Recruitment",
        recoveryDate: "2025-01-31",
      }),
      measure({ id: "SM20", name: "Agency social workers", keyMeasure: true, polarity: "Low", annualTarget: 10, q1Target: 13.5, q2Target: 12.5, baseline: 16, q1Actual: 15, q2Actual: 12 }),
      measure({ id: "LOCAL1", name: "Local measure", q1Actual: 50, q2Actual: 60, annualTarget: 40 }),
    ],
  });
}
const rollupAt = (period: string, q2Slipped = true): Rollup =>
  collect(
    [
      {
        file: "dsp.json",
        parsed: { ok: true, value: buildReturn(ascPlan(q2Slipped, period.slice(0, 7)), SETTINGS, parsePeriod(period), { preparedBy: "AD", preparedOn: "2024-10-07", draft: false }) },
      },
    ],
    { priorities: PRIORITIES },
  );

const register = indexRegister(
  measureRegisterSchema.parse({
    formatVersion: 1,
    measures: [
      { id: "SM16", name: "Reablement starts within 7 days", unit: "%", comparators: [{ name: "England", value: 79.5, period: "2023/24" }] },
      { id: "SM20", name: "Agency social workers", unit: "%" },
    ],
  }),
);

describe("the CPOR model", () => {
  const q1 = rollupAt("2024/25 Q1", false);
  const q2 = rollupAt("2024/25 Q2");
  const report = buildCpor({ rollup: q2, previous: [{ file: "q1.json", rollup: q1 }], register, priorities: PRIORITIES, council: "Sefton Council", generatedOn: "2024-10-20" });
  const cp2 = report.priorities.find((p) => p.id === "CP2")!;

  it("has a section for every framework priority, with the roll-up's counts", () => {
    expect(report.priorities.map((p) => p.id)).toEqual(PRIORITIES.map((p) => p.id));
    for (const p of report.priorities) expect(p.counts).toMatchObject(q2.countsByPriority.find((r) => r.group === p.id)!);
    expect(report.priorities.find((p) => p.id === "CP1")!.counts.measures).toBe(0);
  });

  it("gives each key measure its trend over the year, latest data period and comparators", () => {
    const sm16 = cp2.keyMeasures.find((m) => m.id === "SM16")!;
    expect(sm16.trend).toEqual([
      { label: "Baseline", value: 78 },
      { label: "Q1", value: 80 },
      { label: "Q2", value: 70 },
    ]);
    expect(sm16.latestPeriod).toBe("2024/25 Q2");
    expect(sm16.comparators).toEqual([expect.objectContaining({ name: "England", value: 79.5 })]);
    expect(cp2.keyMeasures.map((m) => m.id)).toEqual(["SM16", "SM20"]);
  });

  it("takes earlier quarters from a v2 return's history when no earlier roll-up is given", () => {
    const p = ascPlan(true);
    p.updates = located("Updates", UPDATE_COLUMNS, [update({ period: "2024/25 Q1", itemId: "SM16", value: 80.5 })]);
    (p.measures[0] as { q3Actual: number | null }).q3Actual = 75;
    const q3 = collect([{ file: "dsp.json", parsed: { ok: true, value: buildReturn(p, SETTINGS, parsePeriod("2024/25 Q3"), { preparedBy: "AD", preparedOn: "2025-01-07", draft: false }) } }], {
      priorities: PRIORITIES,
    });
    const sm16 = buildCpor({ rollup: q3, priorities: PRIORITIES, council: "S", generatedOn: "2025-01-20" }).priorities[1].keyMeasures.find((m) => m.id === "SM16")!;
    // Q1 from the return's Earlier quarters, Q2 from its compared-with figure, Q3 this quarter.
    expect(sm16.trend).toEqual([
      { label: "Baseline", value: 78 },
      { label: "Q1", value: 80.5 },
      { label: "Q2", value: 70 },
      { label: "Q3", value: 75 },
    ]);
  });

  it("lists exceptions with reason, corrective action and recovery date, and actions slipped more than 3 months", () => {
    expect(cp2.exceptions.find((e) => e.id === "SM16")).toMatchObject({ itemType: "Measure", reason: "Officer vacancies", correctiveAction: "Recruitment", recoveryDate: "2025-01-31" });
    expect(cp2.slipped.map((a) => a.id)).toEqual(["DSP-ASC-03"]);
  });

  it("says what changed since the previous roll-up: new Reds, recovered, newly slipped", () => {
    expect(cp2.changes).toMatchObject({ since: "2024/25 Q1", newReds: [{ id: "SM16", was: "Amber" }], newlySlipped: [{ id: "DSP-ASC-03" }] });
    const none = buildCpor({ rollup: q2, priorities: PRIORITIES, council: "S", generatedOn: "2024-10-20" });
    expect(none.priorities[1].changes).toBeNull();
  });

  it("lists a reported measure outside the register as data quality", () => {
    expect(report.dataQuality).toEqual([expect.objectContaining({ measureId: "LOCAL1", kind: "Not in the register", file: "dsp.json", sheet: "Measures" })]);
  });

  it("refuses a previous roll-up of another year or a later quarter, naming the file", () => {
    const lastYear = rollupAt("2023/24 Q4");
    expect(() => buildCpor({ rollup: q2, previous: [{ file: "old.json", rollup: lastYear }], priorities: PRIORITIES, council: "S", generatedOn: "2024-10-20" })).toThrow(
      "old.json: period: the previous roll-up is for 2023/24 Q4, a different year from this report's 2024/25 Q2; give a roll-up of an earlier quarter of the same year",
    );
    expect(() => buildCpor({ rollup: q1, previous: [{ file: "q2.json", rollup: q2 }], priorities: PRIORITIES, council: "S", generatedOn: "2024-10-20" })).toThrow(
      "q2.json: period: the previous roll-up is for 2024/25 Q2, not a quarter before 2024/25 Q1",
    );
  });

  it("refuses an empty roll-up, saying why it is empty", () => {
    const draftOnly = collect([
      { file: "d-DRAFT.json", parsed: { ok: true, value: buildReturn(ascPlan(true), SETTINGS, parsePeriod("2024/25 Q2"), { preparedBy: "AD", preparedOn: "2024-10-07", draft: true }) } },
    ]);
    expect(() => buildCpor({ rollup: draftOnly, priorities: PRIORITIES, council: "S", generatedOn: "2024-10-20", file: "rollup.json" })).toThrow(
      "rollup.json: no returns in the roll-up, so there is nothing to report: 1 draft left out (d-DRAFT.json; --include-drafts counts them)",
    );
  });

  it("draws the trend as an inline SVG that says its figures in words", () => {
    const svg = trendSvg(cp2.keyMeasures[0]);
    expect(svg).toMatch(/^<svg class="trend" role="img"><title>Trend for SM16: Baseline 78%, Q1 80%, Q2 70%; annual target 85%<\/title>/);
    // Baseline, Q1 and Q2 on the line (its markers are the dots), the annual target dashed across, and the page's axis labels.
    expect(svg).toMatch(/<path class="l" d="M6 \d+L58 \d+L110 \d+"\/>/);
    expect(svg).toMatch(/<path class="t" d="M6 \d+H214"\/>/);
    expect(svg).toContain('<use href="#axis3"/>');
    const html = cporHtml(report);
    expect(html).toContain('<g id="axis3">');
    expect(html).toContain('<marker id="dot"');
    expect(html).not.toMatch(/<script|<link|https?:\/\/|src=/);
    expect(html).toContain('<th scope="col">RAG');
    // Every status shows its word, not only a colour; the colour comes from one rule per palette colour.
    expect(html).toContain('<b class="bad">Red</b>');
    expect(html).toMatch(/b\.bad\{background:#[0-9A-F]{6};color:#[0-9A-F]{6}\}/);
    expect(html).toContain('<b class="good up">Improving</b>');
  });

  it("lists measures outside the register one row per return on the page and in the workbook, naming each ID; other findings one by one", async () => {
    const local = (id: string, file: string) => ({
      measureId: id,
      period: "2024/25 Q2",
      kind: "Not in the register" as const,
      detail: `${id} ("Local") is not in the measure register`,
      file,
      sheet: "Measures",
      cell: "",
    });
    const twice = { ...local("SM16", "dsp.json, osp.json"), kind: "Reported twice" as const, detail: "SM16 is reported in DSP-ASC and OSP-ASC with the same figures" };
    const withFindings = { ...report, dataQuality: [local("L1", "a.json"), twice, local("L2", "a.json"), local("L3", "b.json")] };
    const html = cporHtml(withFindings);
    const rows = html.slice(html.indexOf('id="data-quality-h"')).match(/<tr><td>.*?(?=<tr>|<\/tbody>)/g)!;
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain("<tr><td>SM16<td>Reported twice<td>SM16 is reported in DSP-ASC and OSP-ASC");
    expect(rows[1]).toMatch(/^<tr><td>L1, L2<td>Not in the register<td>2 measures of this return are not in the measure register.*<td>a\.json Measures$/);
    expect(rows[2]).toBe("<tr><td>L3<td>Not in the register<td>L3 (&quot;Local&quot;) is not in the measure register<td>b.json Measures");
    const sheet = cporWorkbook(withFindings).getWorksheet(CPOR_SHEETS.dataQuality)!;
    expect(sheet.getColumn(1).values.slice(2)).toEqual(["SM16", "L1, L2", "L3"]);
  });

  it("splits a return's list of local measure IDs into rows that fit an Excel cell, keeping every ID in order", () => {
    const ids = Array.from({ length: 2750 }, (_, i) => `OSP-CHILDRENS-SERVICES-2024-LOCAL-${i}`);
    const shown = shownDataQuality(ids.map((id) => ({ measureId: id, period: "2024/25 Q2", kind: "Not in the register", detail: "", file: "osp.xlsx", sheet: "Measures", cell: "" })));
    expect(shown.length).toBeGreaterThan(2);
    for (const row of shown) expect(row.measureId.length).toBeLessThanOrEqual(32_767);
    expect(shown.flatMap((row) => row.measureId.split(", "))).toEqual(ids);
  });

  it("draws a single figure as a dot and no figures as words", () => {
    const only = {
      ...cp2.keyMeasures[0],
      trend: [
        { label: "Baseline", value: null },
        { label: "Q1", value: 80 },
      ],
      annualTarget: null,
    };
    expect(trendSvg(only)).toMatch(/<path class="l" d="M58 \d+h0"\/>/);
    expect(trendSvg(only)).not.toContain('class="t"');
    const none = { ...only, trend: [{ label: "Baseline", value: null }] };
    expect(trendSvg(none)).toContain(">No figures yet</text>");
  });
});

describe("report command", () => {
  let dir: string;
  const { out, err } = captureOutput();
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "cpor-"));
    fs.mkdirSync(path.join(dir, "returns"));
    const ret = buildReturn(ascPlan(true), SETTINGS, parsePeriod("2024/25 Q2"), { preparedBy: "AD", preparedOn: "2024-10-07", draft: false });
    fs.writeFileSync(path.join(dir, "returns", "DSP-ASC-2024-25-Q2.json"), returnJson(ret));
    fs.writeFileSync(path.join(dir, "q1.json"), rollupJson(rollupAt("2024/25 Q1", false), "2024-07-20"));
    fs.writeFileSync(path.join(dir, "old.json"), rollupJson(rollupAt("2023/24 Q3"), "2024-01-20"));
    fs.writeFileSync(path.join(dir, "register.json"), JSON.stringify(register.register));
    fs.writeFileSync(
      path.join(dir, "dup-register.json"),
      JSON.stringify({
        formatVersion: 1,
        measures: [
          { id: "SM16", name: "A" },
          { id: "SM16", name: "B" },
        ],
      }),
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => (process.exitCode = 0));

  it("writes the HTML and the workbook from the returns, with the previous roll-up", async () => {
    const r = await runReport([path.join(dir, "returns")], { out: path.join(dir, "out"), previous: [path.join(dir, "q1.json")], register: path.join(dir, "register.json"), generatedOn: "2024-10-20" });
    expect(path.basename(r.html)).toBe("cpor-2024-25-Q2.html");
    expect(fs.readFileSync(r.html, "utf8")).toContain("Corporate Plan Overview Report, 2024/25 Q2");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Report",
      "At a glance",
      "Key measures",
      "Exceptions",
      "Slipped actions",
      "Changes",
      "Changes to targets",
      "Changed without agreement",
      "Latest data",
      "Data quality",
    ]);
    expect(wb.getWorksheet("Changes")!.getRow(2).values).toEqual(expect.arrayContaining(["New Red", "SM16"]));
    expect(process.exitCode ?? 0).toBe(0);
    expect(err.join("")).toContain('data quality: DSP-ASC-2024-25-Q2.json Measures!A4: LOCAL1 ("Local measure") is not in the measure register');
    // The same report from the roll-up JSON; existing files are kept unless --force.
    const rollupFile = path.join(dir, "rollup.json");
    fs.writeFileSync(rollupFile, rollupJson(r.rollup, "2024-10-20"));
    await expect(runReport([rollupFile], { out: path.join(dir, "out") })).rejects.toThrow(/cpor-2024-25-Q2\.html.*already exists; add --force/);
    const again = await runReport([rollupFile], { out: path.join(dir, "out"), force: true, generatedOn: "2024-10-20" });
    expect(out.join("")).toContain("2024/25 Q2: 1 returns, 3 measures");
    expect(fs.readFileSync(again.html, "utf8")).toContain("SM16");
  });

  it("gives exit codes scripts can trust: 0 written, 2 written with rejects, 1 nothing written", async () => {
    const { main } = await import("../../src/cli/main");
    const run = async (...args: string[]) => {
      process.exitCode = 0;
      await main(["node", "service-plan", "report", ...args]);
      return process.exitCode ?? 0;
    };
    expect(await run(path.join(dir, "returns"), "--out", path.join(dir, "codes"), "--force")).toBe(0);
    fs.mkdirSync(path.join(dir, "with-junk"));
    fs.copyFileSync(path.join(dir, "returns", "DSP-ASC-2024-25-Q2.json"), path.join(dir, "with-junk", "DSP-ASC-2024-25-Q2.json"));
    fs.writeFileSync(path.join(dir, "with-junk", "junk.json"), "{}");
    expect(await run(path.join(dir, "with-junk"), "--out", path.join(dir, "codes"), "--force")).toBe(2);
    expect(err.join("")).toMatch(/rejected: junk\.json header!formatVersion/);
    expect(await run(path.join(dir, "returns"), "--out", path.join(dir, "codes2"), "--previous", path.join(dir, "old.json"))).toBe(1);
    expect(err.join("")).toContain("service-plan: old.json: period: the previous roll-up is for 2023/24 Q3");
    expect(fs.existsSync(path.join(dir, "codes2"))).toBe(false);
  });

  it("refuses bad input with a message naming the file", async () => {
    const o = { out: path.join(dir, "bad") };
    await expect(runReport([path.join(dir, "returns")], { ...o, previous: [path.join(dir, "old.json")] })).rejects.toThrow(
      "old.json: period: the previous roll-up is for 2023/24 Q3, a different year from this report's 2024/25 Q2",
    );
    await expect(runReport([path.join(dir, "returns")], { ...o, register: path.join(dir, "dup-register.json") })).rejects.toThrow(
      'dup-register.json: measures[1].id: SM16 is already the ID of measures[0] ("A")',
    );
    fs.mkdirSync(path.join(dir, "empty"));
    await expect(runReport([path.join(dir, "empty")], o)).rejects.toThrow(/^report: no returns \(\.xlsx, \.json or CSV folders\) found in/);
    await expect(runReport([path.join(dir, "q1.json"), path.join(dir, "returns")], o)).rejects.toThrow(/give either one roll-up .* or returns, not both/);
    await expect(runReport([path.join(dir, "register.json")], o)).rejects.toThrow(
      "no returns in the roll-up, so there is nothing to report: 1 problem rejected (first: register.json header!formatVersion: no header.formatVersion: this is not a QSR return)",
    );
    expect(fs.existsSync(o.out)).toBe(false);
  });
});
