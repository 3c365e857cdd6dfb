// Create a plan: the structured sheets of a new Directorate, Operational or Team plan, written into
// an empty workbook (the open one in Excel, or a new file).
import type { IsoDate } from "../model/dates";
import { Framework } from "../model/framework";
import { financialYearLabel, parseFinancialYear } from "../model/period";
import { FORMAT_VERSION, Measure, PlanDetails, planDetailsSchema, Tier, TIERS } from "../model/plan";
import { defaultReportingDate, planDesign } from "../workbook/design";
import type { WorkbookDesign, WorkbookPort, WorkbookSnapshot } from "../workbook/port";
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

/** Writes a new plan into `port`; a workbook that already holds a plan, or whose sheets the plan's would replace, is refused (nothing is written). */
export async function createPlan(port: WorkbookPort, input: NewPlanInput, framework: Framework, workbookName: string): Promise<CreatedPlan> {
  const details = newPlanDetails(input, framework);
  const design = planDesign({ details, framework, measures: input.measures, registerMeasures: input.registerMeasures });
  await refuseReplacing(port, design, workbookName);
  await port.apply(design);
  return { details, reportingDate: defaultReportingDate(details.planYear) };
}

/** Thrown before anything is written when a plan would replace what the user has; `sheets` names what is in the way. */
export class WouldReplaceError extends Error {
  constructor(
    message: string,
    readonly sheets: string[],
  ) {
    super(message);
    this.name = "WouldReplaceError";
  }
}

/** The design's sheets that hold something in the workbook (a value in any cell, or a table), and the design's tables already there under another sheet. */
function inTheWay(snapshot: WorkbookSnapshot, design: WorkbookDesign): string[] {
  const ours = new Set(design.sheets.map((s) => s.name.toLowerCase()));
  const tables = new Set(design.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
  const sheets = snapshot.sheets
    .filter((s) => ours.has(s.name.toLowerCase()) && (s.values.some((row) => row.some((v) => v !== null && v !== "")) || snapshot.tables.some((t) => t.sheet.toLowerCase() === s.name.toLowerCase())))
    .map((s) => s.name);
  const clashing = snapshot.tables.filter((t) => tables.has(t.name.toLowerCase()) && !sheets.includes(t.sheet)).map((t) => t.sheet);
  return [...new Set([...sheets, ...clashing])];
}

/**
 * The one overwrite rule for what the pane, ribbon and CLI write into a workbook: a plan never
 * replaces a sheet that holds the user's data. Reads only the sheets and tables the plan would make,
 * and refuses, naming them, before anything is written.
 */
export async function refuseReplacing(port: WorkbookPort, design: WorkbookDesign, workbookName: string): Promise<void> {
  const request = { sheets: design.sheets.map((s) => s.name), tables: design.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, columns: [] }))) };
  const snapshot = await port.update(request, (read) => ({ edits: [], result: read }));
  if (detectWorkbookKind(snapshot).kind === "plan") throw new WouldReplaceError(`${workbookName} already holds a plan: create the new plan in a new, empty workbook.`, inTheWay(snapshot, design));
  const busy = inTheWay(snapshot, design);
  if (busy.length === 0) return;
  const list = busy.map((n) => `"${n}"`).join(", ");
  throw new WouldReplaceError(
    `${workbookName}: the plan's sheets would replace your sheet${busy.length === 1 ? "" : "s"} ${list}, which hold${busy.length === 1 ? "s" : ""} data. Nothing was changed. ` +
      `Rename ${busy.length === 1 ? "it" : "them"} (for example to "${busy[0]} (original)") or use a new workbook, then try again.`,
    busy,
  );
}
