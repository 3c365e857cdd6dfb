import { formatUkDate } from "../../model/dates";
import type { ActionRule } from "../types";
import { validDate } from "../text/dates";

/** Achievable: work cannot finish before it starts. */
export const dueBeforeStart: ActionRule = {
  scope: "action",
  id: "due-before-start",
  criterion: "Achievable",
  severity: "error",
  title: "Due before it starts",
  hint: "Correct the start date or the due date (dates are dd/mm/yyyy).",
  check: (a) => {
    const start = validDate(a.startDate);
    const due = validDate(a.dueDate);
    return start && due && due < start
      ? { field: "dueDate", message: `Due ${formatUkDate(due)}, before its start date ${formatUkDate(start)}.` }
      : null;
  },
};
