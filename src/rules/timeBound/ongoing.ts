import type { ActionRule } from "../types";
import { str } from "../text/dates";
import { defineRule } from "../registry";

/** Time-bound: "Ongoing" never ends, so it can never be late or complete. */
defineRule<ActionRule>({
  scope: "action",
  id: "ongoing",
  criterion: "Time-bound",
  severity: "warning",
  title: "Ongoing timescale",
  hint: "Give the date this year's piece of work will be done; if it is business as usual, track it with a measure instead of an action.",
  check: (a, facts, ctx) => {
    const written = str(a.dueDateText).trim();
    const word = written === "" ? null : ctx.settings.words.ongoingWords.exec(written);
    if (!word) return null;
    const due = facts.due;
    return {
      field: due ? "dueDateText" : "dueDate",
      message: due ? `The timescale was written as "${written}"; the due date set from it is not a real deadline.` : `The timescale is "${written}", which has no end date.`,
    };
  },
});
