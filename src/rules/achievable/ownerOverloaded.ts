import { periodLabel, periodOfDate } from "../../model/period";
import { cellOf } from "../../model/plan";
import type { PlanRule } from "../types";
import { expectedDate, str } from "../text/dates";
import { ownerKey } from "../responsible/ownerNames";

/** Achievable: one officer with more actions due in one quarter than the council thinks deliverable. */
export const ownerOverloaded: PlanRule = {
  scope: "plan",
  id: "owner-overloaded",
  criterion: "Achievable",
  severity: "warning",
  title: "Officer overloaded in a quarter",
  hint: "Spread the due dates across the year, or share the actions out among other named officers.",
  check: (ctx, report) => {
    const groups = new Map<string, number[]>();
    const actions = ctx.plan.actions;
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i];
      if (a.noLongerViable === true) continue;
      const owner = ownerKey(str(a.leadOfficer));
      const due = expectedDate(a);
      if (owner === "" || !due || ctx.settings.nonPersonOwnerSet.has(owner)) continue;
      const p = periodOfDate(due);
      const key = `${owner}|${p.startYear}|${p.quarter}`;
      const group = groups.get(key);
      if (group) group.push(i);
      else groups.set(key, [i]);
    }
    const max = ctx.settings.maxActionsPerOwnerPerQuarter;
    for (const group of groups.values()) {
      if (group.length <= max) continue;
      const first = actions[group[0]];
      const quarter = periodLabel(periodOfDate(expectedDate(first)!));
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
};
