// `service-plan new --tier directorate|operational|team [--framework FILE] [--plan-year 2024/25] [--plan-id ID] --out plan.xlsx [--force] [--json]`
// Creates an empty plan workbook of format v1 for one tier, with the council framework's settings.
import * as fs from "fs";
import * as path from "path";
import { Command } from "commander";
import { Framework } from "../../model/framework";
import { financialYearLabel, parseFinancialYear } from "../../model/period";
import { FORMAT_VERSION, PlanDetails, planDetailsSchema, Tier, TIERS } from "../../model/plan";
import { defaultReportingDate, planDesign } from "../../workbook/design";
import { XlsxWorkbook } from "../../xlsx/adapter";
import { fail, loadFramework, UserError } from "../shared";

export interface NewPlanOptions {
  tier: string;
  framework?: string;
  planYear?: string;
  planId?: string;
  out: string;
  force?: boolean;
  json?: boolean;
}

/** Sefton's plan ID prefixes: Directorate, Operational and Team Service Plans. */
const PREFIX: Record<Tier, string> = { Directorate: "DSP", Operational: "OSP", Team: "TP" };

export function parseTier(text: string): Tier {
  const tier = TIERS.find((t) => t.toLowerCase() === text.trim().toLowerCase());
  if (!tier) throw new UserError(`--tier: "${text}" is not a plan tier; use directorate, operational or team`);
  return tier;
}

export function newPlanDetails(tier: Tier, framework: Framework, planYear: string, planId?: string): PlanDetails {
  // Narrative and names start blank: the schema's defaults.
  return planDetailsSchema.parse({
    formatVersion: FORMAT_VERSION,
    planId: planId?.trim() || `${PREFIX[tier]}-NEW-${planYear.slice(0, 4)}`,
    tier,
    council: framework.council,
    planYear,
  });
}

export async function runNew(opts: NewPlanOptions): Promise<{ file: string; tier: Tier; planYear: string; reportingDate: string }> {
  const tier = parseTier(opts.tier);
  if (!/\.xlsx$/i.test(opts.out)) throw new UserError(`--out: "${opts.out}" must name an .xlsx file`);
  if (fs.existsSync(opts.out) && !opts.force) throw new UserError(`${opts.out}: already exists; use --force to replace it`);
  if (!fs.existsSync(path.dirname(path.resolve(opts.out)))) throw new UserError(`${opts.out}: the folder ${path.dirname(opts.out)} does not exist`);
  const framework = loadFramework(opts.framework);
  let planYear = framework.planYear;
  if (opts.planYear) {
    try {
      planYear = financialYearLabel(parseFinancialYear(opts.planYear));
    } catch (e) {
      throw new UserError(`--plan-year: ${(e as Error).message}`);
    }
  }
  const workbook = XlsxWorkbook.create(path.basename(opts.out));
  await workbook.apply(planDesign({ details: newPlanDetails(tier, framework, planYear, opts.planId), framework }));
  await workbook.save(opts.out);
  const result = { file: opts.out, tier, planYear, reportingDate: defaultReportingDate(planYear) };
  if (opts.json) process.stdout.write(JSON.stringify(result) + "\n");
  return result;
}

export function register(program: Command): void {
  program
    .command("new")
    .description("create an empty plan workbook (format v1) for a tier, with the council framework's settings")
    .requiredOption("--tier <tier>", "directorate, operational or team")
    .requiredOption("--out <file>", "the .xlsx file to create")
    .option("--framework <file>", "council framework JSON (default: the Sefton example)")
    .option("--plan-year <year>", "financial year, e.g. 2024/25 (default: the framework's)")
    .option("--plan-id <id>", "the plan's reference, e.g. OSP-ASCO-2024")
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
