// The check command, run through its action (no child process), on the Sefton example plans.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Command } from "commander";
import { register } from "../../src/cli/commands/check";
import { seftonAdultSocialCarePlans, seftonMeasures } from "../../examples/sefton/seftonExample";
import { parseFramework } from "../../src/model/framework";
import { planDesign } from "../../src/workbook/design";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { captureOutput } from "../cli/capture";

const root = path.join(__dirname, "../..");
const framework = parseFramework(fs.readFileSync(path.join(root, "examples/sefton-framework.json"), "utf8"));
const plans = seftonAdultSocialCarePlans(framework, seftonMeasures(fs.readFileSync(path.join(root, "examples/sefton-strategic-measures-2024.csv"), "utf8")));

let dir: string;
const { out, err } = captureOutput();
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-"));
  for (const [name, p] of Object.entries(plans)) {
    const wb = XlsxWorkbook.create(`${name}.xlsx`);
    await wb.apply(planDesign({ details: p.details, framework, actions: p.actions, measures: p.measures, register: p.register }));
    await wb.save(at(`${name}.xlsx`));
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<void> {
  const program = new Command().exitOverride();
  register(program);
  await program.parseAsync(["node", "service-plan", "check", ...args]);
}

test("the operational plan's weak actions are caught, one line per finding, and the exit code is 1", async () => {
  await cli(at("operational.xlsx"));
  const text = out.join("");
  expect(process.exitCode).toBe(1);
  expect(err).toEqual([]);
  expect(text).toMatch(/^SMART and golden-thread check of operational\.xlsx \(Operational plan OSP-ASCO-2024\): 3 of 6 actions pass/);
  expect(text).toMatch(/\n  Actions!G\d+ \[OSP-ASCO-04\] error Responsible\/placeholder-owner: "TBC" does not name an accountable officer\. Fix: /);
  expect(text).toMatch(/\[OSP-ASCO-05\] warning Specific\/vague-opening/);
  expect(text).toMatch(/\[OSP-ASCO-06\] error Golden thread\/unknown-parent-link: DSP-ASC-99 is not in the Directorate plan/);
  expect(text).toMatch(/\[OSP-ASCO-06\] error Achievable\/due-before-start/);
  expect(text).toMatch(/\d+ errors, \d+ warnings, \d+ info\.\n$/);
});

test("--json lists every finding with rule, criterion, severity, sheet, cell, action ID, message and hint", async () => {
  await cli(at("team.xlsx"), "--json");
  const report = JSON.parse(out.join(""));
  expect(process.exitCode).toBe(1);
  expect(report.counts).toMatchObject({ actions: 3, actionsPassing: 2 });
  const road = report.findings.filter((f: { actionId?: string }) => f.actionId === "TP-REAB-03");
  expect(road.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual(
    ["no-intended-outcome", "no-verb", "not-measurable", "placeholder-owner", "too-short", "unknown-parent-link", "unparsed-date"].sort(),
  );
  for (const f of report.findings) {
    expect(Object.keys(f)).toEqual(expect.arrayContaining(["ruleId", "criterion", "severity", "sheet", "cell", "message", "hint"]));
  }
  expect(report.counts.error).toBe(report.findings.filter((f: { severity: string }) => f.severity === "error").length);
});

test("a plan with warnings only exits 0", async () => {
  await cli(at("directorate.xlsx"), "--json");
  const report = JSON.parse(out.join(""));
  expect(report.counts.error).toBe(0);
  expect(report.counts.warning).toBeGreaterThan(0);
  expect(process.exitCode ?? 0).toBe(0);
});

test("--child finds directorate actions that no operational action serves", async () => {
  await cli(at("directorate.xlsx"), "--child", at("operational.xlsx"), "--json");
  const unserved = JSON.parse(out.join(""))
    .findings.filter((f: { ruleId: string }) => f.ruleId === "unserved-action")
    .map((f: { actionId: string }) => f.actionId);
  expect(unserved).toEqual(["DSP-ASC-04", "DSP-ASC-06"]);
});

test("--parent checks links against the parent workbook", async () => {
  await cli(at("team.xlsx"), "--parent", at("operational.xlsx"), "--json");
  const report = JSON.parse(out.join(""));
  expect(report.findings.filter((f: { ruleId: string }) => f.ruleId === "unknown-parent-link").map((f: { actionId: string }) => f.actionId)).toEqual(["TP-REAB-03"]);
  expect(report.findings.some((f: { file?: string }) => f.file === "operational.xlsx")).toBe(true);
});

test("--write copies the plan with the SMART check column filled in", async () => {
  await cli(at("operational.xlsx"), "--write", "--out", at("checked.xlsx"));
  const wb = await XlsxWorkbook.open(at("checked.xlsx"));
  const table = (await wb.read()).tables.find((t) => t.name === "Actions")!;
  const column = table.rows.map((r) => r[table.headers.indexOf("SMART check")]);
  expect(column[0]).toBe("✓ SMART");
  expect(column[3]).toMatch(/^✗ Specific, Measurable, Relevant, Time-bound, Responsible \(\d+ issues\)$/);
  expect(column[4]).toMatch(/^⚠ Specific, Measurable, Relevant, Responsible/);
  expect(out.join("")).toContain(`SMART check column written to ${at("checked.xlsx")}`);
});

describe("bad input: one clear line naming the file and the problem, exit code 1", () => {
  test.each([
    [["missing.xlsx"], /missing\.xlsx: file not found/],
    [["notes.txt"], /notes\.txt: not a plan workbook \(\.xlsx\) or CSV file/],
    [["operational.xlsx", "--write"], /--write needs --out FILE/],
    [["operational.xlsx", "--write", "--out", "team.xlsx"], /team\.xlsx: the file already exists; add --force/],
    [["operational.xlsx", "--write", "--out", "operational.xlsx"], /operational\.xlsx: this is one of the files being read; it is never overwritten/],
    [["operational.xlsx", "--framework", "bad-checks.json"], /bad-checks\.json: check settings are not valid: checks\.minWords/],
    [["operational.xlsx", "--framework", "unknown-rule.json"], /unknown-rule\.json: checks names rules that do not exist: no-verbs/],
    [["actions.csv", "--tier", "service"], /--tier: "service" is not a plan tier/],
  ])("%j", async (args, message) => {
    fs.writeFileSync(at("notes.txt"), "notes");
    fs.writeFileSync(at("actions.csv"), "id,action,lead_officer,start_date,due_date\nA1,Road safety,TBC,,\n");
    const fw = JSON.parse(fs.readFileSync(path.join(root, "examples/sefton-framework.json"), "utf8"));
    fs.writeFileSync(at("bad-checks.json"), JSON.stringify({ ...fw, checks: { minWords: "four" } }));
    fs.writeFileSync(at("unknown-rule.json"), JSON.stringify({ ...fw, checks: { disabled: ["no-verbs"] } }));
    await cli(...args.map((a) => (/\.(xlsx|txt|json|csv)$/.test(a) ? at(a) : a)));
    expect(process.exitCode).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
    expect(err[0].trim().split("\n")).toHaveLength(1);
  });
});

test("an actions CSV is checked too", async () => {
  fs.writeFileSync(
    at("actions.csv"),
    "id,action,lead_officer,start_date,due_date,revised_due_date,completed_date,no_longer_viable,parent_link\nA1,Road safety,TBC,,,,,No,\nA2,Recruit six reablement officers to support 7-day working,Sam Hughes,2024-04-01,2024-08-31,,,No,DSP-01\n",
  );
  await cli(at("actions.csv"), "--json");
  expect(err).toEqual([]);
  const report = JSON.parse(out.join(""));
  expect(report.tier).toBe("Operational");
  expect(report.findings.filter((f: { actionId?: string }) => f.actionId === "A1").map((f: { ruleId: string }) => f.ruleId)).toEqual(
    expect.arrayContaining(["no-verb", "placeholder-owner", "no-due-date", "no-parent-link"]),
  );
  expect(report.findings.some((f: { actionId?: string; severity: string }) => f.actionId === "A2" && f.severity !== "info")).toBe(false);
});

test("an actions CSV without a link column says once that links cannot be judged, rather than an error on every row", async () => {
  fs.writeFileSync(
    at("no-links.csv"),
    "id,action,lead_officer,start_date,due_date,revised_due_date,completed_date,no_longer_viable\nA1,Recruit six reablement officers,Sam Hughes,2024-04-01,2024-08-31,,,No\nA2,Install 12 pedestrian crossings near schools,Aisha Patel,2024-04-01,2024-12-31,,,No\n",
  );
  await cli(at("no-links.csv"), "--json");
  expect(err).toEqual([]);
  const report = JSON.parse(out.join(""));
  const ids = report.findings.map((f: { ruleId: string }) => f.ruleId);
  expect(ids).not.toContain("no-parent-link");
  expect(ids).not.toContain("no-intended-outcome");
  expect(ids).not.toContain("no-parent-source");
  const once = report.findings.filter((f: { ruleId: string }) => f.ruleId === "no-link-column");
  expect(once).toHaveLength(1);
  expect(once[0]).toMatchObject({ severity: "info", criterion: "Relevant" });
  expect(once[0].message).toContain("no-links.csv");
});
