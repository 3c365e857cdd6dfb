// Reading the plan held by a workbook: the first step of most use cases.
import { parseFinancialYear, Period, periodLabel, periodOfDate } from "../model/period";
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

/** What the workbook is, for the pane's first screen: empty, loose (to convert) or a plan, with its details. */
export interface WorkbookOverview {
  kind: "empty" | "loose" | "plan";
  tier?: string;
  formatVersion?: number;
  planId?: string;
  planYear?: string;
  /** The quarter the ReportingDate cell is in, e.g. "2024/25 Q2". */
  reportingPeriod?: string;
  /** Problems reading a plan, each naming file, sheet and cell. */
  problems: string[];
}

export async function describeWorkbook(port: WorkbookPort, fileName: string): Promise<WorkbookOverview> {
  const snapshot = await port.read();
  const kind = detectWorkbookKind(snapshot);
  if (kind.kind !== "plan") return { kind: kind.kind, problems: [] };
  const read = readPlan(snapshot, fileName);
  const details = read.plan?.details;
  const reportingDate = read.settings.reportingDate;
  return {
    kind: "plan",
    tier: kind.tier ?? details?.tier,
    formatVersion: kind.formatVersion ?? details?.formatVersion,
    planId: details?.planId,
    planYear: details?.planYear,
    reportingPeriod: reportingDate ? periodLabel(periodOfDate(reportingDate)) : undefined,
    problems: read.errors.map((e) => e.message),
  };
}
