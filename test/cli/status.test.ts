// `service-plan status`: the JSON shape of the issue, all three inputs, and clear errors for bad input.
import { parseDateOption } from "../../src/cli/shared";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseFramework } from "../../src/model/framework";
import { actionSchema, measureSchema, planDetailsSchema } from "../../src/model/plan";
import { actionStatus } from "../../src/status/actionStatus";
import { directionOfTravel } from "../../src/status/direction";
import { measureRag } from "../../src/status/rag";
import { planDesign } from "../../src/workbook/design";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { runCli } from "./run";

const FRAMEWORK = parseFramework(fs.readFileSync(path.join(__dirname, "../../examples/sefton-framework.json"), "utf8"));
let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-status-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const MEASURES_CSV = [
  "id,name,type,polarity,frequency,unit,baseline,annual_target,q1_target,q2_target,q3_target,q4_target,q1_actual,q2_actual,q3_actual,q4_actual,notes",
  "M1,Reablement take-up,Key Result,High,Quarterly,%,80,85,,,,,84,86,,,beats target",
  "M2,Agency social workers,Performance Indicator,Low,Quarterly,%,14,10,,,,,12,10.4,,,amber: 4% over",
  "M3,Spend as % of budget,Performance Indicator,Target,Quarterly,%,103,100,,,,,101,108,,,red: 8% off",
  "M4,Residents surveyed,Performance Indicator,High,Annual,%,60,65,,,,,,,,,annual: M before Q4",
  "M5,Demand for home care,Contextual Indicator,,Quarterly,hours,5000,,,,,,5100,5200,,,data only",
].join("\r\n");

const ACTIONS_CSV = [
  "id,action,lead_officer,start_date,due_date,revised_due_date,completed_date,no_longer_viable",
  "A1,Publish the carers strategy,Marcus Bell,2024-04-01,2024-07-31,,2024-07-20,no",
  "A2,Recruit six reablement officers,Sam Hughes,2024-04-01,2024-08-31,2024-10-31,,no",
  "A3,Launch apprenticeships,Priya Shah,2024-10-01,2025-03-31,,,no",
  "A4,Close the day centre,Jane Morris,2024-04-01,2024-06-30,,,yes",
  "A5,Review the discharge pathway,Sam Hughes,2024-04-01,2024-06-30,2025-01-31,,NO",
  "A6,Refresh the website,Amira Khan,,,,,",
].join("\n");

test("status of a measures CSV prints the JSON of the issue, agreeing with the status functions", async () => {
  const file = write("measures.csv", MEASURES_CSV);
  const { code, stdout, stderr } = await runCli("status", file, "--period", "2024/25 Q2", "--json");
  expect(stderr).toBe("");
  expect(code).toBe(0);
  const report = JSON.parse(stdout);
  expect(Object.keys(report)).toEqual(["measures", "actions"]);
  expect(report.actions).toEqual([]);
  expect(report.measures).toEqual([
    { id: "M1", rag: "Green", direction: "Improving" },
    { id: "M2", rag: "Amber", direction: "Improving" },
    { id: "M3", rag: "Red", direction: "Declining" },
    { id: "M4", rag: "M", direction: "M" },
    { id: "M5", rag: "Data only", direction: "M" },
  ]);
});

test("status of an actions CSV gives each action its status on the last day of the quarter", async () => {
  const file = write("actions.csv", ACTIONS_CSV);
  const { code, stdout } = await runCli("status", file, "--period", "2024/25 Q2", "--json");
  expect(code).toBe(0);
  expect(JSON.parse(stdout).actions).toEqual([
    { id: "A1", status: "Delivered" },
    { id: "A2", status: "Slipped (less than 3 months)" },
    { id: "A3", status: "Scheduled for future quarters" },
    { id: "A4", status: "No longer viable" },
    { id: "A5", status: "Slipped (more than 3 months)" },
    { id: "A6", status: "No due date" },
  ]);
});

