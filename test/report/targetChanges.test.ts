// The CPOR's "Changes to targets since sign-off": the agreed changes the counted returns carry, placed under
// their item's priority, and the returns that no longer match the BI team's sign-off record; in the model,
// on the HTML page (a captioned table with scoped headers) and in the print workbook.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runReport } from "../../src/cli/commands/report";
import { rollupJson } from "../../src/qsr/files/rollupJson";
import { captureOutput } from "../cli/capture";
import { corporateReport } from "../../src/app/report";
import { parseSignOffRecords } from "../../src/cycle/record";
import { parsePeriod } from "../../src/model/period";
import { buildReturn } from "../../src/qsr/buildReturn";
import { collect, Rollup } from "../../src/qsr/collect";
import { ReturnTargetChange } from "../../src/qsr/schema";
import { buildCpor, Cpor } from "../../src/report/cpor";
import { CPOR_SHEETS, cporWorkbook } from "../../src/report/files/cporXlsx";
import { cporHtml } from "../../src/report/html";
import { loadFramework } from "../../src/cli/shared";
import { action, measure, plan, SETTINGS } from "../qsr/planFixtures";

const framework = loadFramework();
const PRIORITIES = framework.priorities.map((p) => ({ id: p.id, title: p.title }));
const FINGERPRINT = "a".repeat(64);

const savingsTarget: ReturnTargetChange = {
  itemType: "Measure",
  id: "ASC-YTD-02",
  field: "Annual target",
  was: "1200",
  now: "1000",
  agreedBy: "Executive Leadership Team",
  agreedOn: "2024-11-14",
  reason: "Two day-centre proposals withdrawn after consultation",
};
const dueDate: ReturnTargetChange = {
  itemType: "Action",
  id: "DSP-ASC-03",
  field: "Due date",
  was: "2024-12-31",
  now: "2025-03-31",
  agreedBy: "Cabinet Member for Adult Social Care",
  agreedOn: "2024-12-02",
  reason: "Waiting for the national workforce plan",
};

/** A Q3 roll-up of one signed-off Directorate plan carrying the given agreed changes. */
function rollupWith(changes: ReturnTargetChange[], fingerprint = FINGERPRINT): Rollup {
  const p = plan({
    details: { planId: "DSP-ASC", directorate: "Adult Social Care", service: "Adult Social Care" },
    actions: [action({ id: "DSP-ASC-03", parentLink: "CP2", action: "Publish the workforce strategy" })],
    measures: [measure({ id: "ASC-YTD-02", name: "Savings delivered (£000)", parentLink: "CP6", annualTarget: 1000, q3Actual: 700 })],
  });
  const ret = buildReturn(p, SETTINGS, parsePeriod("2024/25 Q3"), { preparedBy: "AD", preparedOn: "2025-01-10", draft: false });
  ret.header.signOffFingerprint = fingerprint;
  ret.targetChanges = changes;
  return collect([{ file: "DSP-ASC-2024-25-Q3.json", parsed: { ok: true, value: ret } }], { priorities: PRIORITIES });
}

const cporOf = (rollup: Rollup, extra: Partial<Parameters<typeof buildCpor>[0]> = {}): Cpor =>
  buildCpor({ rollup, priorities: PRIORITIES, council: "Sefton Council", generatedOn: "2025-01-20", ...extra });

const title = (id: string) => `${id}: ${PRIORITIES.find((p) => p.id === id)!.title}`;

