import { formatUkDate } from "../../model/dates";
import type { ActionRule } from "../types";
import { defineRule } from "../registry";

/** Time-bound: a service plan covers one financial year; dates outside it belong in another plan or need a milestone this year. */
defineRule<ActionRule>({
  scope: "action",
  id: "due-outside-plan-year",
  criterion: "Time-bound",
  severity: "warning",
  title: "Due outside the plan year",
  hint: "Set a due date within the plan year; for longer work, make this year's action the milestone you will reach by 31 March.",
  check: (_a, { due }, ctx) => {
    if (!due || !ctx.yearStart || !ctx.yearEnd) return null;
    if (due >= ctx.yearStart && due <= ctx.yearEnd) return null;
    return {
      field: "dueDate",
      message: `Due ${formatUkDate(due)}, ${due < ctx.yearStart ? "before" : "after"} the ${ctx.planYear} plan year (${formatUkDate(ctx.yearStart)} to ${formatUkDate(ctx.yearEnd)}).`,
    };
  },
});
