import type { ActionRule } from "../types";
import { defineRule } from "../registry";

/** Specific: "where possible", "as appropriate", "etc." take the commitment back. */
defineRule<ActionRule>({
  scope: "action",
  id: "hedge-words",
  criterion: "Specific",
  severity: "warning",
  title: "Hedge words",
  hint: "Remove the hedge and say exactly what is in scope; if it depends on something, name it as a risk.",
  check: (_a, _facts, ctx, text) => {
    const hedge = ctx.settings.words.hedges.exec(text.lower);
    return hedge ? { field: "action", message: `"${hedge[1]}" leaves it open what will actually be done.` } : null;
  },
});
