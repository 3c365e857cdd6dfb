// `service-plan check PLAN [--parent FILE] [--child FILE...] [--framework FILE] [--tier TIER] [--json]
//  [--write --out FILE]`: the SMART and golden-thread check of a plan workbook (or an actions CSV).
// Exit code 1 when any error is found (or the file has rows that could not be read), 0 otherwise.
import * as fs from "fs";
import * as path from "path";
import { Command } from "commander";
import { checkLoadedPlan, writeSmartColumn } from "../../app/check";
import { newPlanDetails } from "../../app/create";
import { openSession, Session } from "../../app/session";
import { parseCsv } from "../../csv/parse";
import { detectCsvKind, readActionsCsv, readMeasuresCsv } from "../../csv/planCsv";
import type { Framework } from "../../model/framework";
import { Plan, TIERS, Tier } from "../../model/plan";
import { FindingCounts, formatFindings, hasErrors } from "../../rules/report";
import type { Finding } from "../../rules/types";
import type { WorkbookSnapshot } from "../../workbook/port";
import { NotAPlanError, readPlan } from "../../workbook/readPlan";
import { XlsxWorkbook } from "../../xlsx/adapter";
import { readPlanSnapshot } from "../../xlsx/stream/readSnapshot.node";
import { MAX_CSV_BYTES, readTextFile } from "../../csv/readFile";
import { checkOutputPath, inputsOf, saveWorkbook } from "../../files/outputs";
import { fail, loadFramework, UserError } from "../shared";
import { loadRegister } from "./report";

export interface CheckOptions {
  parent?: string;
  child?: string[];
  framework?: string;
  /** The measure register JSON: register measures in the plan must agree with it. */
  register?: string;
  /** Tier of a plan given as CSV (a workbook says its own tier). */
  tier?: string;
  json?: boolean;
  write?: boolean;
  out?: string;
  force?: boolean;
}

export interface CheckReport {
  file: string;
  planId: string;
  tier: Tier;
  findings: Finding[];
  counts: FindingCounts & { actions: number; measures: number; actionsPassing: number };
  /** Rows of the plan that could not be read, each naming file, sheet, cell and what is wrong. */
  readErrors: string[];
}

interface LoadedPlan {
  plan: Plan;
  readErrors: string[];
  workbook?: XlsxWorkbook;
  snapshot?: WorkbookSnapshot;
}

function parseTier(text: string | undefined): Tier {
  if (text === undefined) return "Operational";
  const tier = TIERS.find((t) => t.toLowerCase() === text.trim().toLowerCase());
  if (!tier) throw new UserError(`--tier: "${text}" is not a plan tier; use ${TIERS.map((t) => t.toLowerCase()).join(", ")}`);
  return tier;
}

/**
 * Reads a plan workbook, or an actions or measures CSV, naming the file in every problem. A workbook
 * only read (not written back) is streamed, keeping just what readPlan reads, so far larger plans fit
 * in memory (CHECK_LIMITS); one to write back is opened whole with ExcelJS (PLAN_LIMITS).
 */
async function loadPlanFile(file: string, framework: Framework, tier: Tier, forWriting = false): Promise<LoadedPlan> {
  if (!fs.existsSync(file)) throw new UserError(`${file}: file not found`);
  const name = path.basename(file);
  if (/\.xlsx$/i.test(file)) {
    const workbook = forWriting ? await XlsxWorkbook.open(file) : undefined;
    const snapshot = workbook ? await workbook.read() : await readPlanSnapshot(file);
    try {
      const read = readPlan(snapshot, name);
      // The snapshot is kept only to write back: otherwise it is let go before the checks run.
      return { plan: read.plan, readErrors: read.errors.map((e) => e.message), ...(workbook ? { workbook, snapshot } : {}) };
    } catch (e) {
      if (e instanceof NotAPlanError) throw new UserError(e.message);
      throw e;
    }
  }
  if (/\.csv$/i.test(file)) {
    // The safe reader (type and size first) and the encoding from the bytes, said when guessed.
    const decoded = readTextFile(file, MAX_CSV_BYTES, name);
    if (decoded.note) process.stderr.write(`service-plan: ${decoded.note}\n`);
    const text = decoded.text;
    const kind = detectCsvKind(parseCsv(text, name)[0] ?? []);
    const plan: Plan = { details: newPlanDetails({ tier, planId: path.basename(name, path.extname(name)) }, framework), actions: [], measures: [], updates: [], register: [] };
    if (kind === "actions") plan.actions = readActionsCsv(text, name);
    else if (kind === "measures") plan.measures = readMeasuresCsv(text, name);
    else throw new UserError(`${name}: not an actions or measures CSV (actions need columns id,action,lead_officer,start_date,due_date,...)`);
    return { plan, readErrors: [] };
  }
  throw new UserError(`${name}: not a plan workbook (.xlsx) or CSV file`);
}

