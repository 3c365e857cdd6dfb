import type { MeasureRule } from "../types";
import { str } from "../text/dates";
import { isContextual } from "./nonContextual";
import { defineRule } from "../registry";

/** Responsible: No accountable officer (Sefton Appendix 1, KPI quality standards). */
defineRule<MeasureRule>({
  scope: "measure",
  id: "measure-no-accountable-officer",
  criterion: "Responsible",
  severity: "warning",
  title: "No accountable officer",
  hint: "Name the officer accountable for the measure.",
  check: (m) => (!isContextual(m) && str(m.accountableOfficer).trim() === "" ? { field: "accountableOfficer", message: `No accountable officer is named.` } : null),
});