describe("changes to targets in the CPOR model", () => {
  it("lists each agreed change with its priority, plan, item name, was, now, who, when and why, in the framework's priority order", () => {
    const r = cporOf(rollupWith([savingsTarget, dueDate]));
    expect(r.targetChanges).toEqual([
      {
        priority: title("CP2"),
        planId: "DSP-ASC",
        service: "Adult Social Care",
        itemType: "Action",
        id: "DSP-ASC-03",
        name: "Publish the workforce strategy",
        field: "Due date",
        was: "31/12/2024",
        now: "31/03/2025",
        agreedBy: "Cabinet Member for Adult Social Care",
        agreedOn: "2024-12-02",
        reason: "Waiting for the national workforce plan",
      },
      expect.objectContaining({ priority: title("CP6"), id: "ASC-YTD-02", name: "Savings delivered (£000)", field: "Annual target", was: "1,200", now: "1,000", agreedOn: "2024-11-14" }),
    ]);
  });

  it("has no changes, and says the sign-off was not checked, when the roll-up carries none and no records are given", () => {
    const r = cporOf(rollupWith([]));
    expect(r.targetChanges).toEqual([]);
    expect(r.unagreedChanges).toBeNull();
  });

  it("keeps a change to an item the return no longer reports, under no priority, with a blank taken as such", () => {
    const r = cporOf(rollupWith([{ ...savingsTarget, id: "GONE-1", was: "", now: "5" }]));
    expect(r.targetChanges).toEqual([expect.objectContaining({ priority: "Not linked to a priority", id: "GONE-1", name: "", was: "(blank)", now: "5" })]);
  });

  it("lists a counted return whose fingerprint is not the sign-off record as changed without agreement; a matching one is not", async () => {
    const record = (fp: string) => parseSignOffRecords(`DSP-ASC,2024/25,${fp},Alison Grant,2024-04-08\n`, "signoffs.csv").records;
    const report = (fp: string) => corporateReport({ current: { rollup: rollupWith([savingsTarget]), file: "rollup.json" }, framework, generatedOn: "2025-01-20", signOffRecords: record(fp) });
    expect((await report(FINGERPRINT)).report.unagreedChanges).toEqual([]);
    const flagged = (await report("b".repeat(64))).report.unagreedChanges!;
    expect(flagged).toEqual([
      { planId: "DSP-ASC", returnFile: "DSP-ASC-2024-25-Q3.json", detail: expect.stringMatching(/^The frozen values no longer match the sign-off by Alison Grant on 08\/04\/2024/) },
    ]);
  });
});

/** The section's tables as text: caption, header cells (with scope) and each row's cells. */
function tablesOf(html: string): { caption: string; headers: string[]; rows: string[][] }[] {
  const section = html.match(/<section id="target-changes"[\s\S]*?<\/section>/)![0];
  return [...section.matchAll(/<table[^>]*><caption>(.*?)<\/caption><thead><tr>(.*?)<\/thead><tbody>(.*?)<\/tbody><\/table>/g)].map(([, caption, head, body]) => ({
    caption,
    headers: [...head.matchAll(/<th scope="col">([^<]*)/g)].map((m) => m[1]),
    rows: body
      .split("<tr>")
      .slice(1)
      .map((row) =>
        row
          .split(/<td>/)
          .slice(1)
          .map((cell) =>
            cell
              .replace(/<[^>]+>/g, " ")
              .replace(/\s+/g, " ")
              .trim(),
          ),
      ),
  }));
}

describe("changes to targets on the HTML page", () => {
  it("is a captioned table with a scoped header per column and a row per change, linked from the contents", () => {
    const html = cporHtml(cporOf(rollupWith([savingsTarget])));
    expect(html).toContain('<a href="#target-changes">Changes to targets since sign-off</a>');
    const [agreed] = tablesOf(html);
    expect(agreed.caption).toBe("Changes to targets agreed since sign-off");
    expect(agreed.headers).toEqual(["Priority", "Service and plan", "Action or measure", "What changed", "Was (signed off)", "Now (agreed)", "Agreed by", "Date agreed", "Why"]);
    expect(agreed.rows).toEqual([
      [
        title("CP6"),
        "Adult Social Care DSP-ASC",
        "ASC-YTD-02 Savings delivered (£000)",
        "Annual target",
        "1,200",
        "1,000",
        "Executive Leadership Team",
        "14/11/2024",
        "Two day-centre proposals withdrawn after consultation",
      ],
    ]);
    expect(html).toContain("Not checked: this report was made without the BI team's sign-off records");
  });

  it("says none this quarter for both lists when nothing changed and the returns match their records", () => {
    const html = cporHtml({ ...cporOf(rollupWith([])), unagreedChanges: [] });
    expect(tablesOf(html)).toEqual([]);
    expect(html).toMatch(/<h3>Agreed changes<\/h3>\n<p class="empty">None this quarter\.<\/p>/);
    expect(html).toContain("None this quarter: every return&#39;s signed-off values match the sign-off records.");
  });

  it("lists returns changed without agreement in their own table", () => {
    const html = cporHtml({ ...cporOf(rollupWith([])), unagreedChanges: [{ planId: "DSP-ASC", returnFile: "dsp.json", detail: "the frozen values no longer match" }] });
    expect(tablesOf(html)).toEqual([
      {
        caption: "Returns whose signed-off values no longer match the sign-off record",
        headers: ["Plan", "Return", "What the check found"],
        rows: [["DSP-ASC", "dsp.json", "the frozen values no longer match"]],
      },
    ]);
  });
});

