// `service-plan new` end to end through commander: the file it writes reads back as a plan.
import { Command } from "commander";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { register } from "../../src/cli/commands/new";
import { readPlan } from "../../src/workbook/readPlan";
import { XlsxWorkbook } from "../../src/xlsx/adapter";

let dir: string;
let stderr: string[];
let stdout: string[];

async function run(...args: string[]): Promise<number> {
  const program = new Command("service-plan").exitOverride();
  register(program);
  process.exitCode = 0;
  await program.parseAsync(["node", "service-plan", "new", ...args]);
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return code;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-new-"));
  stderr = [];
  stdout = [];
  jest.spyOn(process.stderr, "write").mockImplementation((s) => (stderr.push(String(s)), true));
  jest.spyOn(process.stdout, "write").mockImplementation((s) => (stdout.push(String(s)), true));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

test.each(["directorate", "Operational", "TEAM"])("new --tier %s writes a plan workbook of that tier", async (tier) => {
  const out = path.join(dir, "plan.xlsx");
  expect(await run("--tier", tier, "--out", out)).toBe(0);
  expect(stderr).toEqual([]);
  expect(stdout).toEqual([]); // quiet on success
  const read = readPlan(await (await XlsxWorkbook.open(out)).read(), "plan.xlsx");
  expect(read.errors).toEqual([]);
  expect(read.plan.details.tier.toLowerCase()).toBe(tier.toLowerCase());
  expect(read.plan.details).toMatchObject({ council: "Sefton Council", planYear: "2024/25" });
  expect(read.settings).toEqual({ reportingDate: "2024-06-30", tolerances: { greenWithin: 0, amberWithin: 5 }, slippageMonths: 3 });
  expect(read.plan.register.map((r) => r.id)).toContain("CP1");
});

test("--framework, --plan-year, --plan-id and --json", async () => {
  const framework = path.join(dir, "framework.json");
  fs.writeFileSync(
    framework,
    JSON.stringify({ council: "Wirral Council", planYear: "2023/24", priorities: [{ id: "W1", title: "Thriving" }], tolerances: { greenWithin: 1, amberWithin: 10 }, slippageMonths: 2 }),
  );
  const out = path.join(dir, "wirral.xlsx");
  expect(await run("--tier", "team", "--framework", framework, "--plan-year", "2025-26", "--plan-id", "TP-W-01", "--out", out, "--json")).toBe(0);
  expect(JSON.parse(stdout.join(""))).toEqual({ file: out, tier: "Team", planYear: "2025/26", reportingDate: "2025-06-30" });
  const read = readPlan(await (await XlsxWorkbook.open(out)).read());
  expect(read.plan.details).toMatchObject({ planId: "TP-W-01", council: "Wirral Council", planYear: "2025/26" });
  expect(read.settings).toEqual({ reportingDate: "2025-06-30", tolerances: { greenWithin: 1, amberWithin: 10 }, slippageMonths: 2 });
  expect(read.plan.register.map((r) => r.id)).toEqual(["W1"]);
});

test("refuses to overwrite unless --force", async () => {
  const out = path.join(dir, "plan.xlsx");
  fs.writeFileSync(out, "precious");
  expect(await run("--tier", "team", "--out", out)).toBe(1);
  expect(stderr.join("")).toBe(`service-plan: ${out}: the file already exists; add --force to replace it (nothing is overwritten without it)\n`);
  expect(fs.readFileSync(out, "utf8")).toBe("precious");
  expect(await run("--tier", "team", "--out", out, "--force")).toBe(0);
  expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
});

test.each([
  [["--tier", "corporate", "--out", "x.xlsx"], 'service-plan: --tier: "corporate" is not a plan tier; use directorate, operational or team\n'],
  [["--tier", "team", "--out", "plan.csv"], 'service-plan: --out: "plan.csv" must name an .xlsx file\n'],
  [["--tier", "team", "--plan-year", "2024/26", "--out", "x.xlsx"], 'service-plan: --plan-year: "2024/26" is not a financial year: 2024 is followed by 2024/25\n'],
  [["--tier", "team", "--framework", "missing.json", "--out", "x.xlsx"], "service-plan: missing.json: framework file not found\n"],
])("bad input %j fails with one clear line and writes nothing", async (args, message) => {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    expect(await run(...args)).toBe(1);
  } finally {
    process.chdir(cwd);
  }
  expect(stderr.join("")).toBe(message);
  expect(fs.readdirSync(dir)).toEqual([]);
});
