import type { ActionRule } from "../types";
import { defineRule } from "../registry";
import { openingVerbs, softVerbs } from "../text/verbs";

/** Specific: "Inform, support and empower tenants to..." piles up soft verbs instead of saying what will be done. */
defineRule<ActionRule>({
  scope: "action",
  id: "verb-bundle",
  criterion: "Specific",
  severity: "warning",
  title: "Bundle of soft verbs",
  hint: 'Keep the one verb that says what will actually be done, and say how much, e.g. "Support 60 tenants a quarter to keep their tenancies".',
  check: (_a, _facts, ctx, text) => {
    if (text.hasQuantity || text.tokens.length < 3) return null;
    const { verbs } = openingVerbs(text, ctx.settings);
    if (verbs.length < 2) return null;
    const soft = softVerbs(verbs, ctx.settings.words.weakVerbs);
    if (soft.length < 2) return null;
    return {
      field: "action",
      message: `Opens with ${verbs.length} verbs (${verbs.map((v) => `"${v}"`).join(", ")}) and no amount, so nobody can check what will be done: keep the verb that matters and say how much.`,
    };
  },
});
