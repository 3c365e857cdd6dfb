import type { ActionRule } from "../types";
import { defineRule } from "../registry";
import { readClauses } from "../text/clauses";

/** Specific: two separate deliverables in one row cannot be rated with one RAG or one % complete. */
defineRule<ActionRule>({
  scope: "action",
  id: "several-actions",
  criterion: "Specific",
  severity: "warning",
  title: "Several actions in one",
  hint: "Split it into one row per deliverable, each with its own due date and measure of success.",
  check: (_a, _facts, ctx, text) => {
    if (text.wordCount < 5) return null;
    // Stages of one piece of work ("implement the system and migrate the data") are staged-work's: milestones, not rows.
    const { parts, staged } = readClauses(text, ctx.settings);
    return parts.length >= 2 && !staged ? { field: "action", message: `Reads as ${parts.length} separate deliverables: ${parts.map((p) => `"${p}"`).join(" and ")}. Give each its own row.` } : null;
  },
});
