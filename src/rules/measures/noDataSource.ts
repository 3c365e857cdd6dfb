import type { MeasureRule } from "../types";
import { str } from "../text/dates";
import { isContextual } from "./nonContextual";
import { defineRule } from "../registry";

/** Measurable: No data source (Sefton Appendix 1, KPI quality standards). */
defineRule<MeasureRule>({
  scope: "measure",
  id: "measure-no-data-source",
  criterion: "Measurable",
  severity: "warning",
  title: "No data source",
  hint: 'Name the system or return the figure comes from, e.g. "Liquidlogic" or "SALT return".',
  check: (m) => (!isContextual(m) && str(m.dataSource).trim() === "" ? { field: "dataSource", message: `No data source is named.` } : null),
});
