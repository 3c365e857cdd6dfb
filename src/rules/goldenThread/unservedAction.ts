import type { PlanRule } from "../types";
import { coverage, UNSERVED_ACTION } from "./coverage";
import { defineRule } from "../registry";

/** Golden thread: an action of this plan that none of its child plans delivers (needs the child plans). */
defineRule<PlanRule>({
  scope: "plan",
  ...UNSERVED_ACTION,
  check: (ctx, report) => {
    if (ctx.children.length === 0) return;
    // Team plans are optional in Sefton: an Operational action no Team action serves is worth knowing, not a fault,
    // unless the framework says team plans are expected.
    const optional = ctx.tier === "Operational" && !ctx.settings.teamPlansExpected && ctx.children.every((c) => c.details?.tier === "Team");
    for (const f of coverage(ctx.plan, ctx.children)) report(optional ? { ...f, message: `${f.message} (Team plans are optional, so this is for information.)`, severity: "info" } : f);
  },
});
