import { cellOf } from "../../model/plan";
import type { PlanRule } from "../types";
import { str } from "../text/dates";
import { defineRule } from "../registry";

/** Wording compared as a reader would: case, spacing and punctuation aside. */
const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9%£]+/g, " ")
    .trim();

/**
 * Specific: a plan measure that carries a register ID takes its definition, polarity and unit from the
 * register; a plan that words, rates or counts it differently reports a different measure under its name.
 * Blank register fields say nothing, so they never disagree.
 */
defineRule<PlanRule>({
  scope: "plan",
  id: "measure-register-mismatch",
  criterion: "Specific",
  severity: "warning",
  title: "Disagrees with the measure register",
  hint: "Use the register's name, polarity and unit for a corporate measure, or give a local measure its own ID.",
  check: (ctx, report) => {
    if (!ctx.register) return;
    for (const m of ctx.plan.measures) {
      const entry = ctx.register.get(str(m.id));
      if (!entry) continue;
      const differences: { field: "name" | "polarity" | "unit"; text: string }[] = [];
      const name = str(m.name);
      if (name.trim() !== "" && words(name) !== words(entry.name)) differences.push({ field: "name", text: `the plan calls it "${name.trim()}"; the register defines it as "${entry.name}"` });
      if (entry.polarity && m.polarity && m.polarity !== entry.polarity) differences.push({ field: "polarity", text: `polarity is ${m.polarity} here and ${entry.polarity} in the register` });
      const unit = str(m.unit).trim();
      if (entry.unit && unit !== "" && unit !== entry.unit) differences.push({ field: "unit", text: `unit is "${unit}" here and "${entry.unit}" in the register` });
      if (differences.length === 0) continue;
      report({
        sheet: m.source.sheet,
        cell: cellOf(m.source, differences[0].field),
        row: m.source.row,
        file: m.source.file,
        measureId: str(m.id),
        message: `${str(m.id)} is a register measure, but ${differences.map((d) => d.text).join("; ")}.`,
      });
    }
  },
});