export async function runCheck(file: string, opts: CheckOptions): Promise<CheckReport> {
  const framework = loadFramework(opts.framework);
  const session = openSession(framework, opts.framework ? path.basename(opts.framework) : "sefton-framework.json");
  // Settings errors (a typo in the checks block) should stop the run before any file is read.
  try {
    session.checkSettings();
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  if (opts.write && !opts.out) throw new UserError("--write needs --out FILE: the checked plan is copied there with its SMART check column filled in");
  if (opts.out && !opts.write) throw new UserError("--out is only used with --write");
  // Before any reading: a refused output path should not cost the whole check.
  if (opts.write) checkOutputPath(opts.out!, { inputs: inputsOf(file, opts.parent, opts.child, opts.framework), force: opts.force });
  const report = await checkedReport(file, opts, session, framework);
  if (opts.json) writeJsonReport(report);
  else {
    for (const e of report.readErrors) process.stderr.write(`service-plan: ${e}\n`);
    writeInPieces(formatReport(report));
    if (opts.write) process.stdout.write(`SMART check column written to ${opts.out}\n`);
  }
  if (hasErrors(report.findings) || report.readErrors.length > 0) process.exitCode = 1;
  return report;
}

/**
 * Reads the plans, checks them and (with --write) writes the checked copy. The plans live only in
 * here, so they are let go before the report is printed (a 200,000-action plan's report is 100 MB of text).
 */
async function checkedReport(file: string, opts: CheckOptions, session: Session, framework: Framework): Promise<CheckReport> {
  const tier = parseTier(opts.tier);
  const register = opts.register ? loadRegister(opts.register) : undefined;
  const subject = await loadPlanFile(file, framework, tier, opts.write);
  const parent = opts.parent ? await loadPlanFile(opts.parent, framework, "Directorate") : undefined;
  const children = [];
  for (const c of opts.child ?? []) children.push(await loadPlanFile(c, framework, tier === "Directorate" ? "Operational" : "Team"));

  const outcome = checkLoadedPlan(session, { plan: subject.plan, parent: parent?.plan, children: children.map((c) => c.plan), register });
  const report: CheckReport = {
    file: path.basename(file),
    planId: subject.plan.details.planId,
    tier: subject.plan.details.tier,
    findings: outcome.findings,
    counts: outcome.counts,
    readErrors: [...subject.readErrors, ...(parent?.readErrors ?? []), ...children.flatMap((c) => c.readErrors)],
  };
  if (opts.write) await writeChecked(file, subject, outcome.findings, opts.out!, inputsOf(file, opts.parent, opts.child, opts.framework), opts.force);
  return report;
}

/**
 * Prints JSON.stringify(report, null, 2) without building it as one string: the findings are
 * written a thousand at a time (a 200,000-action plan's report is 170 MB of JSON).
 */
function writeJsonReport(report: CheckReport): void {
  const MARK = "\u0000findings\u0000";
  const [head, tail] = JSON.stringify({ ...report, findings: report.findings.length ? MARK : [] }, null, 2).split(JSON.stringify(MARK));
  if (tail === undefined) return void process.stdout.write(head + "\n");
  process.stdout.write(head + "[");
  for (let i = 0; i < report.findings.length; i += 1000) {
    const batch = report.findings.slice(i, i + 1000).map((f) => "\n    " + JSON.stringify(f, null, 2).replace(/\n/g, "\n    "));
    process.stdout.write((i > 0 ? "," : "") + batch.join(","));
  }
  process.stdout.write("\n  ]" + tail + "\n");
}

/** Writes long text a megabyte at a time, so it is never copied whole into one buffer (a 200,000-action plan's report is 100 MB). */
function writeInPieces(text: string): void {
  for (let at = 0; at < text.length; at += 1 << 20) process.stdout.write(text.slice(at, at + (1 << 20)));
}

function formatReport(r: CheckReport): string {
  const title = `SMART and golden-thread check of ${r.file} (${r.tier} plan ${r.planId}): ${r.counts.actionsPassing} of ${r.counts.actions} actions pass; ${r.counts.measures} measures checked`;
  return formatFindings(r.findings, title);
}

/** Copies the plan to `out` with the SMART check column of the Actions table filled in; never overwrites. */
async function writeChecked(file: string, subject: LoadedPlan, findings: Finding[], out: string, inputs: string[], force?: boolean): Promise<void> {
  if (!subject.workbook || !subject.snapshot) throw new UserError(`--write: ${path.basename(file)} is a CSV; only a plan workbook has a SMART check column to fill in`);
  // The one overwrite rule: never an input (any spelling of it), an existing file only with --force.
  checkOutputPath(out, { inputs, force });
  try {
    await writeSmartColumn(subject.workbook, subject.snapshot, subject.plan, findings, path.basename(file));
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  await saveWorkbook(subject.workbook, out, { inputs, force });
}

export function register(program: Command): void {
  program
    .command("check <plan>")
    .description("SMART and golden-thread check of a plan workbook (or an actions CSV): every finding with its cell and how to fix it")
    .option("--parent <file>", "the parent plan workbook, to check links against (the plan's Register sheet is used as well)")
    .option("--child <files...>", "child plan workbooks, to find actions of this plan that nothing serves")
    .option("--framework <file>", "council framework JSON (priorities and the checks settings block); default: the Sefton example")
    .option("--register <file>", "the measure register JSON: measures with its IDs must match its name, polarity and unit")
    .option("--tier <tier>", "tier of a plan given as CSV: directorate, operational or team", undefined)
    .option("--json", "print the findings as JSON")
    .option("--write", "copy the plan to --out with the SMART check column filled in")
    .option("--out <file>", "where --write saves the checked copy (never one of the plans read)")
    .option("--force", "replace --out if it exists")
    .action(async (file: string, opts: CheckOptions) => {
      try {
        await runCheck(file, opts);
      } catch (e) {
        fail(e);
      }
    });
}
