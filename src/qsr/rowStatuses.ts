// The statuses a return reports for each plan row in one quarter, worked out once with src/status
// so the return, the exception rules and the CLI all agree.
import { Tolerances } from "../model/framework";
import { IsoDate } from "../model/dates";
import { Period, Quarter, parsePeriod, quarterEnd, quarterStart } from "../model/period";
import { Action, Located, Measure, Plan, Update } from "../model/plan";
import { actionStatus, ActionStatus } from "../status/actionStatus";
import { comparatorFor, directionOfTravel, Direction } from "../status/direction";
import { lastYearFigures } from "../status/history";
import { measureRag, Rag, RAGS, targetFor, ytdActual, ytdTarget } from "../status/rag";

export interface ReturnSettings {
  /** The plan's ReportingDate; used when it falls inside the period, else the quarter end is. */
  reportingDate?: IsoDate | null;
  tolerances: Tolerances;
  slippageMonths: number;
}

export interface ActionRowStatus {
  row: Located<Action>;
  status: ActionStatus;
}

export interface MeasureRowStatus {
  row: Located<Measure>;
  target: number | null;
  actual: number | null;
  comparedWith: number | null;
  rag: Rag;
  /** The previous quarter's RAG: from the plan's figures, else from its Updates table; null when unknown. */
  previousRag: Rag | null;
  direction: Direction;
}

/** The date the return reports at: the plan's reporting date if it lies in the period, else the quarter end. */
export function reportingDateFor(period: Period, settings: ReturnSettings): IsoDate {
  const d = settings.reportingDate;
  return d && d >= quarterStart(period) && d <= quarterEnd(period) ? d : quarterEnd(period);
}

function previousPeriod(p: Period): Period {
  return p.quarter === 1 ? { startYear: p.startYear - 1, quarter: 4 } : { startYear: p.startYear, quarter: (p.quarter - 1) as Quarter };
}

/** The RAG an update row recorded for a period, keyed by item ID; blank or non-RAG statuses are ignored. */
function updateRags(updates: Update[], period: Period): Map<string, Rag> {
  const found = new Map<string, Rag>();
  for (const u of updates) {
    let p: Period;
    try {
      p = parsePeriod(u.period);
    } catch {
      continue; // a mistyped period in the history cannot make a row an exception
    }
    if (p.startYear !== period.startYear || p.quarter !== period.quarter) continue;
    const rag = RAGS.find((r) => r.toLowerCase() === u.status.trim().toLowerCase());
    if (rag) found.set(u.itemId, rag);
  }
  return found;
}

export function actionStatuses(plan: Pick<Plan, "actions">, period: Period, settings: ReturnSettings): ActionRowStatus[] {
  const reportingDate = reportingDateFor(period, settings);
  return plan.actions.map((row) => ({ row, status: actionStatus(row, reportingDate, settings.slippageMonths) }));
}

export function measureStatuses(plan: Pick<Plan, "measures" | "updates">, period: Period, settings: ReturnSettings): MeasureRowStatus[] {
  const q = period.quarter;
  const previous = previousPeriod(period);
  const recorded = updateRags(plan.updates, previous);
  // Cumulative measures compare with the same quarter last year, when the history holds it.
  const lastYear = lastYearFigures(plan.updates, period);
  return plan.measures.map((row) => {
    const sameQuarterLastYear = lastYear.get(row.id.toLowerCase()) ?? null;
    // Q1's previous quarter is last year's Q4: this plan has no figures for it, only its Updates history.
    const fromFigures = q > 1 ? measureRag(row, previous.quarter, settings.tolerances) : "M";
    return {
      row,
      target: ytdTarget(row, q) ?? targetFor(row, q),
      actual: ytdActual(row, q),
      comparedWith: comparatorFor(row, q, sameQuarterLastYear),
      rag: measureRag(row, q, settings.tolerances),
      previousRag: fromFigures !== "M" ? fromFigures : (recorded.get(row.id) ?? null),
      direction: directionOfTravel(row, q, sameQuarterLastYear),
    };
  });
}
