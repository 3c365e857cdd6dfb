import type { ActionRule } from "../types";
import { defineRule } from "../registry";
import { str } from "../text/dates";

// One answer for every row (plans leave many outcomes blank): the cell already says which action.
const NO_OUTCOME = { field: "intendedOutcome", message: "No intended outcome is given." };

/** Relevant: Sefton asks every action for its intended outcome, the change residents or the service will see. */
defineRule<ActionRule>({
  scope: "action",
  id: "no-intended-outcome",
  criterion: "Relevant",
  severity: "warning",
  title: "No intended outcome",
  hint: 'Say what will be different for residents or the service when it is done, e.g. "Families move out of B&B within 6 weeks".',
  check: (a, _facts, _ctx, text) => {
    if (text.wordCount === 0 || str(a.intendedOutcome).trim() !== "") return null;
    // A file without the column (an actions CSV) is not at fault on every row.
    if (a.source.columns && Object.keys(a.source.columns).length > 0 && a.source.columns.intendedOutcome === undefined) return null;
    return NO_OUTCOME;
  },
});
