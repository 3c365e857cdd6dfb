// `service-plan check PLAN [--parent FILE] [--child FILE...] [--framework FILE] [--tier TIER] [--json]
//  [--write --out FILE]`: the SMART and golden-thread check of a plan workbook (or an actions CSV).
// Exit code 1 when any error is found (or the file has rows that could not be read), 0 otherwise.
import * as fs from "fs";
import * as path from "path";
import { Command } from "commander";
import { parseCsv } from "../../csv/parse";
import { detectCsvKind, readActionsCsv, readMeasuresCsv } from "../../csv/planCsv";
import type { Framework } from "../../model/framework";
import { Plan, PlanDetails, TIERS, Tier } from "../../model/plan";
import { checkPlan, settingsFromFramework } from "../../rules/engine";
import { countFindings, FindingCounts, formatFindings, hasErrors } from "../../rules/report";
import { SMART_PASS, smartSummary, smartSummaryColumn } from "../../rules/smartSummary";
import type { Finding } from "../../rules/types";
import { parseRange } from "../../workbook/addresses";
import { STATUS_COLUMNS, TABLES } from "../../workbook/names";
import type { WorkbookSnapshot } from "../../workbook/port";
import { NotAPlanError, readPlan } from "../../workbook/readPlan";
import { XlsxWorkbook } from "../../xlsx/adapter";
import { fail, loadFramework, UserError } from "../shared";

