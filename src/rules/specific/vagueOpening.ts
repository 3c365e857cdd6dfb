import type { ActionRule } from "../types";
import { defineRule } from "../registry";

/** Specific: "Continue to", "Explore", "Support" promise effort, not a result anyone can check. */
export const vagueOpening = defineRule<ActionRule>({
  scope: "action",
  id: "vague-opening",
  criterion: "Specific",
  severity: "warning",
  title: "Vague opening",
  hint: "Say what will be different when it is done, e.g. \"Open a carers' hub in Bootle by January\" rather than \"Explore options for a carers' hub\".",
  check: (_a, _facts, ctx, text) => {
    const vague = ctx.settings.words.vagueOpenings.exec(text.opening);
    if (vague) return { field: "action", message: `Opens with "${vague[1]}", which promises effort rather than a result.` };
    // Soft verbs are fine with a quantity: "Support 40 care leavers into apprenticeships".
    const weak = text.hasQuantity ? null : ctx.settings.words.weakVerbs.exec(text.opening);
    return weak ? { field: "action", message: `Opens with "${weak[1]}" but does not say how much or what will change.` } : null;
  },
});
