// What the quarterly return carries of the planning year: the sign-off (who, when, and the
// fingerprint of the frozen values as they are now, for collect --signoffs), the changes to targets
// agreed since sign-off, and each item's earlier quarters of the year from the Updates history.
import { Period } from "../model/period";
import { Plan } from "../model/plan";
import type { ReturnHistory, ReturnTargetChange } from "../qsr/schema";
import { fieldHeader, fingerprint } from "./frozen";
import { earlierQuarters } from "./history";

export interface CycleInReturn {
  signedOffBy: string;
  signedOffOn: string;
  signOffFingerprint: string;
  targetChanges: ReturnTargetChange[];
  history: ReturnHistory[];
}

export function cycleInReturn(plan: Plan, period: Period): CycleInReturn {
  const s = plan.cycle?.signOff;
  const actions = new Set(plan.actions.map((a) => a.id));
  const measures = new Set(plan.measures.map((m) => m.id));
  const history: ReturnHistory[] = earlierQuarters(plan.updates, period).flatMap((u) => {
    const itemType = actions.has(u.itemId) ? ("Action" as const) : measures.has(u.itemId) ? ("Measure" as const) : null;
    if (!itemType) return []; // history of an item no longer in the plan stays in the workbook only
    return [{ itemType, id: u.itemId, period: u.period, status: u.status, percentComplete: u.percentComplete, selfAssessedRag: u.selfAssessedRag ?? null, target: u.target ?? null, actual: u.value, direction: u.direction ?? "", narrative: u.narrative, updatedBy: u.updatedBy, updatedOn: u.updatedOn }];
  });
  return {
    signedOffBy: s ? `${s.by}${s.role ? `, ${s.role}` : ""}` : "",
    signedOffOn: s?.on ?? "",
    // Worked out afresh from the hidden copy: an edit there no longer matches the BI team's record.
    signOffFingerprint: s ? fingerprint(s.planId, s.planYear, s.values) : "",
    targetChanges: (plan.cycle?.changes ?? []).map((c) => ({ itemType: c.itemType, id: c.id, field: fieldHeader(c.itemType, c.field), was: c.was, now: c.now, agreedBy: c.agreedBy, agreedOn: c.agreedOn, reason: c.reason })),
    history,
  };
}