test("--framework sets the tolerances and slippage months", async () => {
  const measures = write("measures.csv", MEASURES_CSV);
  const actions = write("actions.csv", ACTIONS_CSV);
  const framework = write("framework.json", JSON.stringify({ ...FRAMEWORK, tolerances: { greenWithin: 5, amberWithin: 10 }, slippageMonths: 8 }));
  const m = JSON.parse((await runCli("status", measures, "--period", "2024/25 Q2", "--framework", framework, "--json")).stdout);
  expect(m.measures.find((x: { id: string }) => x.id === "M2").rag).toBe("Green"); // 4% over, within 5
  expect(m.measures.find((x: { id: string }) => x.id === "M3").rag).toBe("Amber"); // 8% off, within 10
  const a = JSON.parse((await runCli("status", actions, "--period", "2024/25 Q2", "--framework", framework, "--json")).stdout);
  expect(a.actions.find((x: { id: string }) => x.id === "A5").status).toBe("Slipped (less than 3 months)"); // 30/06 -> 31/01 is 7 months, under 8
});

test("status of a plan workbook reads its measures and actions", async () => {
  const measures = [
    measureSchema.parse({ id: "KPI-1", name: "Reablement take-up", type: "Key Result", polarity: "High", frequency: "Quarterly", baseline: 80, annualTarget: 85, q1Actual: 84, q2Actual: 83 }),
    measureSchema.parse({
      id: "KPI-2",
      name: "Delayed discharges",
      type: "Performance Indicator",
      polarity: "Low",
      frequency: "Quarterly",
      baseline: 30,
      annualTarget: 25,
      q1Target: 28,
      q2Target: 26,
      q1Actual: 27,
      q2Actual: 26,
    }),
  ];
  const actions = [actionSchema.parse({ id: "ACT-1", action: "Recruit six reablement officers", leadOfficer: "Sam Hughes", startDate: "2024-04-01", dueDate: "2024-05-31" })];
  const details = planDetailsSchema.parse({
    formatVersion: 1,
    planId: "OSP-1",
    tier: "Operational",
    council: "Sefton Council",
    planYear: "2024/25",
  });
  const wb = XlsxWorkbook.create("plan.xlsx");
  await wb.apply(planDesign({ details, framework: FRAMEWORK, measures, actions }));
  const file = path.join(dir, "plan.xlsx");
  await wb.save(file);
  const { code, stdout } = await runCli("status", file, "--period", "2024/25 Q2", "--json");
  expect(code).toBe(0);
  const report = JSON.parse(stdout);
  const tolerances = FRAMEWORK.tolerances;
  expect(report.measures).toEqual(measures.map((m) => ({ id: m.id, rag: measureRag(m, 2, tolerances), direction: directionOfTravel(m, 2) })));
  expect(report.actions).toEqual([{ id: "ACT-1", status: actionStatus(actions[0], "2024-09-30", 3) }]);
  expect(report.actions[0].status).toBe("Slipped (more than 3 months)");
});

describe("bad input: a clear error naming row and column, and a non-zero exit", () => {
  const cases: [string, string, RegExp][] = [
    ["missing column", MEASURES_CSV.replace(",polarity", ",polarityX"), /polarity/],
    ["non-numeric actual", MEASURES_CSV.replace("84,86", "84,eighty-six"), /row 2.*q2_actual.*eighty-six.*not a number/],
    ["unknown polarity", MEASURES_CSV.replace("Key Result,High", "Key Result,Higher"), /row 2.*polarity.*Higher/],
    ["bad date", ACTIONS_CSV.replace("2024-08-31", "31/31/2024"), /row 3.*due_date.*31\/31\/2024/],
  ];
  test.each(cases)("%s", async (_name, text, pattern) => {
    const file = write(text.startsWith("id,action") ? "actions.csv" : "measures.csv", text);
    const { code, stdout, stderr } = await runCli("status", file, "--period", "2024/25 Q2", "--json");
    expect(code).not.toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toMatch(pattern);
    expect(stderr).toContain(path.basename(file));
  });

  test("a CSV that is neither measures nor actions", async () => {
    const file = write("other.csv", "a,b,c\n1,2,3\n");
    const { code, stderr } = await runCli("status", file, "--period", "2024/25 Q2");
    expect(code).toBe(1);
    expect(stderr).toMatch(/other\.csv: not a measures or actions CSV/);
  });

  test("a period that is not one", async () => {
    const file = write("measures.csv", MEASURES_CSV);
    const { code, stderr } = await runCli("status", file, "--period", "2024 Q5");
    expect(code).toBe(1);
    expect(stderr).toMatch(/--period: "2024 Q5" is not a reporting period/);
  });

  test("a missing file", async () => {
    const { code, stderr } = await runCli("status", path.join(dir, "nope.csv"), "--period", "2024/25 Q2");
    expect(code).toBe(1);
    expect(stderr).toMatch(/nope\.csv: file not found/);
  });
});

