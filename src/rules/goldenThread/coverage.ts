// Coverage, for the parent's owner: which parent actions no child action serves. Works both ways:
// a parent plan against its child plans, or a plan against the register of parent actions it keeps.
import { cellOf, Plan } from "../../model/plan";
import type { Finding } from "../types";
import { str } from "../text/dates";
import { idKey, linkedIds } from "./parentIndex";

interface CoverageLine {
  parentId: string;
  title: string;
  leadOfficer: string;
  /** IDs of the child actions that link to it, with their plan. */
  servedBy: { planId: string; actionId: string }[];
}

/** For each action of the parent plan, the child actions serving it. */
export function coverageReport(parent: Plan, children: readonly Plan[]): CoverageLine[] {
  const servedBy = new Map<string, { planId: string; actionId: string }[]>();
  for (const child of children) {
    for (const a of child.actions) {
      if (a.noLongerViable === true) continue;
      for (const link of linkedIds(str(a.parentLink))) {
        // "DSP-01 Reablement" links to DSP-01, as in findParent.
        for (const key of new Set([idKey(link), idKey(/^[^\s–—:]+/.exec(link.trim())?.[0] ?? link)])) {
          const list = servedBy.get(key);
          const entry = { planId: child.details.planId, actionId: str(a.id) };
          if (list) list.push(entry);
          else servedBy.set(key, [entry]);
        }
      }
    }
  }
  return parent.actions.map((p) => ({ parentId: p.id, title: p.action, leadOfficer: p.leadOfficer, servedBy: servedBy.get(idKey(str(p.id))) ?? [] }));
}

export const UNSERVED_ACTION = {
  id: "unserved-action",
  criterion: "Golden thread",
  severity: "warning",
  title: "No child action serves this action",
  hint: "Ask the services below to add an action that delivers it, or record why none is needed.",
} as const;

/** Parent actions that no child action serves, as findings addressed to the parent plan's rows. */
export function coverage(parent: Plan, children: readonly Plan[]): Finding[] {
  const findings: Finding[] = [];
  const childTiers = [...new Set(children.map((c) => c.details.tier))].join(" or ") || "child";
  const lines = coverageReport(parent, children);
  for (let i = 0; i < lines.length; i++) {
    const a = parent.actions[i];
    if (lines[i].servedBy.length > 0 || a.noLongerViable === true) continue;
    findings.push({
      ruleId: UNSERVED_ACTION.id,
      criterion: UNSERVED_ACTION.criterion,
      severity: UNSERVED_ACTION.severity,
      file: a.source.file,
      sheet: a.source.sheet,
      cell: cellOf(a.source, "id"),
      row: a.source.row,
      actionId: a.id,
      message: `No ${childTiers} action links to ${a.id}${a.leadOfficer ? ` (lead: ${a.leadOfficer})` : ""}.`,
      hint: UNSERVED_ACTION.hint,
    });
  }
  return findings;
}
