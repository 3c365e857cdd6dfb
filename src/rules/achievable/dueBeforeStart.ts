import { formatUkDate } from "../../model/dates";
import type { ActionRule } from "../types";
import { defineRule } from "../registry";

/** Achievable: work cannot finish before it starts. */
defineRule<ActionRule>({
  scope: "action",
  id: "due-before-start",
  criterion: "Achievable",
  severity: "error",
  title: "Due before it starts",
  hint: "Correct the start date or the due date (dates are dd/mm/yyyy).",
  check: (_a, { start, due }) => {
    return start && due && due < start ? { field: "dueDate", message: `Due ${formatUkDate(due)}, before its start date ${formatUkDate(start)}.` } : null;
  },
});