export interface CheckOptions {
  parent?: string;
  child?: string[];
  framework?: string;
  /** Tier of a plan given as CSV (a workbook says its own tier). */
  tier?: string;
  json?: boolean;
  write?: boolean;
  out?: string;
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

function csvDetails(name: string, tier: Tier, framework: Framework): PlanDetails {
  return {
    formatVersion: 1, planId: path.basename(name, path.extname(name)), tier, council: framework.council, directorate: "", service: "", team: "",
    planYear: framework.planYear, owner: "", parentPlanId: "", overview: "", whereAreWeNow: "", whereDoWeNeedToBe: "", keyAchievements: "", challengesAndRisks: "",
  };
}

/** Reads a plan workbook, or an actions or measures CSV, naming the file in every problem. */
export async function loadPlanFile(file: string, framework: Framework, tier: Tier): Promise<LoadedPlan> {
  if (!fs.existsSync(file)) throw new UserError(`${file}: file not found`);
  const name = path.basename(file);
  if (/\.xlsx$/i.test(file)) {
    const workbook = await XlsxWorkbook.open(file);
    const snapshot = await workbook.read();
    try {
      const read = readPlan(snapshot, name);
      return { plan: read.plan, readErrors: read.errors.map((e) => e.message), workbook, snapshot };
    } catch (e) {
      if (e instanceof NotAPlanError) throw new UserError(e.message);
      throw e;
    }
  }
  if (/\.csv$/i.test(file)) {
    const text = fs.readFileSync(file, "utf8");
    const kind = detectCsvKind(parseCsv(text)[0] ?? []);
    const plan: Plan = { details: csvDetails(name, tier, framework), actions: [], measures: [], updates: [], register: [] };
    if (kind === "actions") plan.actions = readActionsCsv(text, name);
    else if (kind === "measures") plan.measures = readMeasuresCsv(text, name);
    else throw new UserError(`${name}: not an actions or measures CSV (actions need columns id,action,lead_officer,start_date,due_date,...)`);
    return { plan, readErrors: [] };
  }
  throw new UserError(`${name}: not a plan workbook (.xlsx) or CSV file`);
}

export async function runCheck(file: string, opts: CheckOptions): Promise<CheckReport> {
  const framework = loadFramework(opts.framework);
  const frameworkFile = opts.framework ? path.basename(opts.framework) : "sefton-framework.json";
  // Settings errors (a typo in the checks block) should stop the run before any file is read.
  const settings = (() => {
    try {
      return settingsFromFramework(framework, frameworkFile);
    } catch (e) {
      throw new UserError((e as Error).message);
    }
  })();
  if (opts.write && !opts.out) throw new UserError("--write needs --out FILE: the checked plan is copied there with its SMART check column filled in");
  if (opts.out && !opts.write) throw new UserError("--out is only used with --write");
  const tier = parseTier(opts.tier);
  const subject = await loadPlanFile(file, framework, tier);
  const parent = opts.parent ? await loadPlanFile(opts.parent, framework, "Directorate") : undefined;
  const children = [];
  for (const c of opts.child ?? []) children.push(await loadPlanFile(c, framework, tier === "Directorate" ? "Operational" : "Team"));

  const findings = checkPlan({ plan: subject.plan, framework, settings, parent: parent?.plan, children: children.map((c) => c.plan) });
  const summary = smartSummary(findings, subject.plan.actions);
  const report: CheckReport = {
    file: path.basename(file),
    planId: subject.plan.details.planId,
    tier: subject.plan.details.tier,
    findings,
    counts: { ...countFindings(findings), actions: subject.plan.actions.length, measures: subject.plan.measures.length, actionsPassing: summary.filter((s) => s === SMART_PASS).length },
    readErrors: [...subject.readErrors, ...(parent?.readErrors ?? []), ...children.flatMap((c) => c.readErrors)],
  };

  if (opts.write) await writeSummary(file, subject, findings, opts.out!);
  if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  else {
    for (const e of report.readErrors) process.stderr.write(`service-plan: ${e}\n`);
    process.stdout.write(formatReport(report));
    if (opts.write) process.stdout.write(`SMART check column written to ${opts.out}\n`);
  }
  if (hasErrors(findings) || report.readErrors.length > 0) process.exitCode = 1;
  return report;
}

function formatReport(r: CheckReport): string {
  const title = `SMART and golden-thread check of ${r.file} (${r.tier} plan ${r.planId}): ${r.counts.actionsPassing} of ${r.counts.actions} actions pass; ${r.counts.measures} measures checked`;
  return formatFindings(r.findings, title);
}

/** Copies the plan to `out` with the SMART check column of the Actions table filled in; never overwrites. */
async function writeSummary(file: string, subject: LoadedPlan, findings: Finding[], out: string): Promise<void> {
  if (!subject.workbook || !subject.snapshot) throw new UserError(`--write: ${path.basename(file)} is a CSV; only a plan workbook has a SMART check column to fill in`);
  if (path.resolve(out) === path.resolve(file)) throw new UserError(`--out: ${out} is the plan being checked; write to a new file`);
  if (fs.existsSync(out)) throw new UserError(`--out: ${out} already exists; choose a new file name (nothing is overwritten)`);
  const table = subject.snapshot.tables.find((t) => t.name === TABLES.actions);
  if (!table) throw new UserError(`${path.basename(file)}: no table named ${TABLES.actions}`);
  if (!table.headers.includes(STATUS_COLUMNS.smartCheck)) throw new UserError(`${path.basename(file)}: the ${TABLES.actions} table has no "${STATUS_COLUMNS.smartCheck}" column to write to`);
  const firstDataRow = parseRange(table.range).start.row + 1;
  await subject.workbook.writeColumn(TABLES.actions, STATUS_COLUMNS.smartCheck, smartSummaryColumn(findings, subject.plan.actions, firstDataRow, table.rows.length));
  await subject.workbook.save(out);
}

export function register(program: Command): void {
  program
    .command("check <plan>")
    .description("SMART and golden-thread check of a plan workbook (or an actions CSV): every finding with its cell and how to fix it")
    .option("--parent <file>", "the parent plan workbook, to check links against (the plan's Register sheet is used as well)")
    .option("--child <files...>", "child plan workbooks, to find actions of this plan that nothing serves")
    .option("--framework <file>", "council framework JSON (priorities and the checks settings block); default: the Sefton example")
    .option("--tier <tier>", "tier of a plan given as CSV: directorate, operational or team", undefined)
    .option("--json", "print the findings as JSON")
    .option("--write", "copy the plan to --out with the SMART check column filled in")
    .option("--out <file>", "where --write saves the checked copy (never overwritten)")
    .action(async (file: string, opts: CheckOptions) => {
      try {
        await runCheck(file, opts);
      } catch (e) {
        fail(e);
      }
    });
}
