// Every case of the hostile corpus through every command that reads that kind of file, in process
// (the memory-limited child-process runs are in memory.test.ts). For each run: a refusal exits
// non-zero with a message naming the file and no stack trace; the input is unchanged (hash before
// and after); a refused run leaves no output, not even part of one; whatever was written holds no
// live or un-neutralised formula text.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../cli/run";
import { CASES, CaseKind, HostileCase, validPlan, writeCase } from "./corpus";
import { filesUnder, hashOf, unneutralisedUnder } from "./outputs";

let root: string;
let plan: string;
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "gt-hostile-cli-"));
  plan = path.join(root, "good-plan.xlsx");
  fs.writeFileSync(plan, await validPlan());
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const STACK = /\n\s+at .+[:(]\d+:\d+/;
const PERIOD = "2024/25 Q2";

/** The commands that read each kind of file: argument lists, given the file and a fresh output folder. */
const COMMANDS: Record<CaseKind, { name: string; args: (file: string, out: string) => string[] }[]> = {
  plan: [
    { name: "check", args: (f) => ["check", f] },
    { name: "check --write", args: (f, o) => ["check", f, "--write", "--out", path.join(o, "checked.xlsx")] },
    { name: "status", args: (f) => ["status", f, "--period", PERIOD] },
    { name: "qsr", args: (f, o) => ["qsr", f, "--period", PERIOD, "--draft", "--out", o] },
    { name: "convert", args: (f, o) => ["convert", f, "--tier", "operational", "--out", path.join(o, "converted.xlsx")] },
  ],
  loose: [{ name: "convert", args: (f, o) => ["convert", f, "--tier", "operational", "--out", path.join(o, "converted.xlsx")] }],
  return: [{ name: "collect", args: (f, o) => ["collect", f, "--out", path.join(o, "rollup.xlsx")] }],
  csv: [
    { name: "check", args: (f) => ["check", f] },
    { name: "status", args: (f) => ["status", f, "--period", PERIOD] },
  ],
  framework: [
    { name: "new", args: (f, o) => ["new", "--tier", "operational", "--framework", f, "--out", path.join(o, "new.xlsx")] },
    { name: "check", args: (f) => ["check", plan, "--framework", f] },
    { name: "convert", args: (f, o) => ["convert", plan, "--tier", "operational", "--framework", f, "--out", path.join(o, "converted.xlsx")] },
  ],
};

const runs = CASES.flatMap((c) => COMMANDS[c.kind].map((cmd) => [`${c.name} | ${cmd.name}`, c, cmd] as const));

test("the corpus has at least 30 cases across every kind of file", () => {
  expect(CASES.length).toBeGreaterThanOrEqual(30);
  expect(new Set(CASES.map((c) => c.kind))).toEqual(new Set(["plan", "loose", "return", "csv", "framework"]));
});

describe.each(runs)("%s", (_label, c: HostileCase, cmd) => {
  it("refuses clearly or reads it, leaves the input alone and writes nothing live", async () => {
    const caseDir = fs.mkdtempSync(path.join(root, "case-"));
    const file = await writeCase(c, caseDir);
    const out = path.join(caseDir, "out");
    fs.mkdirSync(out);
    const before = hashOf(file);
    const planBefore = hashOf(plan);
    const r = await runCli(...cmd.args(file, out));
    const said = r.stderr + r.stdout;
    expect(said).not.toMatch(STACK);
    expect(said).not.toMatch(/Invalid time value|Maximum call stack|undefined is not|Cannot read properties/);
    if (c.refused) {
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain(c.file);
      expect(r.stderr).toMatch(c.reason!);
      // A refused return is a reject: the roll-up is still written, listing it. Anything else: no output at all.
      if (cmd.name !== "collect") expect(filesUnder(out)).toEqual([]);
    } else {
      // Read: findings may fail a check (exit 1), but the command must get as far as its report.
      expect(r.stdout.length).toBeGreaterThan(0);
      expect(r.stderr).not.toMatch(/\b(cannot be read|damaged|refused|limit|missing required)\b/);
    }
    expect(filesUnder(out).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(await unneutralisedUnder(out)).toEqual([]);
    expect(hashOf(file)).toBe(before);
    expect(hashOf(plan)).toBe(planBefore);
    fs.rmSync(caseDir, { recursive: true, force: true });
  });
});

test("a CSV saved as Windows-1252, UTF-16 or UTF-8 reads to the same plan, £ and accents intact, the guess said", async () => {
  const text = "id,action,lead_officer,start_date,due_date,revised_due_date,completed_date,no_longer_viable\r\nA1,Cut agency spend by £250000 by March 2025,Zoë Brontë,2024-04-01,2025-03-31,,,No\r\n";
  const forms: [string, Buffer][] = [
    ["utf8.csv", Buffer.from(text, "utf8")],
    ["cp1252.csv", Buffer.from([...text].map((c) => c.charCodeAt(0)))],
    ["utf16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])],
  ];
  const reports = [];
  for (const [name, bytes] of forms) {
    const file = path.join(root, name);
    fs.writeFileSync(file, bytes);
    const r = await runCli("check", file, "--json");
    if (!r.stdout) throw new Error(r.stderr);
    // The same findings, each naming its own file.
    reports.push(JSON.stringify(JSON.parse(r.stdout).findings).split(name).join("FILE"));
    if (name === "cp1252.csv") expect(r.stderr).toMatch(/cp1252\.csv: not UTF-8 \(byte 0xA3 at line 2, column 24\), so read as Windows-1252/);
    else expect(r.stderr).toBe("");
    expect(r.stdout).not.toContain("\ufffd");
  }
  expect(reports[1]).toEqual(reports[0]);
  expect(reports[2]).toEqual(reports[0]);
});
