// The cases where memory and time are the point, run as the user runs them: the service-plan
// command in a child process with a V8 heap limit (--max-old-space-size) and a time limit, its peak
// resident memory read back. Each asserts: the exit code, a message naming the file with no stack
// trace, the input unchanged (hash), no partial output, and memory and time within the limits.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CASES, HostileCase, validPlan, validReturnXlsx, writeCase } from "./corpus";
import { filesUnder, hashOf } from "./outputs";

const CLI = path.join(__dirname, "child", "cli.js");
/** V8 heap limit for each child: the real bound is the RSS check below, this makes a runaway fail fast. */
const HEAP_MB = 512;
/** Peak resident memory allowed (the target for any command is under 1 GB). */
const MAX_RSS = 900 * 1024 * 1024;
/** A refusal must be quick; a run killed at this limit fails the test. */
const TIME_LIMIT_MS = 90_000;
const STACK = /\n\s+at .+[:(]\d+:\d+/;

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "gt-hostile-mem-"));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

interface ChildRun {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  peakRss: number;
}

function cli(args: string[], cwd = root): ChildRun {
  const rssFile = path.join(root, `rss-${process.hrtime.bigint()}`);
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, CLI, ...args], {
    cwd,
    encoding: "utf8",
    timeout: TIME_LIMIT_MS,
    env: { ...process.env, GT_PEAK_RSS_FILE: rssFile },
  });
  const peakRss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, "utf8")) : Infinity;
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, peakRss };
}

function expectBounded(r: ChildRun): void {
  expect(r.signal).toBeNull(); // not killed by the time limit
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr).not.toMatch(/heap out of memory|Maximum call stack|Invalid time value/);
  expect(r.peakRss).toBeLessThan(MAX_RSS);
}

const memoryCases = CASES.filter((c) => c.memory);

describe.each(memoryCases.map((c) => [c.name, c] as const))("%s, in a memory-limited child", (_name, c: HostileCase) => {
  it(c.kind === "loose" ? "convert reads it in bounded memory" : "check refuses it or reads it, in bounded time and memory", async () => {
    const dir = fs.mkdtempSync(path.join(root, "case-"));
    const file = await writeCase(c, dir);
    const before = hashOf(file);
    const out = path.join(dir, "out");
    const r = c.kind === "loose" ? cli(["convert", file, "--tier", "operational", "--out", path.join(out, "plan.xlsx")]) : cli(["check", file, "--write", "--out", path.join(out, "checked.xlsx")]);
    expectBounded(r);
    if (c.refused) {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(c.file);
      expect(r.stderr).toMatch(c.reason!);
      expect(filesUnder(out)).toEqual([]);
    } else {
      expect(r.code === 0 || r.code === 1).toBe(true);
      expect(r.stderr).not.toMatch(/cannot be read|damaged|refused/);
      expect(filesUnder(out).length).toBe(1);
    }
    expect(hashOf(file)).toBe(before);
  });
});

describe("files that are not files, in a folder of returns", () => {
  it("a named pipe, a link to /dev/zero, a dangling link and a link loop are rejects with their reasons; 2,000 junk files are read; the good return is collected", async () => {
    const returns = path.join(root, "returns");
    fs.mkdirSync(returns);
    fs.writeFileSync(path.join(returns, "DSP-ASC.xlsx"), await validReturnXlsx());
    spawnSync("mkfifo", [path.join(returns, "pipe.xlsx")]);
    fs.symlinkSync("/dev/zero", path.join(returns, "zero.json"));
    fs.symlinkSync(path.join(returns, "gone.xlsx"), path.join(returns, "dangling.xlsx"));
    fs.symlinkSync(path.join(returns, "loop-b.json"), path.join(returns, "loop-a.json"));
    fs.symlinkSync(path.join(returns, "loop-a.json"), path.join(returns, "loop-b.json"));
    for (let i = 0; i < 2_000; i++) fs.writeFileSync(path.join(returns, `junk-${String(i).padStart(4, "0")}.json`), i % 2 ? "{}" : "not json");
    const out = path.join(root, "rollup.xlsx");
    const r = cli(["collect", "returns", "--out", out]);
    expectBounded(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rejected: returns\/pipe\.xlsx: a named pipe, not a file/);
    expect(r.stderr).toMatch(/rejected: returns\/zero\.json: a device, not a file/);
    expect(r.stderr).toMatch(/rejected: returns\/dangling\.xlsx: a link to a file that does not exist/);
    expect(r.stderr).toMatch(/rejected: returns\/loop-a\.json: a link that loops back on itself/);
    // 2,000 junk files, the pipe, /dev/zero, the dangling link and both ends of the loop.
    expect(r.stdout).toMatch(/1 returns, 2005 rejected/);
    expect(fs.existsSync(out)).toBe(true);
  });
});

describe("never overwrite what the user did not ask to replace", () => {
  it("collect R.xlsx --out R.xlsx is refused and the return is kept", async () => {
    const dir = fs.mkdtempSync(path.join(root, "same-"));
    const r0 = path.join(dir, "R.xlsx");
    fs.writeFileSync(r0, await validReturnXlsx());
    const before = hashOf(r0);
    const r = cli(["collect", r0, "--out", r0, "--force"]);
    expectBounded(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/R\.xlsx: this is one of the files being read; it is never overwritten/);
    expect(hashOf(r0)).toBe(before);
  });

  it("convert --force through a symlink to its own input is refused", async () => {
    const dir = fs.mkdtempSync(path.join(root, "link-"));
    const input = path.join(dir, "legacy.xlsx");
    fs.writeFileSync(input, await validPlan());
    fs.symlinkSync(input, path.join(dir, "out.xlsx"));
    const before = hashOf(input);
    const r = cli(["convert", input, "--tier", "team", "--out", path.join(dir, "out.xlsx"), "--force"]);
    expectBounded(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/out\.xlsx: this is one of the files being read/);
    expect(hashOf(input)).toBe(before);
  });

  it("qsr --out DIR holding the plan under the return's name is refused; the plan is kept", async () => {
    const dir = fs.mkdtempSync(path.join(root, "qsr-"));
    const plan = path.join(dir, "plan.xlsx");
    fs.writeFileSync(plan, await validPlan());
    const first = cli(["qsr", plan, "--period", "2024/25 Q2", "--draft", "--format", "xlsx", "--out", path.join(dir, "first"), "--json"]);
    expect(first.code).toBe(0);
    const returnName = path.basename(filesUnder(path.join(dir, "first")).find((f) => f.endsWith(".xlsx"))!);
    const target = path.join(dir, "returns");
    fs.mkdirSync(target);
    const planThere = path.join(target, returnName);
    fs.copyFileSync(plan, planThere);
    const before = hashOf(planThere);
    const r = cli(["qsr", planThere, "--period", "2024/25 Q2", "--draft", "--format", "xlsx", "--out", target, "--force"]);
    expectBounded(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(returnName);
    expect(r.stderr).toMatch(/one of the files being read/);
    expect(hashOf(planThere)).toBe(before);
  });

  it("check on a plan that is a link to /dev/zero refuses, quickly and in bounded memory", () => {
    const link = path.join(root, "zero-plan.xlsx");
    fs.symlinkSync("/dev/zero", link);
    const r = cli(["check", link]);
    expectBounded(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/zero-plan\.xlsx: a device, not a file/);
  });
});
