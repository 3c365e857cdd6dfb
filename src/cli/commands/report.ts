// `service-plan report ROLLUP-or-RETURNS... --out DIR [--previous ROLLUP.json]... [--register FILE]
//   [--framework FILE] [--period P] [--signoffs FILE] [--include-drafts] [--force] [--json]`
// The quarter's Corporate Plan Overview Report as one self-contained HTML page and a print-ready
// workbook. Give it the roll-up JSON that `collect` writes, or the returns themselves.
// Exit codes: 0 written; 2 written, but some returns were rejected while collecting them, or (with
// --signoffs) a return's signed-off values no longer match the record (listed, and in the report);
// 1 nothing written: a usage error or bad input (an empty set of returns, a previous roll-up of another
// year, a register with duplicate IDs ...), the message naming the file and where in it.
import * as path from "path";
import { Command } from "commander";
import { corporateReport } from "../../app/report";
import { ReturnSource } from "../../app/collect";
import { FileRejected, MB, readInputFile } from "../../files/safeRead";
import { checkOutputPath, writeOutputFile } from "../../files/safeWrite";
import { indexRegister, parseMeasureRegister, RegisterIndex } from "../../model/measureRegister";
import { parsePeriod } from "../../model/period";
import { Rollup } from "../../qsr/collect";
import { expandReturnPaths } from "../../qsr/files/collectFiles";
import { readReturnFile } from "../../qsr/files/readReturnFile";
import { parseRollupJson, ROLLUP_FORMAT } from "../../qsr/files/rollupJson";
import { cporWorkbook } from "../../report/files/cporXlsx";
import { workbookBytes } from "../../xlsx/print";
import { fail, loadFramework, UserError } from "../shared";
import { EXIT_REJECTED, readSignOffRecords } from "./collect";

interface ReportCommandOptions {
  out: string;
  previous?: string[];
  register?: string;
  framework?: string;
  period?: string;
  /** The BI team's sign-off records: returns that no longer match are listed as changed without agreement. */
  signoffs?: string;
  includeDrafts?: boolean;
  force?: boolean;
  json?: boolean;
  /** yyyy-mm-dd; today by default (the demo fixes it). */
  generatedOn?: string;
  /** Print nothing on success (the demo says what it wrote itself). */
  quiet?: boolean;
}

/** Roll-up JSON is at most a few MB per thousand returns; a file far larger is not one. */
const MAX_JSON_BYTES = 200 * MB;

function readText(file: string, what: string): string {
  try {
    return readInputFile(file, MAX_JSON_BYTES).toString("utf8");
  } catch (e) {
    throw new UserError(`${what}: ${(e as Error).message}`);
  }
}

function isRollupJson(file: string): boolean {
  if (!/\.json$/i.test(file)) return false;
  // A return's JSON has a header; a roll-up's names its format. Only the start of the file is read.
  return readText(file, file).slice(0, 400).includes(ROLLUP_FORMAT);
}

function readRollup(file: string, what: string): Rollup {
  try {
    return parseRollupJson(readText(file, what), path.basename(file));
  } catch (e) {
    throw new UserError(`${what === file ? "" : `${what}: `}${(e as Error).message}`);
  }
}

/** Reads --register FILE; every problem names the file and the entry. */
export function loadRegister(file: string): RegisterIndex {
  try {
    return indexRegister(parseMeasureRegister(readText(file, "--register"), path.basename(file)));
  } catch (e) {
    throw new UserError((e as Error).message);
  }
}

function reportStem(period: string): string {
  return `cpor-${period.replace("/", "-").replace(" ", "-")}`;
}

