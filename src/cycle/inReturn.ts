// What the quarterly return carries of the planning year: the sign-off (who, when, and the
// fingerprint of the frozen values as they are now, for collect --signoffs), the changes to targets
// agreed since sign-off, and each item's earlier quarters of the year from the Updates history.
import { Period } from "../model/period";
import { Plan } from "../model/plan";
import type { ReturnHistory, ReturnTargetChange } from "../qsr/schema";
import { fieldHeader, fingerprint } from "./frozen";
import { earlierQuarters } from "./history";
import { compareWithSignOff } from "./signOff";

export interface CycleInReturn {
  signedOffBy: string;
  signedOffOn: string;
  signOffFingerprint: string;
  targetChanges: ReturnTargetChange[];
  history: ReturnHistory[];
}

/**
 * The fingerprint of the plan's signed-off values as they stand now, each agreed change taken back
 * to what was signed off: it equals the BI team's record while every change is an agreed one, and
 * differs once any frozen value was changed without one (in the sheet, or in the hidden copy too).
 */
export function signedOffViewFingerprint(plan: Plan): string {
  const s = plan.cycle?.signOff;
  if (!s) return "";
  const changed = new Map(compareWithSignOff(plan, s, plan.cycle?.changes ?? []).map((d) => [`${d.itemType}\u0000${d.id}\u0000${d.field}`, d]));
  const values = s.values.map((v) => {
    const d = changed.get(`${v.itemType}\u0000${v.id}\u0000${v.field}`);
    return d && !d.agreed ? { ...v, value: d.removed ? "(removed)" : d.now } : v;
  });
  return fingerprint(s.planId, s.planYear, values);
}

export function cycleInReturn(plan: Plan, period: Period): CycleInReturn {
  const s = plan.cycle?.signOff;
  const actions = new Set(plan.actions.map((a) => a.id));
  const measures = new Set(plan.measures.map((m) => m.id));
  const history: ReturnHistory[] = earlierQuarters(plan.updates, period).flatMap((u) => {
    const itemType = actions.has(u.itemId) ? ("Action" as const) : measures.has(u.itemId) ? ("Measure" as const) : null;
    if (!itemType) return []; // history of an item no longer in the plan stays in the workbook only
    return [
      {
        itemType,
        id: u.itemId,
        period: u.period,
        status: u.status,
        percentComplete: u.percentComplete,
        selfAssessedRag: u.selfAssessedRag ?? null,
        target: u.target ?? null,
        actual: u.value,
        direction: u.direction ?? "",
        narrative: u.narrative,
        updatedBy: u.updatedBy,
        updatedOn: u.updatedOn,
      },
    ];
  });
  return {
    signedOffBy: s ? `${s.by}${s.role ? `, ${s.role}` : ""}` : "",
    signedOffOn: s?.on ?? "",
    signOffFingerprint: s ? signedOffViewFingerprint(plan) : "",
    targetChanges: (plan.cycle?.changes ?? []).map((c) => ({
      itemType: c.itemType,
      id: c.id,
      field: fieldHeader(c.itemType, c.field),
      was: c.was,
      now: c.now,
      agreedBy: c.agreedBy,
      agreedOn: c.agreedOn,
      reason: c.reason,
    })),
    history,
  };
}
