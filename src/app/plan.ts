// Reading the plan held by a workbook: the first step of most use cases.
import { parseFinancialYear, Period, periodOfDate } from "../model/period";
import type { Plan } from "../model/plan";
import type { Framework } from "../model/framework";
import type { ReturnSettings } from "../qsr/rowStatuses";
import type { WorkbookPort, WorkbookSnapshot } from "../workbook/port";
import { detectWorkbookKind, PlanReadError, PlanSettings, readPlan } from "../workbook/readPlan";

export interface OpenPlan {
  snapshot: WorkbookSnapshot;
  plan: Plan;
  settings: PlanSettings;
  /** Rows that could not be read, each naming file, sheet and cell (they are read with blanks). */
  errors: PlanReadError[];
}

/** Reads the plan in `port`; an empty or loose workbook is refused with what to do instead. */
export async function openPlan(port: WorkbookPort, fileName: string): Promise<OpenPlan> {
  const snapshot = await port.read();
  return planOf(snapshot, fileName);
}

export function planOf(snapshot: WorkbookSnapshot, fileName: string): OpenPlan {
  const kind = detectWorkbookKind(snapshot).kind;
  if (kind === "empty") throw new Error(`${fileName} is empty: create a plan first.`);
  if (kind === "loose") throw new Error(`${fileName} is not a structured plan yet: convert it first.`);
  const read = readPlan(snapshot, fileName);
  return { snapshot, plan: read.plan, settings: read.settings, errors: read.errors };
}

/** The quarter the plan's ReportingDate falls in, else Q1 of the plan year. */
export function currentPeriod(open: Pick<OpenPlan, "plan" | "settings">): Period {
  if (open.settings.reportingDate) return periodOfDate(open.settings.reportingDate);
  return { startYear: parseFinancialYear(open.plan.details.planYear), quarter: 1 };
}

/** Statuses use the plan's own settings unless a framework file is given to override them. */
export function returnSettings(open: Pick<OpenPlan, "settings">, framework?: Framework): ReturnSettings {
  return {
    reportingDate: open.settings.reportingDate,
    tolerances: framework?.tolerances ?? open.settings.tolerances,
    slippageMonths: framework?.slippageMonths ?? open.settings.slippageMonths,
  };
}
