// measureRag (rag.ts) as a sheet formula for the RAG column of the Measures table, and the
// year-to-date target and actual columns (the figures the RAG is worked out from).
// Excel 2010 / LibreOffice functions only, no LET: sub-expressions are repeated instead.
import { FieldRef } from "./formulaRefs";
import { NAMES } from "./names";
import { COMPARE_DECIMALS } from "./precision";

const Q = NAMES.reportingQuarter;

/** reportedInQuarter: 1-4 from the "Reported in" cell, 4 when blank (or anything else). */
export function reportedInExpression(ref: FieldRef): string {
  const r = ref("reportedIn");
  return `IF(${r}="Q1",1,IF(${r}="Q2",2,IF(${r}="Q3",3,4)))`;
}

/** ratedQuarter when the measure is rated: the reporting quarter, or an annual measure's reported-in quarter. */
function ratedQuarterExpression(ref: FieldRef): string {
  return `IF(${ref("frequency")}="Annual",${reportedInExpression(ref)},${Q})`;
}

/** TRUE while ratedQuarter is null: an annual measure before its figure is due. */
function notYetReported(ref: FieldRef): string {
  return `AND(${ref("frequency")}="Annual",${Q}<${reportedInExpression(ref)})`;
}

/** The cell among the four quarterly fields `q1<suffix>` .. `q4<suffix>` picked by `quarter` (default: the rated quarter). */
function quarterField(ref: FieldRef, suffix: "Target" | "Actual", quarter: string = ratedQuarterExpression(ref)): string {
  return `CHOOSE(${quarter},${ref(`q1${suffix}`)},${ref(`q2${suffix}`)},${ref(`q3${suffix}`)},${ref(`q4${suffix}`)})`;
}

/**
 * targetFor at the rated quarter: the quarter's target, else the annual target, or for a cumulative
 * measure the annual target's share to date (a blank cell is "no target", not 0).
 */
function targetExpression(ref: FieldRef): string {
  const quarter = ratedQuarterExpression(ref);
  const quarterTarget = quarterField(ref, "Target", quarter);
  const annual = ref("annualTarget");
  const share = `IF(AND(${ref("cumulative")}="Yes",${ref("frequency")}<>"Annual",ISNUMBER(${annual})),${annual}*${quarter}/4,${annual})`;
  return `IF(ISNUMBER(${quarterTarget}),${quarterTarget},${share})`;
}

function withDefault(cell: string, name: string): string {
  return `IF(ISNUMBER(${cell}),${cell},${name})`;
}

/**
 * Reads this row's YTD target and YTD actual cells (ytdTargetFormula, ytdActualFormula), which are
 * blank while there is nothing to rate: so no separate "annual, not yet reported" test is needed.
 */
export function ragFormula(ref: FieldRef): string {
  const type = ref("type");
  const polarity = ref("polarity");
  const actual = ref("ytdActual");
  const target = ref("ytdTarget");
  const shortfall = `IF(${polarity}="Target",ABS(${actual}-${target}),(${actual}-${target})*IF(${polarity}="Low",1,-1))`;
  const within = (tolerance: string) => `ROUND(${shortfall}-ABS(${target})*${tolerance}/100,${COMPARE_DECIMALS})<=0`;
  const green = within(withDefault(ref("greenWithin"), NAMES.greenWithin));
  const amber = within(withDefault(ref("amberWithin"), NAMES.amberWithin));
  const noPolarity = `AND(${polarity}<>"High",${polarity}<>"Low",${polarity}<>"Target")`;
  return `=IF(${type}="Contextual Indicator","Data only",` + `IF(OR(NOT(ISNUMBER(${actual})),NOT(ISNUMBER(${target})),${noPolarity}),"M",` + `IF(${green},"Green",IF(${amber},"Amber","Red"))))`;
}

/** ytdTarget: the target the RAG uses at the reporting quarter; blank when there is none. */
export function ytdTargetFormula(ref: FieldRef): string {
  const target = targetExpression(ref);
  return `=IF(${notYetReported(ref)},"",IF(ISNUMBER(${target}),${target},""))`;
}

/** ytdActual: the figure the RAG uses at the reporting quarter; blank when there is none. */
export function ytdActualFormula(ref: FieldRef): string {
  const actual = quarterField(ref, "Actual");
  return `=IF(${notYetReported(ref)},"",IF(ISNUMBER(${actual}),${actual},""))`;
}
