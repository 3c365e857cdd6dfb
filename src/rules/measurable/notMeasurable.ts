import type { ActionRule } from "../types";
import { hasQuantity } from "../text/actionText";
import { str } from "../text/dates";
import { defineRule } from "../registry";

/** Measurable: with no measure of success, no linked measure and no number, nobody can say it worked. */
defineRule<ActionRule>({
  scope: "action",
  id: "not-measurable",
  criterion: "Measurable",
  severity: "warning",
  title: "No measure of success",
  hint: "Fill in the measure of success (a number, a milestone or a yes/no deliverable) or link a measure from the Measures sheet.",
  check: (a, _facts, _ctx, text) => {
    if (text.wordCount === 0) return null;
    if (str(a.measureOfSuccess).trim() !== "" || str(a.linkedMeasures).trim() !== "") return null;
    if (text.hasQuantity || hasQuantity(str(a.intendedOutcome))) return null;
    return { field: "measureOfSuccess", message: "There is no measure of success, no linked measure and no quantity in the action or its outcome." };
  },
});
