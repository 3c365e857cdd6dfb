// `service-plan status FILE --period "2024/25 Q2" [--framework FILE] [--json]`
// FILE is a measures CSV, an actions CSV or a plan workbook.
import * as fs from "fs";
import * as path from "path";
import { Command } from "commander";
import { statusReport, StatusReport, StatusSettings } from "../../app/status";
import { parseCsv } from "../../csv/parse";
import { MAX_CSV_BYTES, readTextFile } from "../../csv/readFile";
import { detectCsvKind, readActionsCsv, readMeasuresCsv } from "../../csv/planCsv";
import { DEFAULT_SLIPPAGE_MONTHS, DEFAULT_TOLERANCES } from "../../model/framework";
import { IsoDate } from "../../model/dates";
import { Period, parsePeriod, periodLabel, periodOfDate, quarterEnd } from "../../model/period";
import { Action, Located, Measure, Update } from "../../model/plan";
import { readPlan } from "../../workbook/readPlan";
import { XlsxWorkbook } from "../../xlsx/adapter";
import { fail, loadFramework, parseDateOption, UserError } from "../shared";

interface Loaded {
  measures: Located<Measure>[];
  actions: Located<Action>[];
  /** The Updates history (plan workbooks only). */
  updates?: Located<Update>[];
  /** Settings held in the file itself (plan workbooks only). */
  settings?: StatusSettings;
}

async function loadInput(file: string): Promise<Loaded> {
  if (!fs.existsSync(file)) throw new UserError(`${file}: file not found`);
  const name = path.basename(file);
  if (/\.xlsx$/i.test(file)) {
    const workbook = await XlsxWorkbook.open(file);
    const read = readPlan(await workbook.read(), name);
    if (read.errors.length > 0) {
      throw new UserError(read.errors.map((e) => (typeof e === "string" ? e : e.message)).join("\n"));
    }
    return { measures: read.plan.measures, actions: read.plan.actions, updates: read.plan.updates, settings: { tolerances: read.settings.tolerances, slippageMonths: read.settings.slippageMonths } };
  }
  // The safe reader (type and size first) and the encoding from the bytes, said when guessed.
  const decoded = readTextFile(file, MAX_CSV_BYTES, name);
  if (decoded.note) process.stderr.write(`service-plan: ${decoded.note}\n`);
  const text = decoded.text;
  const rows = parseCsv(text, name);
  const kind = detectCsvKind(rows[0] ?? []);
  if (kind === "measures") return { measures: readMeasuresCsv(text, name), actions: [] };
  if (kind === "actions") return { measures: [], actions: readActionsCsv(text, name) };
  throw new UserError(`${name}: not a measures or actions CSV (measures need columns id,name,type,polarity,frequency,...; actions need id,action,lead_officer,start_date,due_date,...)`);
}

/** Reads --reporting-date (yyyy-mm-dd or dd/mm/yyyy); it must fall in the reporting period. */
function parseReportingDate(text: string, period: Period): IsoDate {
  const iso = parseDateOption(text, "--reporting-date");
  const inPeriod = periodOfDate(iso);
  if (inPeriod.startYear !== period.startYear || inPeriod.quarter !== period.quarter) {
    throw new UserError(`--reporting-date: ${text} is in ${periodLabel(inPeriod)}, not in ${periodLabel(period)}`);
  }
  return iso;
}

async function runStatus(file: string, opts: { period: string; reportingDate?: string; framework?: string; json?: boolean }): Promise<StatusReport> {
  let period: Period;
  try {
    period = parsePeriod(opts.period);
  } catch (e) {
    throw new UserError(`--period: ${(e as Error).message}`);
  }
  const reportingDate = opts.reportingDate ? parseReportingDate(opts.reportingDate, period) : quarterEnd(period);
  const input = await loadInput(file);
  const settings: StatusSettings = opts.framework
    ? (({ tolerances, slippageMonths }) => ({ tolerances, slippageMonths }))(loadFramework(opts.framework))
    : (input.settings ?? { tolerances: DEFAULT_TOLERANCES, slippageMonths: DEFAULT_SLIPPAGE_MONTHS });
  const report = statusReport(input.measures, input.actions, period, settings, reportingDate, input.updates);
  if (opts.json) {
    process.stdout.write(JSON.stringify(report) + "\n");
  } else {
    process.stdout.write(
      formatReport(
        report,
        periodLabel(period),
        new Map<string, string>([...input.measures.map((m): [string, string] => [m.id, m.name]), ...input.actions.map((a): [string, string] => [a.id, a.action])]),
      ),
    );
  }
  return report;
}

/** Each row with its name, then totals; "M" is explained wherever it appears. */
function formatReport(report: StatusReport, label: string, names: Map<string, string>): string {
  const name = (id: string) => {
    const n = (names.get(id) ?? "").replace(/\s+/g, " ");
    return n.length > 48 ? `${n.slice(0, 47)}…` : n;
  };
  const totals = (values: string[]) => {
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].map(([v, n]) => `${v} ${n}`).join(", ");
  };
  const lines = [`Statuses for ${label}`];
  if (report.measures.length) {
    lines.push("", `Measures (${report.measures.length})`, `  ${"ID".padEnd(14)} ${"Measure".padEnd(48)} ${"RAG".padEnd(6)} Direction of travel`);
    lines.push(...report.measures.map((m) => `  ${m.id.padEnd(14)} ${name(m.id).padEnd(48)} ${m.rag.padEnd(6)} ${m.direction}`));
    lines.push(`  RAG: ${totals(report.measures.map((m) => m.rag))}`, `  Direction of travel: ${totals(report.measures.map((m) => m.direction))}`);
  }
  if (report.actions.length) {
    lines.push("", `Actions (${report.actions.length})`, ...report.actions.map((a) => `  ${a.id.padEnd(14)} ${name(a.id).padEnd(48)} ${a.status}`));
    lines.push(`  Totals: ${totals(report.actions.map((a) => a.status))}`);
  }
  if (report.measures.some((m) => m.rag === "M" || m.direction === "M")) {
    lines.push("", "M: cannot be measured yet (no figure for the quarter, no target to compare with, or an annual measure not yet reported).");
  }
  return lines.join("\n") + "\n";
}

export function register(program: Command): void {
  program
    .command("status <file>")
    .description("RAG, direction of travel and action status for a period, from a measures CSV, an actions CSV or a plan workbook")
    .requiredOption("--period <period>", 'reporting period, e.g. "2024/25 Q2"')
    .option("--reporting-date <date>", "reporting date within the period (default: the last day of its quarter)")
    .option("--framework <file>", "council framework JSON (tolerances, slippage months)")
    .option("--json", "print JSON")
    .action(async (file: string, opts: { period: string; reportingDate?: string; framework?: string; json?: boolean }) => {
      try {
        await runStatus(file, opts);
      } catch (e) {
        fail(e);
      }
    });
}
