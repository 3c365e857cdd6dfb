import type { ActionRule } from "../types";
import { judgeLinks, tierName } from "./linkCheck";
import { defineRule } from "../registry";

/** Golden thread: Directorate actions deliver the Corporate Plan (or the Transformation programme); a link to anything else loses the thread at the top. */
defineRule<ActionRule>({
  scope: "action",
  id: "no-corporate-priority",
  criterion: "Golden thread",
  severity: "error",
  title: "Directorate action not linked to a Corporate Plan priority",
  hint: "Link to a Corporate Plan priority ID from the framework (e.g. CP2) or a Transformation programme.",
  check: (a, facts, ctx) => {
    if (ctx.tier !== "Directorate") return null;
    const verdicts = judgeLinks(a, facts, ctx);
    if (verdicts.length === 0 || verdicts.some((v) => v.kind === "ok")) return null;
    const v = verdicts[0];
    const what = v.kind === "wrongTier" ? tierName(v.entry) : v.kind === "sameTier" ? "an action of this same plan" : "not a priority or programme of the framework";
    return { field: "parentLink", message: `${verdicts.map((x) => x.link).join(", ")}: ${what}.` };
  },
});
