import type { PlanRule } from "../types";
import { str } from "../text/dates";
import { idKey, linkedIds } from "./parentIndex";

/** Golden thread: parent actions listed for this plan that none of its actions serves (for the parent's owner to see). */
export const unservedParent: PlanRule = {
  scope: "plan",
  id: "unserved-parent",
  criterion: "Golden thread",
  severity: "info",
  title: "Parent action not served by this plan",
  hint: "If this service should deliver part of it, add an action linked to it; otherwise no change is needed.",
  check: (ctx, report) => {
    const linked = new Set<string>();
    for (const a of ctx.plan.actions) {
      for (const link of linkedIds(str(a.parentLink))) {
        linked.add(idKey(link));
        const first = /^[^\s–—:]+/.exec(link.trim());
        if (first) linked.add(idKey(first[0]));
      }
    }
    for (const e of ctx.parents.entries) {
      // Priorities are the Corporate Plan's to cover; this is about parent *actions*.
      if (!e.source || e.stopped || e.tier === "Corporate" || e.tier === "Transformation") continue;
      if (e.tier !== "Unknown" && !ctx.expectedParentTiers.includes(e.tier)) continue;
      if (linked.has(idKey(e.id))) continue;
      report({
        sheet: e.source.sheet,
        cell: e.source.columns.id ? `${e.source.columns.id}${e.source.row}` : `row ${e.source.row}`,
        row: e.source.row,
        file: e.source.file,
        actionId: e.id,
        message: `No action in this plan serves ${e.tier === "Unknown" ? "" : `${e.tier} action `}${e.id}${e.leadOfficer ? ` (lead: ${e.leadOfficer})` : ""}.`,
      });
    }
  },
};
