import type { ActionRule } from "../types";
import { judgeLinks, tierName } from "./linkCheck";
import { defineRule } from "../registry";

/** Golden thread: Team actions serve Operational actions, which serve Directorate actions; skipping or reversing a tier breaks the thread. */
defineRule<ActionRule>({
  scope: "action",
  id: "wrong-tier-link",
  criterion: "Golden thread",
  severity: "error",
  title: "Link to the wrong tier",
  hint: "Link to an action of the plan directly above this one.",
  check: (a, facts, ctx) => {
    if (ctx.tier === "Directorate") return null;
    for (const v of judgeLinks(a, facts, ctx)) {
      if (v.kind === "wrongTier")
        return { field: "parentLink", message: `${v.link} is ${tierName(v.entry)}; a ${ctx.tier} action should link to ${ctx.expectedParentTiers.map((t) => `a ${t} action`).join(" or ")}.` };
      if (v.kind === "sameTier") return { field: "parentLink", message: `${v.link} is an action of this same plan, not of its parent.` };
    }
    return null;
  },
});
