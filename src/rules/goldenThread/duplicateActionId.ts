import { cellOf } from "../../model/plan";
import type { PlanRule } from "../types";
import { defineRule } from "../registry";

/** Golden thread: two actions with one ID make every link to that ID ambiguous. */
defineRule<PlanRule>({
  scope: "plan",
  id: "duplicate-action-id",
  criterion: "Golden thread",
  severity: "error",
  title: "Duplicate action ID",
  hint: "Give each action its own ID; renumber the later one and update any child plans linking to it.",
  check: (ctx, report) => {
    for (const i of ctx.repeatedIds) {
      const a = ctx.actions[i];
      const key = ctx.facts[i].key;
      if (key === "") continue;
      const seen = ctx.actionRowById.get(key);
      if (seen === undefined || seen === a.source.row) continue;
      report({ sheet: a.source.sheet, cell: cellOf(a.source, "id"), row: a.source.row, file: a.source.file, actionId: a.id, message: `${a.id} is already used on row ${seen}.` });
    }
  },
});
