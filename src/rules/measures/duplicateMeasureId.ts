import { cellOf } from "../../model/plan";
import type { PlanRule } from "../types";
import { str } from "../text/dates";
import { defineRule } from "../registry";

/** Specific: two measures with one ID make every linked action ambiguous. */
defineRule<PlanRule>({
  scope: "plan",
  id: "duplicate-measure-id",
  criterion: "Specific",
  severity: "error",
  title: "Duplicate measure ID",
  hint: "Give each measure its own ID and update the actions that link to it.",
  check: (ctx, report) => {
    const firstRow = new Map<string, number>();
    for (const m of ctx.measures) {
      const key = str(m.id).trim().toUpperCase();
      if (key === "") continue;
      const seen = firstRow.get(key);
      if (seen === undefined) firstRow.set(key, m.source.row);
      else report({ sheet: m.source.sheet, cell: cellOf(m.source, "id"), row: m.source.row, file: m.source.file, measureId: m.id, message: `${m.id} is already used on row ${seen}.` });
    }
  },
});
