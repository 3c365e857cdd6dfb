// The planning-year commands on files: signoff, agree-change, record, rollover, and check catching a change.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readPlan } from "../../src/workbook/readPlan";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { runCli } from "../cli/run";
import { planFile } from "./helpers";

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "cycle-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
const at = (f: string) => path.join(dir, f);

async function savedPlan(): Promise<string> {
  await (await planFile()).save(at("plan.xlsx"));
  return at("plan.xlsx");
}

const bytes = (f: string) => fs.readFileSync(f).toString("base64");

test("signoff writes a signed-off copy and the record line; the input is never written; twice is refused", async () => {
  const plan = await savedPlan();
  const before = bytes(plan);
  const r = await runCli("signoff", plan, "--by", "Jane Smith", "--role", "Director", "--on", "08/04/2024", "--out", at("signed.xlsx"), "--record", at("signoffs.csv"));
  expect(r).toMatchObject({ code: 0, stderr: "" });
  expect(r.stdout).toContain("OSP-ASCO-2024 2024/25 signed off by Jane Smith (Director) on 08/04/2024: 26 values frozen (3 actions, 2 measures)");
  expect(fs.readFileSync(at("signoffs.csv"), "utf8")).toMatch(/^OSP-ASCO-2024,2024\/25,[0-9a-f]{64},Jane Smith,2024-04-08\n$/);
  expect(bytes(plan)).toBe(before);
  const twice = await runCli("signoff", at("signed.xlsx"), "--by", "X", "--role", "Y", "--on", "09/04/2024", "--out", at("again.xlsx"));
  expect(twice.code).toBe(1);
  expect(twice.stderr).toContain("signed.xlsx Sign-off!B3: this plan was already signed off by Jane Smith (Director) on 08/04/2024");
  expect(fs.existsSync(at("again.xlsx"))).toBe(false);
  const same = await runCli("signoff", plan, "--by", "X", "--role", "Y", "--on", "31/02/2024", "--out", plan);
  expect(same.stderr).toContain('--on: "31/02/2024" is not a date');
});

test("a target changed by hand after sign-off fails check, naming was, now and the cell; an agreed change passes", async () => {
  const plan = await savedPlan();
  await runCli("signoff", plan, "--by", "Jane Smith", "--role", "Director", "--on", "08/04/2024", "--out", at("signed.xlsx"));
  const wb = await XlsxWorkbook.open(at("signed.xlsx"));
  const measures = (await wb.read()).tables.find((t) => t.name === "Measures")!;
  const col = measures.headers.indexOf("Q3 target");
  await wb.writeColumn(
    "Measures",
    "Q3 target",
    measures.rows.map((r, i) => (i === 0 ? 70 : r[col])),
  );
  await wb.save(at("edited.xlsx"));
  const letter = readPlan(await wb.read(), "edited.xlsx").plan.measures[0].source.columns.q3Target;
  const check = await runCli("check", at("edited.xlsx"), "--json");
  expect(check.code).toBe(1);
  const findings = JSON.parse(check.stdout).findings as { ruleId: string; cell: string; message: string }[];
  expect(findings.filter((f) => f.ruleId === "changedAfterSignOff")).toEqual([
    expect.objectContaining({ cell: `${letter}2`, message: "Q3 target of measure M-1 was blank at sign-off (by Jane Smith (Director) on 08/04/2024), now 70" }),
  ]);
  const agreed = await runCli(
    "agree-change",
    at("signed.xlsx"),
    "--id",
    "M-1",
    "--field",
    "Q3 target",
    "--value",
    "70",
    "--by",
    "ELT",
    "--on",
    "15/10/2024",
    "--reason",
    "Trajectory reprofiled",
    "--out",
    at("agreed.xlsx"),
  );
  expect(agreed).toMatchObject({ code: 0, stderr: "" });
  const after = JSON.parse((await runCli("check", at("agreed.xlsx"), "--json")).stdout).findings as { ruleId: string; severity: string }[];
  expect(after.filter((f) => f.ruleId === "changedAfterSignOff")).toEqual([]);
  expect(after.filter((f) => f.ruleId === "agreedChange").map((f) => f.severity)).toEqual(["info"]);
});

test("record then rollover: history in this year's file, next year's plan from it", async () => {
  const plan = await savedPlan();
  await runCli("signoff", plan, "--by", "Jane Smith", "--role", "Director", "--on", "08/04/2024", "--out", at("signed.xlsx"));
  const r1 = await runCli("record", at("signed.xlsx"), "--period", "2024/25 Q1", "--by", "Sam Hughes", "--on", "07/07/2024", "--out", at("q1.xlsx"));
  expect(r1.stdout).toContain("2024/25 Q1: 5 rows recorded in Updates; 0 rows of other periods kept");
  const bad = await runCli("record", at("q1.xlsx"), "--period", "2025/26 Q1", "--out", at("bad.xlsx"));
  expect(bad.stderr).toContain("q1.xlsx: period: 2025/26 Q1 is outside the plan year 2024/25");
  const roll = await runCli("rollover", at("q1.xlsx"), "--year", "2025/26", "--out", at("next.xlsx"));
  expect(roll).toMatchObject({ code: 0, stderr: "" });
  expect(roll.stdout).toContain("Carried forward, original due date kept (1):\n  A-1 Open two new extra care schemes (due 31/12/2024)");
  expect(roll.stdout).toContain("Delivered in 2024/25, not copied (1):\n  A-2 Deliver the carers strategy (completed 01/09/2024)");
  expect(roll.stdout).toContain("No longer viable, not copied (1):\n  A-3 Move the day service");
  const next = readPlan(await (await XlsxWorkbook.open(at("next.xlsx"))).read(), "next.xlsx");
  expect(next.errors).toEqual([]);
  expect(next.plan.details).toMatchObject({ planId: "OSP-ASCO-2025", planYear: "2025/26", formatVersion: 2 });
  expect(next.plan.actions.map((a) => [a.id, a.dueDate, a.progress])).toEqual([["A-1", "2024-12-31", "Carried forward from 2024/25 (original due date 31/12/2024). Site works under way."]]);
  expect(next.plan.measures.map((m) => [m.id, m.baseline, m.annualTarget, m.q1Target, m.q1Actual])).toEqual([
    ["M-1", 74, null, null, null],
    ["M-2", 22, null, null, null],
  ]);
  expect(next.plan.measures[0].comments).toBe("Target to agree. Last year's target (2024/25): 80; outturn 74.");
  expect(next.plan.updates).toEqual([]);
  expect(next.plan.cycle?.signOff).toBeNull();
  const wrongYear = await runCli("rollover", at("q1.xlsx"), "--year", "2026/27", "--out", at("later.xlsx"));
  expect(wrongYear.stderr).toContain("--year: 2026/27 does not follow the plan year 2024/25; roll forward one year at a time, to 2025/26");
  const self = await runCli("rollover", at("q1.xlsx"), "--year", "2025/26", "--out", at("q1.xlsx"), "--force");
  expect(self.stderr).toContain("never overwritten");
});