describe("changes to targets in the print workbook", () => {
  const values = (ws: ExcelJS.Worksheet) => {
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };

  it("has a sheet of the agreed changes (date as a dd/mm/yyyy date) and one of those without agreement, printing with headers repeated", () => {
    const wb = cporWorkbook({ ...cporOf(rollupWith([savingsTarget, dueDate])), unagreedChanges: [{ planId: "DSP-ASC", returnFile: "dsp.json", detail: "the frozen values no longer match" }] });
    const sheet = wb.getWorksheet(CPOR_SHEETS.targetChanges)!;
    const rows = values(sheet);
    expect(rows[0]).toEqual(["Priority", "Plan", "ID", "Action or measure", "What changed", "Was (signed off)", "Now (agreed)", "Agreed by", "Date agreed", "Why"]);
    expect(rows.slice(1).map((r) => r.slice(2, 7))).toEqual([
      ["DSP-ASC-03", "Publish the workforce strategy", "Due date", "31/12/2024", "31/03/2025"],
      ["ASC-YTD-02", "Savings delivered (£000)", "Annual target", "1,200", "1,000"],
    ]);
    expect(sheet.getCell("I3").value).toEqual(new Date("2024-11-14T00:00:00Z"));
    expect(sheet.getCell("I3").numFmt).toBe("dd/mm/yyyy");
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", printTitlesRow: "1:1" });
    expect(values(wb.getWorksheet(CPOR_SHEETS.unagreed)!)).toEqual([
      ["Plan", "Return", "What the check found"],
      ["DSP-ASC", "dsp.json", "the frozen values no longer match"],
    ]);
    const cover = values(wb.getWorksheet(CPOR_SHEETS.cover)!);
    expect(cover).toContainEqual(["Changes to targets agreed since sign-off", 2]);
    expect(cover).toContainEqual(["Changed without agreement", 1]);
  });

  it("says on the printed cover when there are none, or when the sign-off was not checked", () => {
    const cover = values(cporWorkbook(cporOf(rollupWith([]))).getWorksheet(CPOR_SHEETS.cover)!);
    expect(cover).toContainEqual(["Changes to targets agreed since sign-off", "None this quarter"]);
    expect(cover).toContainEqual(["Changed without agreement", "Not checked: no sign-off records given"]);
  });
});

describe("report --signoffs", () => {
  const { err } = captureOutput();
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "cpor-changes-"));
    fs.writeFileSync(path.join(dir, "rollup.json"), rollupJson(rollupWith([savingsTarget]), "2025-01-12"));
    fs.writeFileSync(path.join(dir, "match.csv"), `DSP-ASC,2024/25,${FINGERPRINT},Alison Grant,2024-04-08\n`);
    fs.writeFileSync(path.join(dir, "differ.csv"), `DSP-ASC,2024/25,${"b".repeat(64)},Alison Grant,2024-04-08\n`);
    fs.writeFileSync(path.join(dir, "bad.csv"), "DSP-ASC,2024/25,not-a-fingerprint,Alison Grant,2024-04-08\n");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = (signoffs: string) => runReport([path.join(dir, "rollup.json")], { out: path.join(dir, "out"), signoffs: path.join(dir, signoffs), force: true, generatedOn: "2025-01-20" });

  it("writes the agreed change read from the roll-up JSON, and exits 0 when every return matches its record", async () => {
    const r = await run("match.csv");
    const html = fs.readFileSync(r.html, "utf8");
    expect(html).toContain("<b>ASC-YTD-02</b> Savings delivered (£000)<td>Annual target<td>1,200<td>1,000");
    expect(html).toContain("None this quarter: every return&#39;s signed-off values match the sign-off records.");
    expect(process.exitCode ?? 0).toBe(0);
  });

  it("lists a return that no longer matches its record on the page and on stderr, and exits 2 (written, but look)", async () => {
    const r = await run("differ.csv");
    expect(fs.readFileSync(r.html, "utf8")).toContain("<caption>Returns whose signed-off values no longer match the sign-off record</caption>");
    expect(err.join("")).toMatch(/^sign-off: DSP-ASC-2024-25-Q3\.json \(DSP-ASC\): The frozen values no longer match the sign-off by Alison Grant on 08\/04\/2024/m);
    expect(process.exitCode).toBe(2);
  });

  it("refuses an unreadable record file, naming it and the line, and writes nothing", async () => {
    fs.rmSync(path.join(dir, "out"), { recursive: true, force: true });
    await expect(run("bad.csv")).rejects.toThrow(/--signoffs: bad\.csv line 1: fingerprint "not-a-fingerprint" is not 64 hex digits/);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });
});
