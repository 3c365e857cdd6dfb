// Statuses: RAG, direction of travel and action status of each measure and action for a quarter,
// the counts the pane and the ribbon show, and the plan's reporting quarter (its ReportingDate cell).
import { formatUkDate, IsoDate, isoToSerial } from "../model/dates";
import type { Tolerances } from "../model/framework";
import { parseFinancialYear, parsePeriod, Period, periodLabel, Quarter, quarterEnd } from "../model/period";
import type { Action, Located, Measure, Update } from "../model/plan";
import { actionStatuses, measureStatuses } from "../qsr/rowStatuses";
import { ACTION_STATUSES, ActionStatus } from "../status/actionStatus";
import { DIRECTIONS, Direction } from "../status/direction";
import { NAMES } from "../status/names";
import { Rag, RAGS } from "../status/rag";
import type { WorkbookPort } from "../workbook/port";
import { currentPeriod, OpenPlan } from "./plan";

export interface StatusReport {
  measures: { id: string; rag: Rag; direction: Direction }[];
  actions: { id: string; status: ActionStatus }[];
}

export interface StatusSettings {
  tolerances: Tolerances;
  slippageMonths: number;
}

/** The reporting date is the last day of the reporting quarter unless set otherwise; `history` is the plan's Updates table. */
export function statusReport(measures: Measure[], actions: Action[], period: Period, settings: StatusSettings, reportingDate: IsoDate = quarterEnd(period), history: Update[] = []): StatusReport {
  const returnSettings = { ...settings, reportingDate };
  // The row statuses keep each row's cell address for the return; a report by ID needs none.
  const located = <T>(rows: T[]) => rows as Located<T>[];
  return {
    measures: measureStatuses({ measures: located(measures), updates: located(history) }, period, returnSettings).map((m) => ({ id: m.row.id, rag: m.rag, direction: m.direction })),
    actions: actionStatuses({ actions: located(actions) }, period, returnSettings).map((a) => ({ id: a.row.id, status: a.status })),
  };
}

export type Counts = { label: string; count: number }[];

export interface StatusCounts {
  period: string;
  /** dd/mm/yyyy */
  reportingDate: string;
  rag: Counts;
  direction: Counts;
  actions: Counts;
}

const M_LABEL = { M: "Cannot be measured yet (M)" };

/** How many measures are at each RAG and direction, and actions at each status, in the plan's reporting quarter. */
export function statusCounts(open: Pick<OpenPlan, "plan" | "settings">): StatusCounts {
  const period = currentPeriod(open);
  const measures = measureStatuses(open.plan, period, open.settings);
  const actions = actionStatuses(open.plan, period, open.settings);
  const count = (labels: readonly string[], values: string[], rename: Record<string, string> = {}): Counts =>
    labels.map((label) => ({ label: rename[label] ?? label, count: values.filter((v) => v === label).length }));
  return {
    period: periodLabel(period),
    reportingDate: formatUkDate(open.settings.reportingDate ?? quarterEnd(period)),
    rag: count(
      RAGS,
      measures.map((m) => m.rag),
      M_LABEL,
    ),
    direction: count(
      DIRECTIONS,
      measures.map((m) => m.direction),
      M_LABEL,
    ),
    actions: count(
      ACTION_STATUSES,
      actions.map((a) => a.status),
    ),
  };
}

/** The plan year's four quarters (and the current one, if it lies outside the plan year). */
export function reportingQuarters(open: Pick<OpenPlan, "plan" | "settings">): { options: string[]; current: string } {
  const start = parseFinancialYear(open.plan.details.planYear);
  const options = ([1, 2, 3, 4] as Quarter[]).map((quarter) => periodLabel({ startYear: start, quarter }));
  const current = periodLabel(currentPeriod(open));
  return { options: options.includes(current) ? options : [current, ...options], current };
}

/** Sets the ReportingDate cell to the last day of the quarter; every status formula follows it. */
export async function setReportingQuarter(port: WorkbookPort, label: string): Promise<void> {
  await port.setNamedValue(NAMES.reportingDate, isoToSerial(quarterEnd(parsePeriod(label))));
}
