import type { ActionRule } from "../types";
import { parseLooseDate } from "../../convert/dates";
import { formatUkDate } from "../../model/dates";
import { str } from "../text/dates";
import { defineRule } from "../registry";

/** Time-bound: a timescale in words ("Spring", "TBC", "Q3?") that could not be read as a date. */
defineRule<ActionRule>({
  scope: "action",
  id: "unparsed-date",
  criterion: "Time-bound",
  severity: "error",
  title: "Due date not a date",
  hint: "Enter the due date as a date, dd/mm/yyyy (for a quarter, use its last day, e.g. 31/12/2024 for Q3).",
  check: (a, facts, ctx) => {
    if (facts.due !== null) return null;
    const written = str(a.dueDateText).trim();
    if (written === "" || ctx.settings.words.ongoingWords.test(written)) return null;
    // Offer the date a loose wording most likely means ("March 2025" -> 31/03/2025), as convert reads it.
    const guess = parseLooseDate(written, { planYear: ctx.planYear || undefined });
    const meaning = guess.date ? ` It probably means ${formatUkDate(guess.date)}: enter that (or the real date) as the due date.` : "";
    return { field: "dueDate", message: `The timescale "${written}" could not be read as a date.${meaning}` };
  },
});
