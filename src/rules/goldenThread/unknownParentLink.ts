import type { ActionRule } from "../types";
import { judgeLinks, LinkVerdict } from "./linkCheck";
import { defineRule } from "../registry";

const isUnknown = (v: LinkVerdict) => v.kind === "unknown";

/** Golden thread: a link to an ID the parent plan does not have is a broken thread (often a typo or an old ID). */
defineRule<ActionRule>({
  scope: "action",
  id: "unknown-parent-link",
  criterion: "Golden thread",
  severity: "error",
  title: "Link to an ID the parent plan does not have",
  hint: "Pick the ID from the link list (the Register sheet), or refresh the register from the parent plan.",
  check: (a, facts, ctx) => {
    // Directorate links are judged against the framework by no-corporate-priority.
    if (ctx.tier === "Directorate" || !ctx.linksCheckable) return null;
    const verdicts = judgeLinks(a, facts, ctx);
    let anyUnknown = false;
    for (const v of verdicts) if (v.kind === "unknown") anyUnknown = true;
    if (!anyUnknown) return null;
    const unknown = verdicts.filter(isUnknown).map((v) => v.link);
    return { field: "parentLink", message: `${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not in the ${ctx.expectedParentTiers.join(" or ")} plan.` };
  },
});
