// `service-plan qsr <plan.xlsx> --period "2024/25 Q2" --out DIR [--draft] [--format xlsx,csv,json]
//   [--prepared-by NAME] [--prepared-on DATE] [--framework FILE] [--json]`
// Builds the Quarterly Service Report return of a plan workbook. A final return is refused (exit 1)
// while any exception lacks its reason, corrective action or recovery date; --draft writes it marked DRAFT.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Command } from "commander";
import { Period, parsePeriod } from "../../model/period";
import { BuildReturnOptions, ExceptionInfoMissingError, buildReturn } from "../../qsr/buildReturn";
import { describeMissing } from "../../qsr/exceptions";
import { writeReturnCsv } from "../../qsr/files/returnCsv";
import { returnJson } from "../../qsr/files/returnJson";
import { writeReturnXlsx } from "../../qsr/files/returnXlsx";
import { ReturnSettings } from "../../qsr/rowStatuses";
import { QsrReturn, isPreparedOn } from "../../qsr/schema";
import { readPlan } from "../../workbook/readPlan";
import { XlsxWorkbook } from "../../xlsx/adapter";
import { fail, loadFramework, UserError } from "../shared";

export const RETURN_FORMATS = ["xlsx", "csv", "json"] as const;
export type ReturnFormat = (typeof RETURN_FORMATS)[number];

export interface QsrCommandOptions {
  period: string;
  out: string;
  draft?: boolean;
  json?: boolean;
  format?: string;
  preparedBy?: string;
  preparedOn?: string;
  framework?: string;
}

export function parseFormats(text: string | undefined): ReturnFormat[] {
  const list = (text ?? "xlsx").split(",").map((f) => f.trim().toLowerCase()).filter((f) => f !== "");
  const bad = list.filter((f) => !(RETURN_FORMATS as readonly string[]).includes(f));
  if (bad.length > 0 || list.length === 0) throw new UserError(`--format: "${bad.join(",") || text}" is not a return format; use one or more of xlsx,csv,json`);
  return [...new Set(list)] as ReturnFormat[];
}

/** OSP-ASCO-2024-25-Q2 (plus -DRAFT): safe on every file system, sorts by plan then period; a plan ID ending in the year does not repeat it. */
export function returnFileStem(r: QsrReturn): string {
  const safe = (s: string) => s.replace(/[^0-9A-Za-z]+/g, "-").replace(/^-|-$/g, "");
  const [id, period] = [safe(r.header.planId), safe(r.header.period)];
  const year = /^(\d{4})-(.*)$/.exec(period);
  const stem = year && id.endsWith(`-${year[1]}`) ? `${id}-${year[2]}` : `${id}-${period}`;
  return `${stem}${r.header.status === "Draft" ? "-DRAFT" : ""}`;
}

export async function writeReturnFiles(r: QsrReturn, outDir: string, formats: ReturnFormat[]): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const base = path.join(outDir, returnFileStem(r));
  const written: string[] = [];
  for (const f of formats) {
    if (f === "xlsx") await writeReturnXlsx(r, `${base}.xlsx`);
    if (f === "json") fs.writeFileSync(`${base}.json`, returnJson(r));
    if (f === "csv") writeReturnCsv(r, `${base}-csv`);
    written.push(f === "csv" ? `${base}-csv` : `${base}.${f}`);
  }
  return written;
}

function nowUtc(): string {
  return new Date().toISOString().slice(0, 19) + "Z";
}

export async function runQsr(file: string, opts: QsrCommandOptions): Promise<{ written: string[]; ret: QsrReturn }> {
  let period: Period;
  try {
    period = parsePeriod(opts.period);
  } catch (e) {
    throw new UserError(`--period: ${(e as Error).message}`);
  }
  const formats = parseFormats(opts.format);
  const preparedOn = opts.preparedOn ?? nowUtc();
  if (!isPreparedOn(preparedOn)) throw new UserError(`--prepared-on: "${preparedOn}" is not a date (yyyy-mm-dd) or UTC time (yyyy-mm-ddThh:mm:ssZ)`);
  if (!fs.existsSync(file)) throw new UserError(`${file}: file not found`);
  if (!/\.xlsx$/i.test(file)) throw new UserError(`${file}: a return is built from a plan workbook (.xlsx)`);
  const name = path.basename(file);
  const read = readPlan(await (await XlsxWorkbook.open(file)).read(), name);
  if (read.errors.length > 0) throw new UserError(`${name}: the plan has ${read.errors.length} problem(s) to fix first:\n` + read.errors.map((e) => `  ${e.message}`).join("\n"));
  const framework = opts.framework ? loadFramework(opts.framework) : undefined;
  const settings: ReturnSettings = {
    reportingDate: read.settings.reportingDate,
    tolerances: framework?.tolerances ?? read.settings.tolerances,
    slippageMonths: framework?.slippageMonths ?? read.settings.slippageMonths,
  };
  const buildOpts: BuildReturnOptions = { preparedBy: opts.preparedBy ?? (read.plan.details.owner || os.userInfo().username), preparedOn, draft: opts.draft === true };
  let ret: QsrReturn;
  try {
    ret = buildReturn(read.plan, settings, period, buildOpts);
  } catch (e) {
    if (e instanceof ExceptionInfoMissingError) {
      const rows = e.missing.map((f) => `  ${f.source?.file ? "" : `${name} `}${describeMissing(f)}`).join("\n");
      throw new UserError(`${name}: cannot write a final return: ${e.missing.length} exception(s) need more information (or use --draft):\n${rows}`);
    }
    throw new UserError(`${name}: ${(e as Error).message}`);
  }
  const written = await writeReturnFiles(ret, opts.out, formats);
  if (opts.json) {
    const incomplete = ret.exceptions.filter((x) => x.missing !== "").length;
    process.stdout.write(JSON.stringify({ written, header: ret.header, actions: ret.actions.length, measures: ret.measures.length, exceptions: ret.exceptions.length, incompleteExceptions: incomplete }) + "\n");
  } else {
    for (const w of written) process.stdout.write(`${w}\n`);
  }
  return { written, ret };
}

export function register(program: Command): void {
  program
    .command("qsr <plan>")
    .description("write the Quarterly Service Report return of a plan workbook (refused while exceptions lack information, unless --draft)")
    .requiredOption("--period <period>", 'reporting period, e.g. "2024/25 Q2"')
    .requiredOption("--out <dir>", "folder to write the return into")
    .option("--draft", "write the return marked DRAFT even if exceptions are incomplete")
    .option("--format <list>", "xlsx, csv and/or json, comma separated", "xlsx")
    .option("--prepared-by <name>", "who prepared the return (default: the plan owner)")
    .option("--prepared-on <date>", "yyyy-mm-dd or yyyy-mm-ddThh:mm:ssZ (default: now)")
    .option("--framework <file>", "council framework JSON (overrides the plan's tolerances and slippage months)")
    .option("--json", "print a JSON summary to stdout")
    .action(async (file: string, opts: QsrCommandOptions) => {
      try {
        await runQsr(file, opts);
      } catch (e) {
        fail(e);
      }
    });
}
