import type { ActionRule } from "../types";
import { str } from "../text/dates";
import { defineRule } from "../registry";

/** Measurable: a linked measure that is not on the Measures sheet cannot evidence progress. */
defineRule<ActionRule>({
  scope: "action",
  id: "unknown-linked-measure",
  criterion: "Measurable",
  severity: "warning",
  title: "Linked measure not found",
  hint: "Use the ID of a measure on this plan's Measures sheet (separate several with commas), or add the measure there.",
  check: (a, _facts, ctx) => {
    const cell = str(a.linkedMeasures);
    if (cell.trim() === "") return null;
    const missing: string[] = [];
    for (const part of cell.split(/[,;\n]+/)) {
      const id = part.trim();
      if (id !== "" && !ctx.measureIds.has(id.toUpperCase())) missing.push(id);
    }
    if (missing.length === 0) return null;
    return { field: "linkedMeasures", message: `${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not a measure in this plan.` };
  },
});
