// Which rows of a return are exceptions, and what each must explain. The rules follow the council
// frameworks in the seeds (Cheshire West 2016, section 7; Wirral 2013, section 4.1):
//  - an action slipped more than the slippage threshold (3 months) needs the reason for slippage,
//    the corrective action and a recovery date;
//  - at Q2 (mid-year) and Q4 (year-end) a Key Performance Indicator reporting Red needs the reason,
//    the corrective action and a recovery date;
//  - at Q1 and Q3 every measure, key or not, that was Red the previous quarter is reported by exception:
//    reason and corrective action, and a recovery date while it is still Red.
// "Red the previous quarter" is worked out from the plan's own figures; for Q1 (whose previous quarter,
// Q4, belongs to last year's plan) and for a quarter without figures, it falls back to the plan's Updates
// table: an update for the previous period saying Red. Otherwise it is not an exception.
import { Period, Quarter } from "../model/period";
import { Plan, RowSource, cellOf } from "../model/plan";
import { ActionRowStatus, MeasureRowStatus, ReturnSettings, actionStatuses, measureStatuses } from "./rowStatuses";
import { RED, SLIPPED_MORE } from "./statusValues";

export interface ExceptionNeed {
  /** The plan field to fill, e.g. "slippageReason". */
  field: "slippageReason" | "redReason" | "correctiveAction" | "recoveryDate";
  /** What the field is called in the plan, e.g. "Reason for slippage". */
  label: string;
}

export interface ExceptionFinding {
  itemType: "Action" | "Measure";
  id: string;
  /** Why this row is an exception, in words a reviewer recognises. */
  rule: string;
  status: string;
  reason: string;
  correctiveAction: string;
  recoveryDate: string | null;
  /** Everything the rule asks for, and (in missing) what is still blank. */
  needs: ExceptionNeed[];
  missing: ExceptionNeed[];
  source?: RowSource;
}

export interface ActionForException {
  id: string;
  status: string;
  slippageReason: string;
  correctiveAction: string;
  recoveryDate: string | null;
  source?: RowSource;
}

export interface MeasureForException {
  id: string;
  keyMeasure: boolean;
  rag: string;
  previousRag: string | null;
  redReason: string;
  correctiveAction: string;
  recoveryDate: string | null;
  source?: RowSource;
}

const SLIPPAGE_REASON: ExceptionNeed = { field: "slippageReason", label: "Reason for slippage" };
const RED_REASON: ExceptionNeed = { field: "redReason", label: "Reason if Red" };
const CORRECTIVE: ExceptionNeed = { field: "correctiveAction", label: "Corrective action" };
const RECOVERY: ExceptionNeed = { field: "recoveryDate", label: "Recovery date" };

function isBlank(v: string | null): boolean {
  return v === null || v.trim() === "";
}

function missingOf(needs: ExceptionNeed[], row: Record<ExceptionNeed["field"], string | null | undefined>): ExceptionNeed[] {
  return needs.filter((n) => isBlank(row[n.field] ?? null));
}

export function actionException(a: ActionForException, slippageMonths: number): ExceptionFinding | null {
  if (a.status !== SLIPPED_MORE) return null;
  const needs = [SLIPPAGE_REASON, CORRECTIVE, RECOVERY];
  return {
    itemType: "Action",
    id: a.id,
    rule: `Slipped more than ${slippageMonths} months`,
    status: a.status,
    reason: a.slippageReason,
    correctiveAction: a.correctiveAction,
    recoveryDate: a.recoveryDate,
    needs,
    missing: missingOf(needs, { slippageReason: a.slippageReason, redReason: null, correctiveAction: a.correctiveAction, recoveryDate: a.recoveryDate }),
    source: a.source,
  };
}

export function measureException(m: MeasureForException, quarter: Quarter): ExceptionFinding | null {
  let rule: string | null = null;
  let needs: ExceptionNeed[] = [];
  if ((quarter === 2 || quarter === 4) && m.keyMeasure && m.rag === RED) {
    rule = `Key measure Red at ${quarter === 2 ? "mid-year (Q2)" : "year-end (Q4)"}`;
    needs = [RED_REASON, CORRECTIVE, RECOVERY];
  } else if ((quarter === 1 || quarter === 3) && m.previousRag === RED) {
    rule = `Red the previous quarter (${quarter === 1 ? "Q4 last year" : "Q2"})`;
    needs = m.rag === RED ? [RED_REASON, CORRECTIVE, RECOVERY] : [RED_REASON, CORRECTIVE];
  }
  if (rule === null) return null;
  return {
    itemType: "Measure",
    id: m.id,
    rule,
    status: m.rag,
    reason: m.redReason,
    correctiveAction: m.correctiveAction,
    recoveryDate: m.recoveryDate,
    needs,
    missing: missingOf(needs, { slippageReason: null, redReason: m.redReason, correctiveAction: m.correctiveAction, recoveryDate: m.recoveryDate }),
    source: m.source,
  };
}

/** "Actions row 3, action SLIP (Slipped more than 3 months): needs Corrective action in Actions!R3, ..." */
export function describeMissing(f: ExceptionFinding): string {
  const src = f.source;
  const where = src ? `${src.file ? `${src.file} ` : ""}${src.sheet} row ${src.row}, ` : "";
  return `${where}${f.itemType.toLowerCase()} ${f.id} (${f.rule}): ${describeNeeds(f)}`;
}

/** What an exception needs, without saying which item it is (for a list already labelled by item). */
export function describeNeeds(f: ExceptionFinding): string {
  const src = f.source;
  const needs = f.missing.map((n) => (src ? `${n.label} in ${src.sheet}!${cellOf(src, n.field)}` : n.label));
  return `needs ${needs.join(", ")}`;
}

/** Every exception in a plan for a period, complete or not, actions first, in plan order. */
export function exceptionsFromStatuses(actions: ActionRowStatus[], measures: MeasureRowStatus[], quarter: Quarter, slippageMonths: number): ExceptionFinding[] {
  const found: ExceptionFinding[] = [];
  for (const a of actions) {
    const f = actionException({ ...a.row, status: a.status }, slippageMonths);
    if (f) found.push(f);
  }
  for (const m of measures) {
    const f = measureException({ ...m.row, rag: m.rag, previousRag: m.previousRag }, quarter);
    if (f) found.push(f);
  }
  return found;
}

export function planExceptions(plan: Plan, settings: ReturnSettings, period: Period): ExceptionFinding[] {
  return exceptionsFromStatuses(actionStatuses(plan, period, settings), measureStatuses(plan, period, settings), period.quarter, settings.slippageMonths);
}

/** The exceptions still lacking a reason, corrective action or recovery date: a final return cannot go without them. */
export function missingExceptionInfo(plan: Plan, settings: ReturnSettings, period: Period): ExceptionFinding[] {
  return planExceptions(plan, settings, period).filter((f) => f.missing.length > 0);
}
