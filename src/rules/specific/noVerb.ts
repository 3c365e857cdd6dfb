import type { ActionRule } from "../types";
import { hasVerb } from "../text/verbs";
import { defineRule } from "../registry";
import { headingAsAction } from "../text/rewrite";

/** Specific: a noun phrase ("Business brochure") names a topic, not what will be done about it. */
defineRule<ActionRule>({
  scope: "action",
  id: "no-verb",
  criterion: "Specific",
  severity: "warning",
  title: "No verb",
  hint: "Start with a verb that says what will be done: Deliver, Publish, Recruit, Reduce, Introduce...",
  check: (a, facts, ctx, text) =>
    text.wordCount > 0 && !hasVerb(text.tokens, ctx.settings)
      ? { field: "action", message: `"${a.action.trim()}" names a topic but does not say what will be done, e.g. "${headingAsAction(a.action, facts.due)}".` }
      : null,
});
