import type { ActionRule } from "../types";
import { defineRule } from "../registry";

/** Specific: a row with an ID but no words says nothing about what will be done. */
defineRule<ActionRule>({
  scope: "action",
  id: "action-missing",
  criterion: "Specific",
  severity: "error",
  title: "No action text",
  hint: 'Say what will be done, starting with a verb, e.g. "Publish the homelessness strategy by 30 September".',
  check: (_a, _facts, _ctx, text) => (text.wordCount === 0 ? { field: "action", message: "The action is empty." } : null),
});
