import type { PlanRule } from "../types";
import { judgeLinks } from "./linkCheck";
import type { ParentEntry } from "./parentIndex";
import { defineRule } from "../registry";

/** Golden thread: parent actions listed for this plan that none of its actions serves (for the parent's owner to see). */
defineRule<PlanRule>({
  scope: "plan",
  id: "unserved-parent",
  criterion: "Golden thread",
  severity: "info",
  title: "Parent action not served by this plan",
  hint: "If this service should deliver part of it, add an action linked to it; otherwise no change is needed.",
  check: (ctx, report) => {
    const served = new Set<ParentEntry>();
    const actions = ctx.actions;
    for (let i = 0; i < actions.length; i++) {
      for (const v of judgeLinks(actions[i], ctx.facts[i], ctx)) if (v.kind === "ok" || v.kind === "wrongTier") served.add(v.entry);
    }
    for (const e of ctx.parents.entries) {
      // Priorities are the Corporate Plan's to cover; this is about parent *actions*.
      if (!e.source || e.stopped || e.tier === "Corporate" || e.tier === "Transformation") continue;
      if (e.tier !== "Unknown" && !ctx.expectedParentTiers.includes(e.tier)) continue;
      if (served.has(e)) continue;
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
});