describe("--reporting-date sets the date actions are judged on, within the period", () => {
  test("mid-quarter: an action due after the reporting date is still on target", async () => {
    const file = write("actions.csv", "id,action,lead_officer,start_date,due_date,revised_due_date,completed_date,no_longer_viable\nB1,Open the carers hub,Marcus Bell,2024-04-01,2024-08-31,,,no\n");
    const at = async (...extra: string[]) => JSON.parse((await runCli("status", file, "--period", "2024/25 Q2", "--json", ...extra)).stdout).actions[0].status;
    expect(await at()).toBe("Slipped (less than 3 months)"); // judged on 30/09/2024, a month after 31/08
    expect(await at("--reporting-date", "15/08/2024")).toBe("On target");
    expect(await at("--reporting-date", "2024-08-31")).toBe("On target");
    expect(await at("--reporting-date", "2024-09-01")).toBe("Slipped (less than 3 months)");
  });

  test("a date outside the period or not a date is refused", async () => {
    const file = write("actions.csv", ACTIONS_CSV);
    const outside = await runCli("status", file, "--period", "2024/25 Q2", "--reporting-date", "31/12/2024");
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/--reporting-date: 31\/12\/2024 is in 2024\/25 Q3, not in 2024\/25 Q2/);
    const bad = await runCli("status", file, "--period", "2024/25 Q2", "--reporting-date", "31/09/2024");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--reporting-date: "31\/09\/2024" is not a date/);
  });
});

test("date options take dd/mm/yyyy as people write them, and yyyy-mm-dd", () => {
  expect(parseDateOption("30/09/2024", "--on")).toBe("2024-09-30");
  expect(parseDateOption("1/4/2025", "--on")).toBe("2025-04-01");
  expect(parseDateOption("2024-09-30", "--on")).toBe("2024-09-30");
  expect(() => parseDateOption("31/02/2025", "--on")).toThrow('--on: "31/02/2025" is not a date; write it as dd/mm/yyyy');
  expect(() => parseDateOption("09/30/2024", "--deadline")).toThrow("--deadline");
});

test("the text report names each row, gives totals and explains M", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-status-text-"));
  const file = path.join(dir, "measures.csv");
  const header =
    "id,name,type,polarity,unit,frequency,cumulative,reported_in,data_source,accountable_officer,parent_link,key_measure,baseline,annual_target,q1_target,q2_target,q3_target,q4_target,q1_actual,q2_actual,q3_actual,q4_actual,green_within,amber_within,provisional,comments,red_reason,corrective_action";
  fs.writeFileSync(file, `${header}\nKPI-1,Households prevented from homelessness,Performance Indicator,High,number,Quarterly,,,Housing system,Head of Housing,CP1,no,400,,,,,,,,,,,,no,,,\n`);
  const run = await runCli("status", file, "--period", "2024/25 Q1");
  expect(run.stdout).toMatch(/KPI-1\s+Households prevented from homelessness\s+M/);
  expect(run.stdout).toMatch(/RAG: M 1/);
  expect(run.stdout).toMatch(/M: cannot be measured yet/);
});
