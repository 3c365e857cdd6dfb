// Peak memory of the commands on the largest inputs the tools accept (issues 14 and 17: under 1 GB
// each). Each command runs as the user runs it, the built CLI in its own process, with a preload
// (peakRss.ts) reporting its peak resident memory; inputs are generated here first.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { packageRoot } from "../src/cli/shared";
import { CHECK_LIMITS } from "../src/xlsx/stream/readSnapshot.node";
import { PLAN_LIMITS } from "../src/xlsx/open";
import { writeLargePlan } from "./largePlan";
import { makeBenchReturns } from "./qsr";
import { BenchRow } from "./table";

const MB = 1024 * 1024;
const BUDGET_MB = 1024;
/** About 35 cells an action with a quarter as many measures: near the largest plan under PLAN_LIMITS.maxCells (convert, status, qsr, check --write). */
const LARGEST_WHOLE = 6_800;
/** The largest plan check reads (streamed): CHECK_LIMITS.maxTableRows actions, a quarter as many measures. */
const LARGEST_CHECKED = CHECK_LIMITS.maxTableRows;

function peakMb(args: string[], cwd: string): { mb: number; seconds: number; code: number | null; stderr: string } {
  const rssFile = path.join(cwd, `rss-${Date.now()}`);
  const cli = path.join(packageRoot(), "bin", "service-plan.js");
  const preload = path.join(__dirname, "peakRss.js");
  const t0 = process.hrtime.bigint();
  // stdout is read and let go: a 200,000-action plan's report is about 100 MB of text.
  const r = spawnSync(process.execPath, ["-r", preload, cli, ...args], { cwd, encoding: "utf8", env: { ...process.env, GT_PEAK_RSS_FILE: rssFile }, maxBuffer: 512 * MB });
  const seconds = Math.round(Number(process.hrtime.bigint() - t0) / 1e8) / 10;
  const mb = fs.existsSync(rssFile) ? Math.round(Number(fs.readFileSync(rssFile, "utf8")) / MB) : NaN;
  return { mb, seconds, code: r.status, stderr: r.stderr };
}

export async function bench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-bench-mem-"));
  try {
    const rows: BenchRow[] = [];
    const row = (measure: string, r: { mb: number; seconds: number; code: number | null; stderr: string }, okCodes: number[], withTime = false) => {
      // A refusal (over a limit) is no measurement of the command's work.
      const ran =
        okCodes.includes(r.code ?? -1) &&
        !/\(the limit\)|\(the limit for check\)|\(limit /.test(
          r.stderr
            .split("\n")
            .filter((l) => !l.startsWith("rejected:"))
            .join("\n"),
        );
      if (!ran) process.stderr.write(`bench: ${measure} exited ${r.code}: ${r.stderr.slice(0, 300)}\n`);
      rows.push({ area: "memory", measure, value: r.mb, unit: "MB peak", budget: BUDGET_MB, ok: ran && r.mb <= BUDGET_MB });
      if (withTime) rows.push({ area: "memory", measure: "  its time (the whole command: read, check, print)", value: r.seconds, unit: "s" });
    };
    const whole = path.join(dir, "largest-whole.xlsx");
    await writeLargePlan(whole, LARGEST_WHOLE);
    const label = `largest plan opened whole (${LARGEST_WHOLE.toLocaleString("en-GB")} actions, ${(LARGEST_WHOLE / 4).toLocaleString("en-GB")} measures; limit ${PLAN_LIMITS.maxCells.toLocaleString("en-GB")} cells)`;
    row(`check --write, ${label}`, peakMb(["check", whole, "--write", "--out", path.join(dir, "checked.xlsx")], dir), [0, 1]);
    row(`convert, ${label}`, peakMb(["convert", whole, "--tier", "operational", "--out", path.join(dir, "converted.xlsx")], dir), [0]);
    fs.rmSync(whole);
    // check streams the plan (src/xlsx/stream): its own, far larger limit.
    const checked = path.join(dir, "largest-checked.xlsx");
    await writeLargePlan(checked, LARGEST_CHECKED);
    const checkedLabel = `largest plan check accepts (${LARGEST_CHECKED.toLocaleString("en-GB")} actions, ${(LARGEST_CHECKED / 4).toLocaleString("en-GB")} measures, ${(fs.statSync(checked).size / MB).toFixed(0)} MB file)`;
    row(`check, ${checkedLabel}`, peakMb(["check", checked], dir), [0, 1], true);
    row(`check --json, the same plan`, peakMb(["check", checked, "--json"], dir), [0, 1], true);
    fs.rmSync(checked);

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
