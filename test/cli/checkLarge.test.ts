// `check` on a plan beyond what ExcelJS can hold (issue 17): the streaming reader reads it in a
// memory-limited child process; `check --write`, which must open it whole, refuses it clearly.
// (The 200,000-action plan is measured in the bench: npm run bench, memory rows.)
import { spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeLargePlan } from "../../bench/largePlan";
import { runCheck } from "../../src/cli/commands/check";
import { PLAN_LIMITS } from "../../src/xlsx/open";
import { captureOutput } from "./capture";

const CLI = path.join(__dirname, "..", "hostile", "child", "cli.js");
/** Over PLAN_LIMITS.maxCells (250,000): 15,000 actions, 3,750 measures and 1,500 register entries are about 470,000 cells. */
const ACTIONS = 15_000;
const HEAP_MB = 192;
const MAX_RSS = 450 * 1024 * 1024;
const TIME_LIMIT_MS = 120_000;

let dir: string;
let plan: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-check-large-"));
  plan = path.join(dir, "large.xlsx");
  await writeLargePlan(plan, ACTIONS);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const hash = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

function cli(args: string[], heapMb = HEAP_MB) {
  const rssFile = path.join(dir, `rss-${process.hrtime.bigint()}`);
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, CLI, ...args], {
    cwd: dir,
    encoding: "utf8",
    timeout: TIME_LIMIT_MS,
    env: { ...process.env, GT_PEAK_RSS_FILE: rssFile },
    maxBuffer: 64 * 1024 * 1024,
  });
  const peakRss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, "utf8")) : Infinity;
  return { ...r, peakRss };
}

test(`check reads a ${ACTIONS.toLocaleString("en-GB")}-action plan in a ${HEAP_MB} MB heap, and leaves it unchanged`, () => {
  const before = hash(plan);
  const r = cli(["check", plan]);
  expect(r.signal).toBeNull();
  expect(r.stderr).not.toMatch(/heap out of memory|\n\s+at /);
  // Findings are errors here (exit 1), but every action and measure was read and checked.
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(new RegExp(`^SMART and golden-thread check of large\\.xlsx \\(Operational plan OSP-BENCH\\): \\d+ of ${ACTIONS} actions pass; ${ACTIONS / 4} measures checked`));
  expect(r.peakRss).toBeLessThan(MAX_RSS);
  expect(hash(plan)).toBe(before);
});

test("check --write, which opens the plan whole, refuses it naming the file and the limit, and writes nothing", () => {
  const out = path.join(dir, "checked.xlsx");
  // The whole-workbook opener inflates every part before it counts the cells: it needs the CLI's own heap (bin/service-plan.js) to refuse.
  const r = cli(["check", plan, "--write", "--out", out], 768);
  expect(r.signal).toBeNull();
  expect(r.status).not.toBe(0);
  expect(r.stderr).toContain("large.xlsx");
  expect(r.stderr).toContain(`more than ${PLAN_LIMITS.maxCells.toLocaleString("en-GB")} cells`);
  expect(fs.readdirSync(dir).filter((f) => f.startsWith("checked"))).toEqual([]);
});

describe("check --json", () => {
  const { out } = captureOutput();
  test("prints the report exactly as JSON.stringify(report, null, 2), though written in pieces", async () => {
    const small = path.join(dir, "small.xlsx");
    await writeLargePlan(small, 2_500);
    const report = await runCheck(small, { json: true });
    process.exitCode = 0;
    expect(report.findings.length).toBeGreaterThan(1000);
    expect(out.join("")).toBe(JSON.stringify(report, null, 2) + "\n");
  });
});
