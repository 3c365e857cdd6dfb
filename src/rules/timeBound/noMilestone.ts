import { addMonths } from "../../model/dates";
import type { ActionRule } from "../types";
import { INTERIM, str } from "../text/dates";
import { defineRule } from "../registry";

// Start dates repeat across a plan; EDATE through Date objects is too slow to redo for every row.
const ends = new Map<string, string>();
let endsFor = 0;
function longEnd(start: string, months: number): string {
  if (months !== endsFor || ends.size > 4096) {
    ends.clear();
    endsFor = months;
  }
  let end = ends.get(start);
  if (end === undefined) ends.set(start, (end = addMonths(start, months)));
  return end;
}

/** Time-bound: a year-long action with no milestone gives no warning until it is late. */
defineRule<ActionRule>({
  scope: "action",
  id: "no-milestone",
  criterion: "Time-bound",
  severity: "warning",
  title: "Long action with no milestone",
  hint: 'Add interim milestones to the measure of success (e.g. "Q2: consultation closed; Q4: policy adopted") or split the action into stages.',
  check: (a, facts, ctx) => {
    const due = facts.due;
    const start = facts.start ?? ctx.yearStart;
    if (!due || !start || facts.revised !== null) return null;
    const months = ctx.settings.longActionMonths;
    if (longEnd(start, months) > due) return null;
    if (INTERIM.test(str(a.measureOfSuccess)) || INTERIM.test(str(a.action)) || INTERIM.test(str(a.intendedOutcome))) return null;
    return { field: "dueDate", message: `Runs ${months} months or more with no milestone or revised date.` };
  },
});
