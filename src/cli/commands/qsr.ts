// `service-plan qsr <plan.xlsx> --period "2024/25 Q2" --out DIR [--draft] [--format xlsx,csv,json]
//   [--prepared-by NAME] [--prepared-on DATE] [--framework FILE] [--json]`
// Builds the Quarterly Service Report return of a plan workbook (src/app/qsr.ts) and writes its files. A final return is refused (exit 1)
// while any exception lacks its reason, corrective action or recovery date; --draft writes it marked DRAFT.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Command } from "commander";
import { planOf } from "../../app/plan";
import { prepareReturn, RETURN_FORMATS, ReturnFormat, returnFiles } from "../../app/qsr";
import { checkOutputPath, inputsOf, OutputRules, saveBytes } from "../../files/outputs";
import { parseUserDate } from "../../model/dates";
import { Period, parsePeriod } from "../../model/period";
import { QsrReturn, isPreparedOn } from "../../qsr/schema";
import { XlsxWorkbook } from "../../xlsx/adapter";
import { fail, loadFramework, UserError } from "../shared";

interface QsrCommandOptions {
  period: string;
  out: string;
  draft?: boolean;
  json?: boolean;
  format?: string;
  preparedBy?: string;
  preparedOn?: string;
  framework?: string;
  force?: boolean;
}

function parseFormats(text: string | undefined): ReturnFormat[] {
  const list = (text ?? "xlsx")
    .split(",")
    .map((f) => f.trim().toLowerCase())
    .filter((f) => f !== "");
  const bad = list.filter((f) => !(RETURN_FORMATS as readonly string[]).includes(f));
  if (bad.length > 0 || list.length === 0) throw new UserError(`--format: "${bad.join(",") || text}" is not a return format; use one or more of xlsx,csv,json`);
  return [...new Set(list)] as ReturnFormat[];
}

/**
 * Writes the return's files into `outDir` by the one overwrite rule: an existing file only with
 * --force, never an input (the plan). Every path is checked before anything is written.
 */
async function writeReturnFiles(r: QsrReturn, outDir: string, formats: ReturnFormat[], rules: OutputRules = { inputs: [] }): Promise<string[]> {
  const files = await returnFiles(r, formats);
  const targets = files.map((f) => path.join(outDir, ...f.path.split("/")));
  for (const t of targets) checkOutputPath(t, rules);
  for (let i = 0; i < files.length; i++) {
    fs.mkdirSync(path.dirname(targets[i]), { recursive: true });
    await saveBytes(targets[i], () => files[i].bytes, rules);
  }
  // A CSV return is one folder of four files: name the folder once.
  return [...new Set(targets.map((t) => (t.endsWith(".csv") ? path.dirname(t) : t)))];
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
  const preparedOn = opts.preparedOn === undefined ? nowUtc() : (parseUserDate(opts.preparedOn) ?? opts.preparedOn);
  if (!isPreparedOn(preparedOn)) throw new UserError(`--prepared-on: "${opts.preparedOn}" is not a date (dd/mm/yyyy) or UTC time (yyyy-mm-ddThh:mm:ssZ)`);
  if (!fs.existsSync(file)) throw new UserError(`${file}: file not found`);
  if (!/\.xlsx$/i.test(file)) throw new UserError(`${file}: a return is built from a plan workbook (.xlsx)`);
  const name = path.basename(file);
  const open = planOf(await (await XlsxWorkbook.open(file)).read(), name);
  if (open.errors.length > 0) throw new UserError(`${name}: the plan has ${open.errors.length} problem(s) to fix first:\n` + open.errors.map((e) => `  ${e.message}`).join("\n"));
  let ret: QsrReturn;
  try {
    ret = prepareReturn(open, {
      period,
      preparedBy: opts.preparedBy ?? (open.plan.details.owner || os.userInfo().username),
      preparedOn,
      draft: opts.draft === true,
      framework: opts.framework ? loadFramework(opts.framework) : undefined,
      fileName: name,
    });
  } catch (e) {
    throw new UserError((e as Error).message.replace("(or make it a draft)", "(or use --draft)"));
  }
  const written = await writeReturnFiles(ret, opts.out, formats, { force: opts.force, inputs: inputsOf(file, opts.framework) });
  if (opts.json) {
    const incomplete = ret.exceptions.filter((x) => x.missing !== "").length;
    process.stdout.write(
      JSON.stringify({ written, header: ret.header, actions: ret.actions.length, measures: ret.measures.length, exceptions: ret.exceptions.length, incompleteExceptions: incomplete }) + "\n",
    );
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
    .option("--prepared-on <date>", "dd/mm/yyyy or yyyy-mm-ddThh:mm:ssZ (default: now)")
    .option("--framework <file>", "council framework JSON (overrides the plan's tolerances and slippage months)")
    .option("--force", "replace return files already in the folder (the plan itself is never written)")
    .option("--json", "print a JSON summary to stdout")
    .action(async (file: string, opts: QsrCommandOptions) => {
      try {
        await runQsr(file, opts);
      } catch (e) {
        fail(e);
      }
    });
}
