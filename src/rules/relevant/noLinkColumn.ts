import { cellOf } from "../../model/plan";
import { hasLinkColumn } from "../rows";
import type { PlanRule } from "../types";
import { defineRule } from "../registry";

/** Relevant: without a link column, links cannot be judged; say so once rather than on every row. */
defineRule<PlanRule>({
  scope: "plan",
  id: "no-link-column",
  criterion: "Relevant",
  severity: "info",
  title: "No link column",
  hint: 'Add a "Link to parent plan" column with each action\'s parent action ID (or check the plan workbook instead).',
  check: (ctx, report) => {
    // Rows of one file share their columns: the first row of each file decides.
    const first = ctx.actions.find((a, i) => (i === 0 || a.source.columns !== ctx.actions[i - 1].source.columns) && !hasLinkColumn(a));
    if (!first) return;
    report({
      sheet: first.source.sheet,
      file: first.source.file,
      // The first action's ID: the file has no cell for the missing column to point at.
      cell: cellOf(first.source, "id"),
      row: first.source.row,
      message: `${first.source.file ?? "This file"} has no "Link to parent plan" column, so whether each action serves the parent plan cannot be judged.`,
    });
  },
});
