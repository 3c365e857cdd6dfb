// Action status on the reporting date. The first matching rule wins; labels are the council's own.
// actionStatus.formula.ts is the same rule as a sheet formula.
import { IsoDate } from "../model/dates";
import { periodOfDate, quarterEnd } from "../model/period";
import { Action } from "../model/plan";

export const ACTION_STATUSES = ["No longer viable", "Delivered", "Scheduled for future quarters", "No due date", "Slipped (more than 3 months)", "Slipped (less than 3 months)", "On target"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export type ActionStatusInput = Pick<Action, "noLongerViable" | "startDate" | "dueDate" | "revisedDueDate" | "completedDate">;

// ISO dates (yyyy-mm-dd) order correctly as strings, so most rules compare strings; only the
// slippage edge needs arithmetic, done on yyyymmdd integers to avoid a Date per action.

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

function dateKey(iso: IsoDate): number {
  return digits(iso, 0, 4) * 10000 + digits(iso, 5, 7) * 100 + digits(iso, 8, 10);
}

/** EDATE(iso, months) as a yyyymmdd integer: same day, clamped to the end of a shorter month. */
export function monthsLaterKey(iso: IsoDate, months: number): number {
  const total = digits(iso, 0, 4) * 12 + digits(iso, 5, 7) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return year * 10000 + month * 100 + Math.min(digits(iso, 8, 10), monthDays);
}

// The reporting date is the same for every action in a run: remember its quarter end.
let lastReportingDate = "";
let lastQuarterEnd = "";
function reportingQuarterEnd(reportingDate: IsoDate): IsoDate {
  if (reportingDate !== lastReportingDate) {
    lastQuarterEnd = quarterEnd(periodOfDate(reportingDate));
    lastReportingDate = reportingDate;
  }
  return lastQuarterEnd;
}

/**
 * 1. No longer viable: flagged. 2. Delivered: completed on or before the reporting date (a later
 * completion date is not yet delivered). 3. Scheduled for future quarters: starts after the
 * reporting quarter ends. 4. No due date: nothing approved to measure against. Otherwise the
 * expected date (the later of the reporting date and the revised due date, or the due date when
 * not revised) against the approved due date: on or after EDATE(due, slippageMonths) is Slipped
 * (more than 3 months), any later is Slipped (less than 3 months), else On target.
 */
export function actionStatus(a: ActionStatusInput, reportingDate: IsoDate, slippageMonths: number): ActionStatus {
  if (a.noLongerViable) return "No longer viable";
  if (a.completedDate !== null && a.completedDate <= reportingDate) return "Delivered";
  if (a.startDate !== null && a.startDate > reportingQuarterEnd(reportingDate)) return "Scheduled for future quarters";
  const due = a.dueDate;
  if (due === null) return "No due date";
  const planned = a.revisedDueDate ?? due;
  const expected = planned > reportingDate ? planned : reportingDate;
  if (dateKey(expected) >= monthsLaterKey(due, slippageMonths)) return "Slipped (more than 3 months)";
  if (expected > due) return "Slipped (less than 3 months)";
  return "On target";
}
