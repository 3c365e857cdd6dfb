// Where things sit on the Plan and Settings sheets. The design writes these cells and readPlan reads
// them back, so both use this one table of rows.
import { PLAN_DETAILS_FIELDS } from "../model/plan";
import { NAMES } from "../status/names";

/** Plan sheet: a header row, then one row per plan details field (label in A, value in B, guidance in C). */
export const PLAN_SHEET = {
  headerRow: 1,
  firstFieldRow: 2,
  labelColumn: "A",
  valueColumn: "B",
  guidanceColumn: "C",
} as const;

/** Below the plan details and narrative, after a blank row: who signed the plan off, and when (printed last). */
export const SIGN_OFF_ROWS = {
  signedOffBy: PLAN_SHEET.firstFieldRow + PLAN_DETAILS_FIELDS.length + 1,
  signedOffOn: PLAN_SHEET.firstFieldRow + PLAN_DETAILS_FIELDS.length + 2,
} as const;

export function planFieldRow(key: (typeof PLAN_DETAILS_FIELDS)[number]["key"]): number {
  const i = PLAN_DETAILS_FIELDS.findIndex((f) => f.key === key);
  if (i < 0) throw new Error(`no plan details field ${key}`);
  return PLAN_SHEET.firstFieldRow + i;
}

export type SettingKey = "reportingDate" | "reportingQuarter" | "reportingQuarterEnd" | "greenWithin" | "amberWithin" | "slippageMonths" | "council" | "planYear" | "corporatePlan";

interface SettingRow {
  key: SettingKey;
  label: string;
  /** Defined name of the value cell, where formulas read it. */
  name?: string;
  guidance: string;
}

/** Settings sheet: header row 1, then these rows (label in A, value in B, guidance in C). */
export const SETTINGS_ROWS: SettingRow[] = [
  {
    key: "reportingDate",
    label: "Reporting date",
    name: NAMES.reportingDate,
    guidance: "Every status in this workbook is worked out as at this date: usually the last day of the quarter being reported. Nothing uses today's date.",
  },
  {
    key: "reportingQuarter",
    label: "Reporting quarter",
    name: NAMES.reportingQuarter,
    guidance: "Worked out from the reporting date: 1 = April-June, 2 = July-September, 3 = October-December, 4 = January-March.",
  },
  {
    key: "reportingQuarterEnd",
    label: "Reporting quarter ends",
    name: NAMES.reportingQuarterEnd,
    guidance: "Worked out from the reporting date: actions starting after this date are scheduled for future quarters.",
  },
  { key: "greenWithin", label: "Green within %", name: NAMES.greenWithin, guidance: "From the council framework: a measure that misses its target by up to this % of the target is still Green." },
  { key: "amberWithin", label: "Amber within %", name: NAMES.amberWithin, guidance: "From the council framework: a miss of up to this % of the target is Amber; a bigger miss is Red." },
  {
    key: "slippageMonths",
    label: "Slippage months",
    name: NAMES.slippageMonths,
    guidance: "From the council framework: an action expected this many months or more after its approved due date has slipped more than 3 months.",
  },
  { key: "council", label: "Council", guidance: "From the council framework." },
  { key: "planYear", label: "Plan year", guidance: "From the council framework." },
  { key: "corporatePlan", label: "Corporate plan", guidance: "From the council framework: the plan whose priorities are listed below." },
];

export const SETTINGS_SHEET = {
  headerRow: 1,
  firstSettingRow: 2,
  /** The Priorities table's header row, below the settings with a gap and a title. */
  prioritiesTitleRow: 2 + SETTINGS_ROWS.length + 1,
  prioritiesHeaderRow: 2 + SETTINGS_ROWS.length + 2,
} as const;