export async function runReport(inputs: string[], opts: ReportCommandOptions): Promise<{ html: string; xlsx: string; rollup: Rollup; dataQuality: { detail: string }[] }> {
  if (inputs.length === 0) throw new UserError("report: name the roll-up (.json from collect) or the returns to report on");
  if (opts.period !== undefined) {
    try {
      parsePeriod(opts.period);
    } catch (e) {
      throw new UserError(`--period: ${(e as Error).message}`);
    }
  }
  const framework = loadFramework(opts.framework);
  const register = opts.register ? loadRegister(opts.register) : undefined;
  const previous = (opts.previous ?? []).map((f) => ({ file: path.basename(f), rollup: readRollup(f, "--previous") }));
  const signOffRecords = opts.signoffs ? readSignOffRecords(opts.signoffs) : undefined;

  const rollupFiles = inputs.filter(isRollupJson);
  if (rollupFiles.length > 0 && rollupFiles.length !== inputs.length) throw new UserError(`report: give either one roll-up (${rollupFiles.join(", ")}) or returns, not both`);
  if (rollupFiles.length > 1) throw new UserError(`report: one roll-up at a time (given ${rollupFiles.join(", ")}); earlier quarters go in --previous`);
  let current: { rollup: Rollup; file: string } | { sources: ReturnSource[] };
  if (rollupFiles.length === 1) current = { rollup: readRollup(rollupFiles[0], rollupFiles[0]), file: path.basename(rollupFiles[0]) };
  else {
    const files = expandReturnPaths(inputs);
    if (files.length === 0) throw new UserError(`report: no returns (.xlsx, .json or CSV folders) found in ${inputs.join(", ")}`);
    current = { sources: files.map((f) => ({ label: path.relative(process.cwd(), f).startsWith("..") ? path.basename(f) : path.relative(process.cwd(), f), read: () => readReturnFile(f) })) };
  }

  let result;
  try {
    result = await corporateReport({
      current,
      previous,
      register,
      framework,
      collect: { period: opts.period, includeDrafts: opts.includeDrafts },
      generatedOn: opts.generatedOn ?? new Date().toISOString().slice(0, 10),
      signOffRecords,
    });
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  const stem = path.join(opts.out, reportStem(result.report.period));
  const out = { html: `${stem}.html`, xlsx: `${stem}.xlsx` };
  const readFiles = [...inputs, ...(opts.previous ?? []), ...(opts.register ? [opts.register] : []), ...(opts.signoffs ? [opts.signoffs] : [])];
  try {
    // Both paths are checked before either is written, so a refusal leaves nothing half-done.
    for (const f of Object.values(out)) checkOutputPath(f, { inputs: readFiles, force: opts.force });
    writeOutputFile(out.html, result.html, { inputs: readFiles, force: opts.force });
    writeOutputFile(out.xlsx, await workbookBytes(cporWorkbook(result.report)), { inputs: readFiles, force: opts.force });
  } catch (e) {
    if (e instanceof FileRejected) throw new UserError(e.message);
    throw e;
  }
  const { rollup, report } = result;
  if (opts.json) {
    process.stdout.write(JSON.stringify({ out, report }) + "\n");
  } else {
    // Quiet callers (the demo) say themselves which drafts were left out and what data quality notes there are.
    if (!opts.quiet) for (const d of rollup.draftsExcluded) process.stderr.write(`draft left out: ${d.returnFile} (${d.planId}; --include-drafts counts it)\n`);
    if (!opts.quiet) for (const d of report.dataQuality) process.stderr.write(`data quality: ${d.file}${d.sheet ? ` ${d.sheet}` : ""}${d.cell ? `!${d.cell}` : ""}: ${d.detail}\n`);
    for (const r of rollup.rejects) process.stderr.write(`rejected: ${r.file}${r.sheet ? ` ${r.sheet}` : ""}${r.cell ? `!${r.cell}` : ""}: ${r.reason}\n`);
    for (const u of report.unagreedChanges ?? []) process.stderr.write(`sign-off: ${u.returnFile} (${u.planId}): ${u.detail}\n`);
    if (!opts.quiet)
      process.stdout.write(
        `${out.html}\n${out.xlsx}\n${report.period}: ${report.returns} returns, ${report.totals.measures} measures, ${report.totals.actions} actions, ${report.totals.exceptions} exceptions, ${rollup.rejects.length} rejected\n`,
      );
  }
  if (rollup.rejects.length > 0 || (report.unagreedChanges?.length ?? 0) > 0) process.exitCode = EXIT_REJECTED;
  return { ...out, rollup, dataQuality: report.dataQuality };
}

export function register(program: Command): void {
  program
    .command("report <rollup-or-returns...>")
    .description("the Corporate Plan Overview Report (HTML and workbook) from a roll-up JSON or the returns (exit 2 when a return was rejected)")
    .requiredOption("--out <dir>", "folder for cpor-<year>-Q<n>.html and .xlsx")
    .option("--previous <rollup.json>", "an earlier roll-up of the same year (repeat for each quarter): the trend and what changed", (v: string, acc: string[] = []) => [...acc, v])
    .option("--register <file>", "the measure register JSON: names, units and comparator values")
    .option("--framework <file>", "council framework JSON (default: the Sefton example)")
    .option("--period <period>", "the report period, when reporting from returns (default: the period most returns are for)")
    .option("--signoffs <file>", "the sign-off records (one line per plan from `signoff`): list every return whose signed-off values no longer match (exit 2)")
    .option("--include-drafts", "count draft returns too (by default they are listed and left out)")
    .option("--force", "replace report files that already exist")
    .option("--json", "print the report model as JSON to stdout")
    .action(async (inputs: string[], opts: ReportCommandOptions) => {
      try {
        await runReport(inputs, opts);
      } catch (e) {
        fail(e);
      }
    });
}
