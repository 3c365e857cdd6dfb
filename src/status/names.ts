// The settings every status formula reads: single-cell defined names on the Settings sheet.
// ReportingQuarter and ReportingQuarterEnd are derived from ReportingDate by the formulas below.

export const NAMES = {
  reportingDate: "ReportingDate",
  reportingQuarter: "ReportingQuarter",
  reportingQuarterEnd: "ReportingQuarterEnd",
  greenWithin: "GreenWithin",
  amberWithin: "AmberWithin",
  slippageMonths: "SlippageMonths",
} as const;

/**
 * Financial-year quarter (1-4, Q1 = April-June) of ReportingDate.
 * MOD before INT keeps INT's argument non-negative: engines disagree on INT of negatives
 * (HyperFormula truncates, Excel floors), so the form `MOD(INT((MONTH-4)/3),4)+1` is not portable.
 */
export function reportingQuarterFormula(): string {
  return `=INT(MOD(MONTH(${NAMES.reportingDate})-4,12)/3)+1`;
}

/** Last day of the quarter holding ReportingDate (quarters end in June, September, December, March). */
export function reportingQuarterEndFormula(): string {
  return `=EOMONTH(${NAMES.reportingDate},MOD(3-MONTH(${NAMES.reportingDate}),3))`;
}
