import type { PlanRule } from "../types";
import { hasLinkColumn } from "../rows";
import { defineRule } from "../registry";

/** Golden thread: without the parent plan or a register, links cannot be checked at all; say so rather than pass silently. */
defineRule<PlanRule>({
  scope: "plan",
  id: "no-parent-source",
  criterion: "Golden thread",
  severity: "info",
  title: "Links not checked",
  hint: "Give the parent plan (--parent parent.xlsx) or fill the plan's Register sheet with the parent plan's actions.",
  check: (ctx, report) => {
    // A file with no link column at all is no-link-column's to report.
    if (ctx.actions.length === 0 || ctx.linksCheckable || !hasLinkColumn(ctx.actions[0])) return;
    const first = ctx.actions[0];
    report({
      sheet: first.source.sheet,
      cell: first.source.columns.parentLink ? `${first.source.columns.parentLink}:${first.source.columns.parentLink}` : "Link to parent plan",
      file: first.source.file,
      message: `No ${ctx.expectedParentTiers.join(" or ")} actions are known, so links to the parent plan were not checked.`,
    });
  },
});
