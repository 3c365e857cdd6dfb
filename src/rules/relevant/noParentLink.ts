import type { ActionRule } from "../types";
import { str } from "../text/dates";
import { hasLinkColumn } from "../rows";
import { defineRule } from "../registry";

/** Relevant: an action that serves nothing above it is outside the golden thread. */
defineRule<ActionRule>({
  scope: "action",
  id: "no-parent-link",
  criterion: "Relevant",
  severity: "error",
  title: "No link to the parent plan",
  hint: "Choose the parent action (or, for Directorate plans, the Corporate Plan priority) this action delivers from the link list.",
  // A file with no link column at all (an actions CSV) cannot be judged row by row: no-link-column says so once.
  check: (a, _facts, ctx) =>
    str(a.parentLink).trim() === "" && hasLinkColumn(a)
      ? {
          field: "parentLink",
          message: ctx.tier === "Directorate" ? "Not linked to a Corporate Plan priority or Transformation programme." : `Not linked to an action of the ${ctx.expectedParentTiers.join(" or ")} plan.`,
        }
      : null,
});
