import type { ActionRule } from "../types";
import { defineRule } from "../registry";

/** Specific: a heading ("Road safety") is not an action; a few more words say what and to what standard. */
defineRule<ActionRule>({
  scope: "action",
  id: "too-short",
  criterion: "Specific",
  severity: "warning",
  title: "Very short action",
  hint: 'Add what will be done, for whom and to what standard, e.g. "Deliver 12 road safety sessions in primary schools".',
  check: (_a, _facts, ctx, text) =>
    text.wordCount > 0 && text.wordCount < ctx.settings.minWords
      ? { field: "action", message: `The action has ${text.wordCount} word${text.wordCount === 1 ? "" : "s"}; a specific action needs at least ${ctx.settings.minWords}.` }
      : null,
});
