// `service-plan collect <returns...> --out rollup.xlsx [--expected FILE] [--deadline DATE]
//   [--period P] [--framework FILE] [--signoffs FILE] [--json]`
// Collects QSR returns (.xlsx, .json or CSV folders; folders of them) into the corporate roll-up.
// Exit codes: 0 when every return was accepted, 2 when anything was rejected or (with --signoffs) a
// return's signed-off values no longer match the record (the roll-up is still written, with the Rejects sheet), 1 on a usage error (bad option, unreadable --expected file).
import * as fs from "fs";
import * as path from "path";
import { Command } from "commander";
import { parsePeriod } from "../../model/period";
import { CollectOptions, Rollup } from "../../qsr/collect";
import { parseExpected } from "../../qsr/expected";
import { collectReturns } from "../../app/collect";
import { checkReturnsAgainstRecords, parseSignOffRecords, returnSignOffs, SignOffRecord } from "../../cycle/record";
import { expandReturnPaths, returnFileSources } from "../../qsr/files/collectFiles";
import { rollupCsvFiles } from "../../qsr/files/rollupCsv";
import { CSV_FILES } from "../../qsr/files/returnCsv";
import { MAX_CSV_BYTES, readTextFile } from "../../csv/readFile";
import { checkOutputPath, inputsOf, saveBytes } from "../../files/outputs";
import { writeOutputFile } from "../../files/safeWrite";
import { workbookBytes } from "../../xlsx/print";
import { rollupJson } from "../../qsr/files/rollupJson";
import { ROLLUP_TABLES, rollupWorkbook } from "../../qsr/files/rollupXlsx";
import { fail, loadFramework, parseDateOption, UserError } from "../shared";

interface CollectCommandOptions {
  out: string;
  expected?: string;
  deadline?: string;
  period?: string;
  framework?: string;
  includeDrafts?: boolean;
  json?: boolean;
  force?: boolean;
  /** The BI team's sign-off records: every return whose frozen values no longer match is flagged. */
  signoffs?: string;
}

export const EXIT_REJECTED = 2;

/** More returns than any council has services; a folder holding more is probably the wrong folder. */
const MAX_RETURNS = 5_000;

/** The files of a CSV return folder (inputs too: none may be written). */
function csvReturnParts(p: string): string[] {
  return Object.values(CSV_FILES).map((f) => path.join(p, f));
}

