import type { MeasureRule } from "../types";
import { isContextual } from "./nonContextual";
import { defineRule } from "../registry";

/** Specific: No polarity (what is good) (Sefton Appendix 1, KPI quality standards). */
defineRule<MeasureRule>({
  scope: "measure",
  id: "measure-no-polarity",
  criterion: "Specific",
  severity: "error",
  title: "No polarity (what is good)",
  hint: "Say what is good: High, Low, or Target (closest to target).",
  check: (m) => (!isContextual(m) && m.polarity == null ? { field: "polarity", message: `Polarity is blank, so nobody can tell whether a rise is good or bad.` } : null),
});
