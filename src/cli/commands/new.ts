// `service-plan new --tier directorate|operational|team [--framework FILE] [--plan-year 2024/25] [--plan-id ID] --out plan.xlsx [--force] [--json]`
// Creates an empty plan workbook for one tier, with the council framework's settings.
import { checkOutputPath, inputsOf, saveWorkbook } from "../../files/outputs";
import * as fs from "fs";
import * as path from "path";
import { Command } from "commander";
import { createPlan, parseTier } from "../../app/create";
import type { Tier } from "../../model/plan";
import { XlsxWorkbook } from "../../xlsx/adapter";
import { fail, loadFramework, UserError } from "../shared";
import { measuresFromRegister } from "../../model/measureRegister";
import { loadRegister } from "./report";

interface NewPlanOptions {
  tier: string;
  framework?: string;
  planYear?: string;
  planId?: string;
  register?: string;
  measures?: string;
  out: string;
  force?: boolean;
  json?: boolean;
}

async function runNew(opts: NewPlanOptions): Promise<{ file: string; tier: Tier; planYear: string; reportingDate: string }> {
  if (!/\.xlsx$/i.test(opts.out)) throw new UserError(`--out: "${opts.out}" must name an .xlsx file`);
  // The one overwrite rule (an existing file only with --force; never the framework read), before any work.
  const rules = { force: opts.force, inputs: inputsOf(opts.framework) };
  checkOutputPath(opts.out, rules);
  if (!fs.existsSync(path.dirname(path.resolve(opts.out)))) throw new UserError(`${opts.out}: the folder ${path.dirname(opts.out)} does not exist`);
  try {
    parseTier(opts.tier);
  } catch {
    throw new UserError(`--tier: "${opts.tier}" is not a plan tier; use directorate, operational or team`);
  }
  const framework = loadFramework(opts.framework);
  if (opts.measures && !opts.register) throw new UserError("--measures needs --register FILE: the measures are filled in from the register");
  let measures;
  let registerMeasures;
  if (opts.register) {
    const index = loadRegister(opts.register);
    registerMeasures = index.register.measures;
    try {
      measures = measuresFromRegister(index, (opts.measures ?? "").split(","), path.basename(opts.register));
    } catch (e) {
      throw new UserError((e as Error).message);
    }
  }
  const workbook = XlsxWorkbook.create(path.basename(opts.out));
  let created;
  try {
    created = await createPlan(workbook, { tier: opts.tier, planYear: opts.planYear, planId: opts.planId, measures, registerMeasures }, framework, path.basename(opts.out));
  } catch (e) {
    throw new UserError((e as Error).message.replace(/^Plan year: /, "--plan-year: "));
  }
  await saveWorkbook(workbook, opts.out, rules);
  const result = { file: opts.out, tier: created.details.tier, planYear: created.details.planYear, reportingDate: created.reportingDate };
  if (opts.json) process.stdout.write(JSON.stringify(result) + "\n");
  return result;
}

export function register(program: Command): void {
  program
    .command("new")
    .description("create an empty plan workbook for a tier (directorate, operational or team), with the council framework's settings, live status formulas and dropdowns")
    .requiredOption("--tier <tier>", "directorate, operational or team")
    .requiredOption("--out <file>", "the .xlsx file to create")
    .option("--framework <file>", "council framework JSON (default: the Sefton example)")
    .option("--plan-year <year>", "financial year, e.g. 2024/25 (default: the framework's)")
    .option("--plan-id <id>", "the plan's reference, e.g. OSP-ASCO-2024")
    .option("--register <file>", "the measure register JSON: its IDs are offered in the Measure ID dropdown, and --measures are filled in from it")
    .option(
      "--measures <ids>",
      "register measure IDs or Corporate Plan priority IDs, comma-separated (e.g. SM15,SM16 or CP2): their name, polarity, unit, frequency, data source and officer come from the register",
    )
    .option("--force", "replace the file if it exists")
    .option("--json", "print what was created as JSON")
    .action(async (opts: NewPlanOptions) => {
      try {
        await runNew(opts);
      } catch (e) {
        fail(e);
      }
    });
}
