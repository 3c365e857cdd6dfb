import type { MeasureRule } from "../types";
import { isContextual } from "./nonContextual";
import { defineRule } from "../registry";

/** Measurable: No baseline (Sefton Appendix 1, KPI quality standards). */
defineRule<MeasureRule>({
  scope: "measure",
  id: "measure-no-baseline",
  criterion: "Measurable",
  severity: "warning",
  title: "No baseline",
  hint: "Enter last year's outturn as the baseline, so the target can be judged as a stretch.",
  check: (m) => (!isContextual(m) && m.baseline == null ? { field: "baseline", message: `No baseline is given to judge the target and trend against.` } : null),
});