function progressBar(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\rcollecting [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total}${done === total ? "\n" : ""}`);
  };
}

/** Reads the BI team's sign-off record file; unreadable lines stop the run, naming the file and line. */
export function readSignOffRecords(file: string): SignOffRecord[] {
  if (!fs.existsSync(file)) throw new UserError(`--signoffs: ${file}: file not found`);
  const read = parseSignOffRecords(readTextFile(file, MAX_CSV_BYTES, path.basename(file)).text, path.basename(file));
  if (read.problems.length > 0) throw new UserError(`--signoffs: ${read.problems.join("; ")}`);
  return read.records;
}

export async function runCollect(inputs: string[], opts: CollectCommandOptions): Promise<Rollup> {
  if (inputs.length === 0) throw new UserError("collect: name at least one return file or folder");
  if (!/\.xlsx$/i.test(opts.out)) throw new UserError(`--out: "${opts.out}" must be an .xlsx file`);
  const deadline = opts.deadline === undefined ? undefined : parseDateOption(opts.deadline, "--deadline");
  if (opts.period !== undefined) {
    try {
      parsePeriod(opts.period);
    } catch (e) {
      throw new UserError(`--period: ${(e as Error).message}`);
    }
  }
  const collectOpts: CollectOptions = { period: opts.period, deadline, includeDrafts: opts.includeDrafts };
  if (opts.expected) {
    if (!fs.existsSync(opts.expected)) throw new UserError(`--expected: ${opts.expected}: file not found`);
    try {
      collectOpts.expected = parseExpected(readTextFile(opts.expected, MAX_CSV_BYTES, path.basename(opts.expected)).text, path.basename(opts.expected));
    } catch (e) {
      throw new UserError((e as Error).message);
    }
  }
  if (opts.framework) collectOpts.priorities = loadFramework(opts.framework).priorities;
  const files = expandReturnPaths(inputs);
  if (files.length === 0) throw new UserError(`collect: no returns (.xlsx, .json or CSV folders) found in ${inputs.join(", ")}`);
  if (files.length > MAX_RETURNS)
    throw new UserError(`collect: ${files.length.toLocaleString("en-GB")} returns found in ${inputs.join(", ")} (limit ${MAX_RETURNS.toLocaleString("en-GB")}); is that the right folder?`);
  // The one overwrite rule, checked before any return is read: no output may be an input (a return,
  // a file of a CSV return, --expected, --framework), and an existing output is replaced only with --force.
  const stem = opts.out.replace(/\.xlsx$/i, "");
  const csvDir = `${stem}-csv`;
  const outputs = [opts.out, `${stem}.json`, ...ROLLUP_TABLES.map((t) => path.join(csvDir, `${t.file}.csv`))];
  const rules = { force: opts.force, inputs: inputsOf(files, files.flatMap(csvReturnParts), opts.expected, opts.framework) };
  for (const out of outputs) checkOutputPath(out, rules);
  const records = opts.signoffs ? readSignOffRecords(opts.signoffs) : undefined;
  const rollup = await collectReturns(returnFileSources(files), collectOpts, opts.json ? undefined : progressBar());
  const signOffFlags = records ? checkReturnsAgainstRecords(returnSignOffs([...rollup.returns, ...rollup.draftsExcluded]), records) : [];
  const today = new Date().toISOString().slice(0, 10);
  await saveBytes(opts.out, () => workbookBytes(rollupWorkbook(rollup, today)), rules);
  // The same tables for Power BI and the council's tools: rollup.json and the rollup-csv/ folder beside it.
  writeOutputFile(`${stem}.json`, rollupJson(rollup, today), rules);
  for (const [name, text] of Object.entries(rollupCsvFiles(rollup))) writeOutputFile(path.join(csvDir, name), text, rules);
  if (opts.json) {
    process.stdout.write(JSON.stringify({ out: opts.out, ...rollup, ...(records ? { signOffFlags } : {}) }) + "\n");
  } else {
    for (const f of rollup.otherForms) process.stderr.write(`same return: ${f.file} is ${f.sameAs} in another form (counted once)\n`);
    for (const d of rollup.draftsExcluded) process.stderr.write(`draft left out: ${d.returnFile} (${d.planId}; --include-drafts counts it)\n`);
    for (const d of rollup.dataQuality) process.stderr.write(`data quality: ${d.file} ${d.sheet}!${d.cell}: ${d.detail}\n`);
    for (const r of rollup.rejects) process.stderr.write(`rejected: ${r.file}${r.sheet ? ` ${r.sheet}` : ""}${r.cell ? `!${r.cell}` : ""}: ${r.reason}\n`);
    for (const f of signOffFlags) process.stderr.write(`sign-off: ${f.message}\n`);
    const missing = rollup.missing.length ? `, ${rollup.missing.length} missing or late` : "";
    process.stdout.write(`${opts.out}: ${rollup.period || "no period"}, ${rollup.returns.length} returns, ${rollup.rejects.length} rejected${missing}\n`);
  }
  if (rollup.rejects.length > 0 || signOffFlags.length > 0) process.exitCode = EXIT_REJECTED;
  return rollup;
}

export function register(program: Command): void {
  program
    .command("collect <returns...>")
    .description("collect QSR returns into the corporate roll-up workbook (exit 2 when any return is rejected)")
    .requiredOption("--out <file>", "the roll-up workbook to write (.xlsx)")
    .option("--expected <file>", "CSV (plan_id and/or directorate columns) or JSON list of the returns expected")
    .option("--deadline <date>", "dd/mm/yyyy: returns prepared after this day are late")
    .option("--period <period>", "the roll-up period (default: the period most returns are for)")
    .option("--framework <file>", "council framework JSON: every Corporate Plan priority gets a row, and links can name one directly")
    .option("--signoffs <file>", "the sign-off records (one line per plan from `signoff`): flag every return whose signed-off values no longer match")
    .option("--include-drafts", "count draft returns too (by default they are listed and left out)")
    .option("--json", "print the roll-up as JSON to stdout")
    .option("--force", "replace the roll-up files if they exist")
    .action(async (returns: string[], opts: CollectCommandOptions) => {
      try {
        await runCollect(returns, opts);
      } catch (e) {
        fail(e);
      }
    });
}
