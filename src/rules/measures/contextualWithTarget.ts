import type { MeasureRule } from "../types";
import { defineRule } from "../registry";
import { isContextual } from "./nonContextual";

/** Measurable: contextual indicators inform planning and are not target-set (Sefton Appendix 3); a target on one is a mistake either way. */
defineRule<MeasureRule>({
  scope: "measure",
  id: "contextual-with-target",
  criterion: "Measurable",
  severity: "warning",
  title: "Contextual indicator with a target",
  hint: "Remove the target, or change the type to Performance Indicator if the service is accountable for it.",
  check: (m) => {
    if (!isContextual(m)) return null;
    const field =
      m.annualTarget != null ? "annualTarget" : m.q1Target != null ? "q1Target" : m.q2Target != null ? "q2Target" : m.q3Target != null ? "q3Target" : m.q4Target != null ? "q4Target" : null;
    return field ? { field, message: `"${String(m.name ?? "").trim() || m.id}" is a Contextual Indicator, which is not target-set, but has a target.` } : null;
  },
});
