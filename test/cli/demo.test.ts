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

// The one overwrite rule (src/files/safeWrite.ts), for the demo's folder: the test above ran the demo into `dir` once.
describe("running the demo again into the same folder", () => {
  const csv = () => path.join(dir, "sefton-measures-2024-25.csv");
  const leftovers = () => fs.readdirSync(path.dirname(dir)).filter((f) => f.startsWith(`.${path.basename(dir)}-demo-`));

  test("the first run wrote no temporary folder's name and left none behind", () => {
    expect(leftovers()).toEqual([]);
    expect(fs.existsSync(path.join(dir, ".golden-thread-demo.json"))).toBe(true);
  });

  test("without --force it refuses, naming the folder and --force, and writes nothing", async () => {
    const before = fs.readFileSync(csv());
    const mtime = fs.statSync(csv()).mtimeMs;
    const { code, stdout, stderr } = await runCli("demo", "--out", dir);
    expect(code).not.toBe(0);
    expect(stderr).toContain(dir);
    expect(stderr).toMatch(/already holds files the demo writes.*--force.*nothing was written/);
    expect(stdout).toBe("");
    expect(fs.readFileSync(csv())).toEqual(before);
    expect(fs.statSync(csv()).mtimeMs).toBe(mtime);
    expect(leftovers()).toEqual([]);
  });

  test("with --force it replaces its own files, and keeps a file of someone else's beside them", async () => {
    fs.writeFileSync(path.join(dir, "my-notes.txt"), "mine");
    const { code, stdout, stderr } = await runCli("demo", "--out", dir, "--force");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain(path.join(dir, "plans", "directorate-plan-adult-social-care.xlsx"));
    // Messages and the text files name the folder given, not the temporary one the demo was built in.
    const temp = `.${path.basename(dir)}-demo-`;
    expect(stdout).not.toContain(temp);
    const texts = ["rollup-2024-25-Q2.json", "cpor-2024-25-Q2.html", "returns/DSP-ASC-2024-25-Q2.json"].map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
    for (const text of texts) expect(text).not.toContain(temp);
    expect(fs.readFileSync(path.join(dir, "my-notes.txt"), "utf8")).toBe("mine");
    expect(leftovers()).toEqual([]);
  });

  test("even with --force, a file of the demo's that was changed since is refused by name, and nothing is written", async () => {
    fs.appendFileSync(csv(), "an edit someone made\n");
    const edited = fs.readFileSync(csv());
    const plan = path.join(dir, "plans", "team-plan-reablement.xlsx");
    const planBefore = fs.readFileSync(plan);
    const { code, stderr } = await runCli("demo", "--out", dir, "--force");
    expect(code).not.toBe(0);
    expect(stderr).toContain(`${csv()}: not as the demo wrote it`);
    expect(fs.readFileSync(csv())).toEqual(edited);
    expect(fs.readFileSync(plan)).toEqual(planBefore);
    expect(leftovers()).toEqual([]);
  });
});
