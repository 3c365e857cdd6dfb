import type { ActionRule } from "../types";
import { defineRule } from "../registry";
import { readClauses } from "../text/clauses";
import { INTERIM, str } from "../text/dates";

/** Time-bound: one piece of work in stages is tracked by a milestone per stage, not by splitting the row. */
defineRule<ActionRule>({
  scope: "action",
  id: "staged-work",
  criterion: "Time-bound",
  severity: "info",
  title: "Stages without milestones",
  hint: 'Keep it as one action and give each stage a milestone in the measure of success, e.g. "Q2: system live; Q3: data migrated".',
  check: (a, _facts, ctx, text) => {
    if (text.wordCount < 5) return null;
    const { parts, staged } = readClauses(text, ctx.settings);
    if (parts.length < 2 || !staged) return null;
    if (INTERIM.test(str(a.measureOfSuccess)) || INTERIM.test(text.text)) return null;
    const example = parts.map((p, i) => `Q${Math.min(4, i + 2)}: ${p}`).join("; ");
    return {
      field: "measureOfSuccess",
      message: `Reads as ${parts.length} stages of one piece of work: keep one row and add a milestone for each stage to the measure of success, e.g. "${example}".`,
    };
  },
});
