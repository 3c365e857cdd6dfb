// Create a plan: the structured sheets of a new Directorate, Operational or Team plan, written into
// an empty workbook (the open one in Excel, or a new file).
import type { IsoDate } from "../model/dates";
import { Framework } from "../model/framework";
import { financialYearLabel, parseFinancialYear } from "../model/period";
import { FORMAT_VERSION, Measure, PlanDetails, planDetailsSchema, Tier, TIERS } from "../model/plan";
import { defaultReportingDate, planDesign } from "../workbook/design";
import type { WorkbookPort } from "../workbook/port";
import { detectWorkbookKind } from "../workbook/readPlan";

export interface NewPlanInput {
  tier: string;
  /** Financial year, e.g. "2024/25"; default the framework's. */
  planYear?: string;
  /** Default e.g. "OSP-NEW-2024". */
  planId?: string;
  directorate?: string;
  service?: string;
  team?: string;
  owner?: string;
  /** Measures to start with, e.g. filled in from the measure register (model/measureRegister.ts). */
  measures?: Measure[];
  /** The measure register's measures: offered in the Measure ID dropdown. */
  registerMeasures?: readonly { id: string; name: string }[];
}

/** Sefton's plan ID prefixes: Directorate, Operational and Team Service Plans. */
const PREFIX: Record<Tier, string> = { Directorate: "DSP", Operational: "OSP", Team: "TP" };

export function parseTier(text: string): Tier {
  const tier = TIERS.find((t) => t.toLowerCase() === text.trim().toLowerCase());
  if (!tier) throw new Error(`"${text}" is not a plan tier: choose Directorate, Operational or Team.`);
  return tier;
}

/** The plan details of a new plan; narrative and names start blank (the schema's defaults). */
export function newPlanDetails(input: NewPlanInput, framework: Framework): PlanDetails {
  const tier = parseTier(input.tier);
  let planYear = framework.planYear;
  if (input.planYear?.trim()) {
    try {
      planYear = financialYearLabel(parseFinancialYear(input.planYear));
    } catch (e) {
      throw new Error(`Plan year: ${(e as Error).message}`);
    }
  }
  const parsed = planDetailsSchema.safeParse({
    formatVersion: FORMAT_VERSION,
    planId: input.planId?.trim() || `${PREFIX[tier]}-NEW-${planYear.slice(0, 4)}`,
    tier,
    council: framework.council,
    directorate: input.directorate ?? "",
    service: input.service ?? "",
    team: input.team ?? "",
    planYear,
    owner: input.owner ?? "",
  });
  if (!parsed.success) throw new Error(`The plan details are not complete: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

export interface CreatedPlan {
  details: PlanDetails;
  /** The ReportingDate the new plan starts with (the end of Q1 of its year). */
  reportingDate: IsoDate;
}

/** Writes a new plan into `port`; a workbook that already holds a plan is refused (nothing is replaced). */
export async function createPlan(port: WorkbookPort, input: NewPlanInput, framework: Framework, workbookName: string): Promise<CreatedPlan> {
  const details = newPlanDetails(input, framework);
  if (detectWorkbookKind(await port.read()).kind === "plan") {
    throw new Error(`${workbookName} already holds a plan: create the new plan in a new, empty workbook.`);
  }
  await port.apply(planDesign({ details, framework, measures: input.measures, registerMeasures: input.registerMeasures }));
  return { details, reportingDate: defaultReportingDate(details.planYear) };
}
