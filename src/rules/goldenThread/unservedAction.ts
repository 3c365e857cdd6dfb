import type { PlanRule } from "../types";
import { coverage, UNSERVED_ACTION } from "./coverage";
import { defineRule } from "../registry";

/** Golden thread: an action of this plan that none of its child plans delivers (needs the child plans). */
export const unservedAction = defineRule<PlanRule>({
  scope: "plan",
  ...UNSERVED_ACTION,
  check: (ctx, report) => {
    if (ctx.children.length === 0) return;
    for (const f of coverage(ctx.plan, ctx.children)) report(f);
  },
});
