import type { MeasureRule } from "../types";
import { isContextual } from "./nonContextual";
import { defineRule } from "../registry";

/** Measurable: No target (Sefton Appendix 1, KPI quality standards). */
defineRule<MeasureRule>({
  scope: "measure",
  id: "measure-no-target",
  criterion: "Measurable",
  severity: "warning",
  title: "No target",
  hint: "Set the annual target (and quarterly targets if the trajectory is not flat) at sign-off.",
  check: (m) =>
    !isContextual(m) && m.annualTarget == null && m.q1Target == null && m.q2Target == null && m.q3Target == null && m.q4Target == null
      ? { field: "annualTarget", message: `No target is set, so performance cannot be judged against it.` }
      : null,
});
