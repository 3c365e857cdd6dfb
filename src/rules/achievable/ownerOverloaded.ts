import { periodLabel, periodOfDate } from "../../model/period";
import { cellOf } from "../../model/plan";
import type { PlanRule } from "../types";
import { str } from "../text/dates";
import { defineRule } from "../registry";

/** Financial quarters counted from year 0, straight from the ISO text (this runs for every action). */
function quarterIndex(iso: string): number {
  const year = +iso.slice(0, 4);
  const month = +iso.slice(5, 7);
  return (month >= 4 ? year : year - 1) * 4 + Math.floor(((month + 8) % 12) / 3);
}

/** Achievable: one officer with more actions due in one quarter than the council thinks deliverable. */
defineRule<PlanRule>({
  scope: "plan",
  id: "owner-overloaded",
  criterion: "Achievable",
  severity: "warning",
  title: "Officer overloaded in a quarter",
  hint: "Spread the due dates across the year, or share the actions out among other named officers.",
  check: (ctx, report) => {
    // Count first with numeric keys (officer number x quarter); collect rows only for the few over the limit.
    const actions = ctx.actions;
    const officerNumber = new Map<string, number>();
    const keys = new Float64Array(actions.length).fill(-1);
    const counts = new Map<number, number>();
    for (let i = 0; i < actions.length; i++) {
      const { owner, expected } = ctx.facts[i];
      if (owner.key === "" || owner.placeholder || expected === null || actions[i].noLongerViable === true) continue;
      let n = officerNumber.get(owner.key);
      if (n === undefined) officerNumber.set(owner.key, (n = officerNumber.size));
      const key = n * 100_000 + quarterIndex(expected);
      keys[i] = key;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const max = ctx.settings.maxActionsPerOwnerPerQuarter;
    const groups = new Map<number, number[]>();
    for (let i = 0; i < actions.length; i++) {
      if (keys[i] < 0 || (counts.get(keys[i]) ?? 0) <= max) continue;
      const group = groups.get(keys[i]);
      if (group) group.push(i);
      else groups.set(keys[i], [i]);
    }
    for (const group of groups.values()) {
      const first = actions[group[0]];
      const quarter = periodLabel(periodOfDate(ctx.facts[group[0]].expected!));
      for (const i of group) {
        const a = actions[i];
        report({
          sheet: a.source.sheet,
          cell: cellOf(a.source, "leadOfficer"),
          row: a.source.row,
          file: a.source.file,
          actionId: a.id,
          message: `${str(first.leadOfficer).trim()} leads ${group.length} actions due in ${quarter}; the council's limit is ${max}.`,
        });
      }
    }
  },
});
