// Builds the Quarterly Service Report return for one plan and one quarter: every action with its
// status, every measure with its RAG and direction of travel, and the exceptions table. A final
// return is refused while any exception lacks its reason, corrective action or recovery date.
import { Period, financialYearLabel, periodLabel } from "../model/period";
import { Plan, RegisterEntry } from "../model/plan";
import { ExceptionFinding, describeMissing, exceptionsFromStatuses } from "./exceptions";
import { cycleInReturn } from "../cycle/inReturn";
import { canonicalJson, sha256Hex } from "./planHash";
import { ReturnSettings, actionStatuses, measureStatuses, reportingDateFor } from "./rowStatuses";
import { QSR_FORMAT_VERSION, QsrReturn, ReturnAction, ReturnException, ReturnMeasure } from "./schema";

interface BuildReturnOptions {
  preparedBy: string;
  /** yyyy-mm-dd or yyyy-mm-ddThh:mm:ssZ. */
  preparedOn: string;
  draft: boolean;
}

/** A final return was asked for while exceptions still lack information; `missing` lists them. */
export class ExceptionInfoMissingError extends Error {
  constructor(readonly missing: ExceptionFinding[]) {
    super(
      `a final return needs the reason, corrective action and recovery date for every exception; ${missing.length} row(s) are incomplete:\n` + missing.map((f) => `  ${describeMissing(f)}`).join("\n"),
    );
  }
}

/** sha256 of the plan's details and rows, without cell positions: moving rows about does not change it. */
export function planHash(plan: Plan): string {
  const strip = <T extends { source?: unknown }>(rows: T[]) => rows.map(({ source: _s, ...rest }) => rest);
  return sha256Hex(
    canonicalJson({
      details: plan.details,
      actions: strip(plan.actions),
      measures: strip(plan.measures),
      updates: strip(plan.updates),
      register: strip(plan.register),
    }),
  );
}

/** Line ends as LF: xlsx cannot keep a bare CR (XML normalises it away), so every format agrees on LF. */
function lf<T extends object>(row: T): T {
  const out = { ...row } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) if (typeof v === "string" && v.includes("\r")) out[k] = v.replace(/\r\n?/g, "\n");
  return out as T;
}

/** A parent link that names a Corporate Plan priority in the plan's register (tier "Corporate"). */
function corporatePriorityOf(parentLink: string, priorities: Set<string>): string {
  return priorities.has(parentLink) ? parentLink : "";
}

function priorityIds(register: RegisterEntry[]): Set<string> {
  return new Set(register.filter((r) => /^corporate/i.test(r.tier.trim())).map((r) => r.id));
}

export function buildReturn(plan: Plan, settings: ReturnSettings, period: Period, opts: BuildReturnOptions): QsrReturn {
  const year = financialYearLabel(period.startYear);
  if (year !== plan.details.planYear) {
    throw new Error(`the period ${periodLabel(period)} is not in the plan year ${plan.details.planYear}`);
  }
  const actions = actionStatuses(plan, period, settings);
  const measures = measureStatuses(plan, period, settings);
  const findings = exceptionsFromStatuses(actions, measures, period.quarter, settings.slippageMonths);
  const missing = findings.filter((f) => f.missing.length > 0);
  if (!opts.draft && missing.length > 0) throw new ExceptionInfoMissingError(missing);

  const priorities = priorityIds(plan.register);
  const exceptional = new Set(findings.map((f) => `${f.itemType}:${f.id}`));
  const cell = (src: { sheet: string; row: number; columns: Partial<Record<string, string>> }) => `${src.sheet}!${src.columns.id ?? "A"}${src.row}`;

  const returnActions: ReturnAction[] = actions.map(({ row: a, status }) => ({
    id: a.id,
    action: a.action,
    parentLink: a.parentLink,
    corporatePriority: corporatePriorityOf(a.parentLink, priorities),
    leadOfficer: a.leadOfficer,
    dueDate: a.dueDate,
    revisedDueDate: a.revisedDueDate,
    completedDate: a.completedDate,
    percentComplete: a.percentComplete,
    selfAssessedRag: a.selfAssessedRag,
    status,
    progress: a.progress,
    slippageReason: a.slippageReason,
    correctiveAction: a.correctiveAction,
    recoveryDate: a.recoveryDate,
    exception: exceptional.has(`Action:${a.id}`),
    sourceCell: cell(a.source),
  }));

  const returnMeasures: ReturnMeasure[] = measures.map((s) => {
    const m = s.row;
    return {
      id: m.id,
      name: m.name,
      type: m.type,
      keyMeasure: m.keyMeasure,
      polarity: m.polarity,
      unit: m.unit,
      frequency: m.frequency,
      parentLink: m.parentLink,
      corporatePriority: corporatePriorityOf(m.parentLink, priorities),
      accountableOfficer: m.accountableOfficer,
      baseline: m.baseline,
      annualTarget: m.annualTarget,
      target: s.target,
      actual: s.actual,
      comparedWith: s.comparedWith,
      rag: s.rag,
      previousRag: s.previousRag,
      direction: s.direction,
      provisional: m.provisional,
      comments: m.comments,
      redReason: m.redReason,
      correctiveAction: m.correctiveAction,
      recoveryDate: m.recoveryDate,
      exception: exceptional.has(`Measure:${m.id}`),
      sourceCell: cell(m.source),
    };
  });

  const returnExceptions: ReturnException[] = findings.map((f) => ({
    itemType: f.itemType,
    id: f.id,
    rule: f.rule,
    status: f.status,
    reason: f.reason,
    correctiveAction: f.correctiveAction,
    recoveryDate: f.recoveryDate,
    missing: f.missing.map((n) => n.label).join("; "),
    sourceCell: f.source ? cell(f.source) : "",
  }));

  const d = plan.details;
  const cycle = cycleInReturn(plan, period);
  return {
    header: {
      formatVersion: QSR_FORMAT_VERSION,
      council: d.council,
      directorate: d.directorate,
      service: d.service,
      team: d.team,
      tier: d.tier,
      planId: d.planId,
      planHash: planHash(plan),
      planYear: d.planYear,
      period: periodLabel(period),
      reportingDate: reportingDateFor(period, settings),
      preparedBy: opts.preparedBy,
      preparedOn: opts.preparedOn,
      status: opts.draft ? "Draft" : "Final",
      signedOffBy: cycle.signedOffBy,
      signedOffOn: cycle.signedOffOn,
      signOffFingerprint: cycle.signOffFingerprint,
    },
    actions: returnActions.map(lf),
    measures: returnMeasures.map(lf),
    exceptions: returnExceptions.map(lf),
    targetChanges: cycle.targetChanges.map(lf),
    history: cycle.history.map(lf),
  };
}
