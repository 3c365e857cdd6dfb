import type { ActionRule } from "../types";
import { str } from "../text/dates";
import { defineRule } from "../registry";

/** Time-bound: without a due date nobody can say whether the action is late. */
defineRule<ActionRule>({
  scope: "action",
  id: "no-due-date",
  criterion: "Time-bound",
  severity: "error",
  title: "No due date",
  hint: "Enter the date the action will be complete, dd/mm/yyyy.",
  check: (a, facts) => (facts.due === null && str(a.dueDateText).trim() === "" ? { field: "dueDate", message: "No due date is given." } : null),
});
