import { cellOf } from "../../model/plan";
import type { PlanRule } from "../types";
import { str } from "../text/dates";
import { idKey } from "./parentIndex";

/** Golden thread: two actions with one ID make every link to that ID ambiguous. */
export const duplicateActionId: PlanRule = {
  scope: "plan",
  id: "duplicate-action-id",
  criterion: "Golden thread",
  severity: "error",
  title: "Duplicate action ID",
  hint: "Give each action its own ID; renumber the later one and update any child plans linking to it.",
  check: (ctx, report) => {
    const firstRow = new Map<string, number>();
    for (const a of ctx.plan.actions) {
      const key = idKey(str(a.id));
      if (key === "") continue;
      const seen = firstRow.get(key);
      if (seen === undefined) {
        firstRow.set(key, a.source.row);
        continue;
      }
      report({ sheet: a.source.sheet, cell: cellOf(a.source, "id"), row: a.source.row, file: a.source.file, actionId: a.id, message: `${a.id} is already used on row ${seen}.` });
    }
  },
};
