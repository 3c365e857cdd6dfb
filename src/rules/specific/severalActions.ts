import type { ActionRule } from "../types";
import { separateActions } from "../text/clauses";
import { defineRule } from "../registry";

/** Specific: two pieces of work in one row cannot be rated with one RAG or one % complete. */
export const severalActions = defineRule<ActionRule>({
  scope: "action",
  id: "several-actions",
  criterion: "Specific",
  severity: "warning",
  title: "Several actions in one",
  hint: "Split it into one row per action, each with its own due date and measure of success.",
  check: (_a, _facts, ctx, text) => {
    if (text.wordCount < 5) return null;
    const parts = separateActions(text.tokens, ctx.settings);
    return parts.length >= 2
      ? { field: "action", message: `Reads as ${parts.length} actions joined together: ${parts.map((p) => `"${p}"`).join(" and ")}.` }
      : null;
  },
});
