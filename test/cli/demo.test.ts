// `npm run demo` end to end, in a temporary folder: every file it promises is there and reads back.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readPlan } from "../../src/workbook/readPlan";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { runCli } from "./run";

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-demo-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the demo writes linked plans, catches the weak actions, exports a final Q2 return and a roll-up", async () => {
  const { code, stdout, stderr } = await runCli("demo", "--out", dir);
  expect(stderr).toBe("");
  expect(code).toBe(0);

  // 1. statuses of all 85 Sefton measures
  expect(stdout).toMatch(/Statuses of Sefton's 85 strategic measures/);
  const csv = fs.readFileSync(path.join(dir, "sefton-measures-2024-25.csv"), "utf8").trim().split(/\r?\n/);
  expect(csv).toHaveLength(86);

  // 2. three plans, linked by their IDs
  const plans = Object.fromEntries(
    await Promise.all(
      ["directorate-plan-adult-social-care", "operational-plan-asc-operations", "team-plan-reablement"].map(async (name) => {
        const read = readPlan(await (await XlsxWorkbook.open(path.join(dir, "plans", `${name}.xlsx`))).read(), name);
        expect(read.errors).toEqual([]);
        return [read.plan.details.tier, read.plan] as const;
      }),
    ),
  );
  expect(plans.Operational.details.parentPlanId).toBe(plans.Directorate.details.planId);
  expect(plans.Team.details.parentPlanId).toBe(plans.Operational.details.planId);
  const directorateIds = new Set(plans.Directorate.actions.map((a) => a.id));
  expect(plans.Operational.actions.filter((a) => directorateIds.has(a.parentLink)).length).toBeGreaterThanOrEqual(5);

  // 3. the deliberately weak actions are caught at their cells
  expect(stdout).toMatch(/\[OSP-ASCO-04\] warning Specific\/no-verb/);
  expect(stdout).toMatch(/\[OSP-ASCO-04\] error Responsible\/placeholder-owner/);
  expect(stdout).toMatch(/Actions!D\d+ \[TP-REAB-03\] error Golden thread\/unknown-parent-link/);

  // 4. a final Q2 return from the Directorate plan, and a roll-up of the returns
  expect(stdout).toMatch(/directorate\s+Final/);
  expect(fs.existsSync(path.join(dir, "returns", "DSP-ASC-2024-25-Q2.xlsx"))).toBe(true);
  const json = JSON.parse(fs.readFileSync(path.join(dir, "returns", "DSP-ASC-2024-25-Q2.json"), "utf8"));
  expect(json.header.period).toBe("2024/25 Q2");
  // The operational return is a draft: the roll-up lists it but leaves it out of the counts.
  expect(stdout).toMatch(/Roll-up: .*rollup-2024-25-Q2\.xlsx: 1 return \(1 draft left out\), 6 actions, \d+ measures, 0 rejected/);
});
