import type { MeasureRule } from "../types";
import { str } from "../text/dates";
import { defineRule } from "../registry";

/** Specific: a measure with no name says nothing about what is counted. */
defineRule<MeasureRule>({
  scope: "measure",
  id: "measure-no-name",
  criterion: "Specific",
  severity: "error",
  title: "Measure has no name",
  hint: 'Say what is counted, in plain words, e.g. "Percentage of household waste sent for reuse, recycling and composting".',
  check: (m) => (str(m.name).trim() === "" ? { field: "name", message: "The measure has no name." } : null),
});
