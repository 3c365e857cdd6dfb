import type { MeasureRule } from "../types";
import { str } from "../text/dates";
import { isContextual } from "./nonContextual";
import { defineRule } from "../registry";

/** Time-bound: No reporting frequency (Sefton Appendix 1, KPI quality standards). */
defineRule<MeasureRule>({
  scope: "measure",
  id: "measure-no-frequency",
  criterion: "Time-bound",
  severity: "warning",
  title: "No reporting frequency",
  hint: "Choose Monthly, Quarterly or Annual.",
  check: (m) => (!isContextual(m) && str(m.frequency).trim() === "" ? { field: "frequency", message: `No reporting frequency is set.` } : null),
});
