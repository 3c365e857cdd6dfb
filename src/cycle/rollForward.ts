// Next year's plan from this one (Sefton's annual cycle: plans are renewed each April). Actions not
// delivered and not stopped carry forward, marked, with their original due date; delivered and
// stopped ones are listed, not copied. Measures carry forward with this year's outturn as baseline
// and their targets blank for agreement, last year's target shown beside them. No sign-off and no
// history go across: this year's stay in this year's file.
import { formatUkDate, IsoDate } from "../model/dates";
import { financialYearLabel, parseFinancialYear, quarterEnd } from "../model/period";
import { Action, Measure, Plan, PlanDetails, RegisterEntry, FORMAT_VERSION } from "../model/plan";
import { actionStatuses, ReturnSettings } from "../qsr/rowStatuses";

export class RollForwardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RollForwardError";
  }
}

export interface RolledAction {
  id: string;
  action: string;
  dueDate: IsoDate | null;
  completedDate?: IsoDate | null;
}

export interface RolledMeasure {
  id: string;
  name: string;
  baseline: number | null;
  lastYearTarget: number | null;
}

export interface RollForwardSummary {
  fromYear: string;
  toYear: string;
  carriedForward: RolledAction[];
  delivered: RolledAction[];
  noLongerViable: RolledAction[];
  measures: RolledMeasure[];
}

export interface RolledPlan {
  details: PlanDetails;
  actions: Action[];
  measures: Measure[];
  register: RegisterEntry[];
  summary: RollForwardSummary;
}

/** DSP-ASC-2024 -> DSP-ASC-2025, OSP-X-2024-25 -> OSP-X-2025-26; an ID without the year stays as it is. */
function nextPlanId(planId: string, startYear: number): string {
  const two = (y: number) => String(y % 100).padStart(2, "0");
  const fy = new RegExp(`${startYear}([-/_])${two(startYear + 1)}`);
  if (fy.test(planId)) return planId.replace(fy, (_m, sep: string) => `${startYear + 1}${sep}${two(startYear + 2)}`);
  return planId.replace(new RegExp(`${startYear}(?!\\d)`), String(startYear + 1));
}

/** The carried-forward mark at the head of the progress narrative. */
function carriedForwardMark(fromYear: string, dueDate: IsoDate | null): string {
  return `Carried forward from ${fromYear}${dueDate ? ` (original due date ${formatUkDate(dueDate)})` : ""}.`;
}

/** This year's outturn: the latest quarter with a figure (Q4 for a full year). */
function outturn(m: Pick<Measure, "q1Actual" | "q2Actual" | "q3Actual" | "q4Actual">): number | null {
  return m.q4Actual ?? m.q3Actual ?? m.q2Actual ?? m.q1Actual ?? null;
}

export function rollForward(plan: Plan, settings: ReturnSettings, toYear: string): RolledPlan {
  const fromStart = parseFinancialYear(plan.details.planYear);
  let toStart: number;
  try {
    toStart = parseFinancialYear(toYear);
  } catch (e) {
    throw new RollForwardError(`--year: ${(e as Error).message}`);
  }
  if (toStart !== fromStart + 1)
    throw new RollForwardError(
      `--year: ${financialYearLabel(toStart)} does not follow the plan year ${plan.details.planYear}; roll forward one year at a time, to ${financialYearLabel(fromStart + 1)}`,
    );
  const fromYear = financialYearLabel(fromStart);
  const nextYear = financialYearLabel(toStart);

  // The year-end position: statuses at the last day of Q4.
  const yearEnd = { ...settings, reportingDate: quarterEnd({ startYear: fromStart, quarter: 4 }) };
  const summary: RollForwardSummary = { fromYear, toYear: nextYear, carriedForward: [], delivered: [], noLongerViable: [], measures: [] };
  const actions: Action[] = [];
  for (const { row, status } of actionStatuses(plan, { startYear: fromStart, quarter: 4 }, yearEnd)) {
    const brief: RolledAction = { id: row.id, action: row.action, dueDate: row.dueDate };
    if (status === "Delivered") summary.delivered.push({ ...brief, completedDate: row.completedDate });
    else if (status === "No longer viable") summary.noLongerViable.push(brief);
    else {
      summary.carriedForward.push(brief);
      const { source: _source, ...fields } = row;
      actions.push({
        ...fields,
        // The quarter's own reporting starts afresh; the narrative keeps what was last said.
        selfAssessedRag: null,
        progress: [carriedForwardMark(fromYear, row.dueDate), row.progress].filter((t) => t.trim() !== "").join(" "),
      });
    }
  }
  const measures: Measure[] = plan.measures.map((row) => {
    const { source: _source, ...fields } = row;
    const baseline = outturn(row);
    summary.measures.push({ id: row.id, name: row.name, baseline, lastYearTarget: row.annualTarget });
    return {
      ...fields,
      baseline,
      annualTarget: null,
      q1Target: null,
      q2Target: null,
      q3Target: null,
      q4Target: null,
      q1Actual: null,
      q2Actual: null,
      q3Actual: null,
      q4Actual: null,
      provisional: false,
      redReason: "",
      correctiveAction: "",
      recoveryDate: null,
      comments: `Target to agree. Last year's target (${fromYear}): ${row.annualTarget ?? "none"}; outturn ${baseline ?? "not reported"}.`,
    };
  });
  const details: PlanDetails = { ...plan.details, formatVersion: FORMAT_VERSION, planYear: nextYear, planId: nextPlanId(plan.details.planId, fromStart) };
  const register = plan.register.map(({ source: _source, ...r }) => r);
  return { details, actions, measures, register, summary };
}
