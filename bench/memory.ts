// Peak memory of the commands on the largest inputs the tools accept (issues 14 and 17: under 1 GB
// each). Each command runs as the user runs it, the built CLI in its own process, with a preload
// (peakRss.ts) reporting its peak resident memory; inputs are generated here first.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadFramework, packageRoot } from "../src/cli/shared";
import { planDesign } from "../src/workbook/design";
import { PLAN_LIMITS } from "../src/xlsx/open";
import { XlsxWorkbook } from "../src/xlsx/adapter";
import { makeBenchReturns } from "./qsr";
import { benchPlan } from "./rules";
import { BenchRow } from "./table";

const MB = 1024 * 1024;
const BUDGET_MB = 1024;
/** About 35 cells an action with a quarter as many measures: near the largest plan under PLAN_LIMITS.maxCells. */
const LARGEST_ACTIONS = 11_000;

function peakMb(args: string[], cwd: string): { mb: number; code: number | null; stderr: string } {
  const rssFile = path.join(cwd, `rss-${Date.now()}`);
  const cli = path.join(packageRoot(), "bin", "service-plan.js");
  const preload = path.join(__dirname, "peakRss.js");
  const r = spawnSync(process.execPath, ["-r", preload, cli, ...args], { cwd, encoding: "utf8", env: { ...process.env, GT_PEAK_RSS_FILE: rssFile }, maxBuffer: 256 * MB });
  const mb = fs.existsSync(rssFile) ? Math.round(Number(fs.readFileSync(rssFile, "utf8")) / MB) : NaN;
  return { mb, code: r.status, stderr: r.stderr };
}

async function largestPlan(file: string): Promise<void> {
  const p = benchPlan(LARGEST_ACTIONS);
  const wb = XlsxWorkbook.create(path.basename(file));
  await wb.apply(planDesign({ details: p.details, framework: loadFramework(), actions: p.actions, measures: p.measures, register: p.register }));
  fs.writeFileSync(file, await wb.toBuffer());
}

export async function bench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-bench-mem-"));
  try {
    const rows: BenchRow[] = [];
    const row = (measure: string, r: { mb: number; code: number | null; stderr: string }, okCodes: number[]) => {
      // A refusal (over a limit) is no measurement of the command's work.
      const ran =
        okCodes.includes(r.code ?? -1) &&
        !/\(the limit\)|\(limit /.test(
          r.stderr
            .split("\n")
            .filter((l) => !l.startsWith("rejected:"))
            .join("\n"),
        );
      if (!ran) process.stderr.write(`bench: ${measure} exited ${r.code}: ${r.stderr.slice(0, 300)}\n`);
      rows.push({ area: "memory", measure, value: r.mb, unit: "MB peak", budget: BUDGET_MB, ok: ran && r.mb <= BUDGET_MB });
    };
    const plan = path.join(dir, "largest-plan.xlsx");
    await largestPlan(plan);
    const label = `largest plan accepted (${LARGEST_ACTIONS.toLocaleString("en-GB")} actions, ${(LARGEST_ACTIONS / 4).toLocaleString("en-GB")} measures; limit ${PLAN_LIMITS.maxCells.toLocaleString("en-GB")} cells)`;
    row(`check, ${label}`, peakMb(["check", plan], dir), [0, 1]);
    row(`convert, ${label}`, peakMb(["convert", plan, "--tier", "operational", "--out", path.join(dir, "converted.xlsx")], dir), [0]);

    const returns = path.join(dir, "returns");
    fs.mkdirSync(returns);
    const made = await makeBenchReturns(returns, 300);
    row("collect, 300 returns", peakMb(["collect", "returns", "--include-drafts", "--out", "rollup-300.xlsx"], dir), [0, 2]);
    // 2,000 returns: the 300 again under other names (they count as duplicates; every one is still read).
    for (let i = made.length; i < 2_000; i++) fs.copyFileSync(made[i % made.length], path.join(returns, `copy-${String(i).padStart(4, "0")}.xlsx`));
    row("collect, 2,000 returns", peakMb(["collect", "returns", "--include-drafts", "--out", "rollup-2000.xlsx"], dir), [0, 2]);
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
