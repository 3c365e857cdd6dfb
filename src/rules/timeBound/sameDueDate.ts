import { formatUkDate } from "../../model/dates";
import type { PlanRule } from "../types";
import { defineRule } from "../registry";

/** Time-bound: when most actions share one date (everything "31 March"), dates were not really planned. */
defineRule<PlanRule>({
  scope: "plan",
  id: "same-due-date",
  criterion: "Time-bound",
  severity: "warning",
  title: "Most actions share one due date",
  hint: "Give each action the date it will really be done, so progress can be tracked through the year.",
  check: (ctx, report) => {
    const counts = new Map<string, number>();
    let dated = 0;
    let firstRow = Infinity;
    let lastRow = 0;
    let column: string | undefined;
    let sheet = "";
    const actions = ctx.actions;
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i];
      const due = ctx.facts[i].due;
      if (!due) continue;
      dated++;
      counts.set(due, (counts.get(due) ?? 0) + 1);
      firstRow = Math.min(firstRow, a.source.row);
      lastRow = Math.max(lastRow, a.source.row);
      column ??= a.source.columns.dueDate;
      sheet ||= a.source.sheet;
    }
    if (dated < ctx.settings.sameDateMinActions) return;
    let commonest = "";
    let most = 0;
    for (const [date, n] of counts) if (n > most) [commonest, most] = [date, n];
    if (most / dated < ctx.settings.sameDateShare) return;
    // Annual plans rightly end most actions on the plan year's last day: on its own that is a prompt, not a fault.
    const yearEnd = commonest === ctx.yearEnd;
    report({
      sheet,
      cell: column ? `${column}${firstRow}:${column}${lastRow}` : `rows ${firstRow}-${lastRow}`,
      message: yearEnd
        ? `${most} of ${dated} dated actions (${Math.round((100 * most) / dated)}%) are due on ${formatUkDate(commonest)}, the end of the plan year: fine for work that runs all year; give an earlier date to any that will finish sooner.`
        : `${most} of ${dated} dated actions (${Math.round((100 * most) / dated)}%) are due on ${formatUkDate(commonest)}.`,
      severity: yearEnd ? "info" : undefined,
    });
  },
});
