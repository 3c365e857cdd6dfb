// `service-plan collect <returns...> --out rollup.xlsx [--expected FILE] [--deadline DATE]
//   [--period P] [--framework FILE] [--json]`
// Collects QSR returns (.xlsx, .json or CSV folders; folders of them) into the corporate roll-up.
// Exit codes: 0 when every return was accepted, 2 when anything was rejected (the roll-up is still
// written, with the Rejects sheet), 1 on a usage error (bad option, unreadable --expected file).
import * as fs from "fs";
import * as path from "path";
import { Command } from "commander";
import { isIsoDate } from "../../model/dates";
import { parsePeriod } from "../../model/period";
import { CollectOptions, Rollup } from "../../qsr/collect";
import { parseExpected } from "../../qsr/expected";
import { collectReturns } from "../../app/collect";
import { expandReturnPaths, returnFileSources } from "../../qsr/files/collectFiles";
import { writeRollupCsv } from "../../qsr/files/rollupCsv";
import { rollupJson } from "../../qsr/files/rollupJson";
import { writeRollupXlsx } from "../../qsr/files/rollupXlsx";
import { fail, loadFramework, UserError } from "../shared";

export interface CollectCommandOptions {
  out: string;
  expected?: string;
  deadline?: string;
  period?: string;
  framework?: string;
  includeDrafts?: boolean;
  json?: boolean;
}

export const EXIT_REJECTED = 2;

function progressBar(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\rcollecting [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total}${done === total ? "\n" : ""}`);
  };
}

export async function runCollect(inputs: string[], opts: CollectCommandOptions): Promise<Rollup> {
  if (inputs.length === 0) throw new UserError("collect: name at least one return file or folder");
  if (!/\.xlsx$/i.test(opts.out)) throw new UserError(`--out: "${opts.out}" must be an .xlsx file`);
  if (opts.deadline !== undefined && !isIsoDate(opts.deadline)) throw new UserError(`--deadline: "${opts.deadline}" is not a date; write it as yyyy-mm-dd`);
  if (opts.period !== undefined) {
    try {
      parsePeriod(opts.period);
    } catch (e) {
      throw new UserError(`--period: ${(e as Error).message}`);
    }
  }
  const collectOpts: CollectOptions = { period: opts.period, deadline: opts.deadline, includeDrafts: opts.includeDrafts };
  if (opts.expected) {
    if (!fs.existsSync(opts.expected)) throw new UserError(`--expected: ${opts.expected}: file not found`);
    try {
      collectOpts.expected = parseExpected(fs.readFileSync(opts.expected, "utf8"), path.basename(opts.expected));
    } catch (e) {
      throw new UserError((e as Error).message);
    }
  }
  if (opts.framework) collectOpts.priorities = loadFramework(opts.framework).priorities;
  const files = expandReturnPaths(inputs);
  if (files.length === 0) throw new UserError(`collect: no returns (.xlsx, .json or CSV folders) found in ${inputs.join(", ")}`);
  const rollup = await collectReturns(returnFileSources(files), collectOpts, opts.json ? undefined : progressBar());
  fs.mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
  const today = new Date().toISOString().slice(0, 10);
  await writeRollupXlsx(rollup, opts.out, today);
  // The same tables for Power BI and the council's tools: rollup.json and the rollup-csv/ folder beside it.
  const stem = opts.out.replace(/\.xlsx$/i, "");
  fs.writeFileSync(`${stem}.json`, rollupJson(rollup, today));
  writeRollupCsv(rollup, `${stem}-csv`);
  if (opts.json) {
    process.stdout.write(JSON.stringify({ out: opts.out, ...rollup }) + "\n");
  } else {
    for (const d of rollup.draftsExcluded) process.stderr.write(`draft left out: ${d.returnFile} (${d.planId}; --include-drafts counts it)\n`);
    for (const d of rollup.dataQuality) process.stderr.write(`data quality: ${d.file} ${d.sheet}!${d.cell}: ${d.detail}\n`);
    for (const r of rollup.rejects) process.stderr.write(`rejected: ${r.file}${r.sheet ? ` ${r.sheet}` : ""}${r.cell ? `!${r.cell}` : ""}: ${r.reason}\n`);
    const missing = rollup.missing.length ? `, ${rollup.missing.length} missing or late` : "";
    process.stdout.write(`${opts.out}: ${rollup.period || "no period"}, ${rollup.returns.length} returns, ${rollup.rejects.length} rejected${missing}\n`);
  }
  if (rollup.rejects.length > 0) process.exitCode = EXIT_REJECTED;
  return rollup;
}

export function register(program: Command): void {
  program
    .command("collect <returns...>")
    .description("collect QSR returns into the corporate roll-up workbook (exit 2 when any return is rejected)")
    .requiredOption("--out <file>", "the roll-up workbook to write (.xlsx)")
    .option("--expected <file>", "CSV (plan_id and/or directorate columns) or JSON list of the returns expected")
    .option("--deadline <date>", "yyyy-mm-dd: returns prepared after this day are late")
    .option("--period <period>", "the roll-up period (default: the period most returns are for)")
    .option("--framework <file>", "council framework JSON: every Corporate Plan priority gets a row, and links can name one directly")
    .option("--include-drafts", "count draft returns too (by default they are listed and left out)")
    .option("--json", "print the roll-up as JSON to stdout")
    .action(async (returns: string[], opts: CollectCommandOptions) => {
      try {
        await runCollect(returns, opts);
      } catch (e) {
        fail(e);
      }
    });
}
