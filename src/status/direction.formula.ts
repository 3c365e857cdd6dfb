// directionOfTravel (direction.ts) as a sheet formula for the Direction of travel column.
import { FieldRef } from "./formulaRefs";
import { NAMES } from "./names";
import { COMPARE_DECIMALS } from "./precision";

const Q = NAMES.reportingQuarter;
const RD = NAMES.reportingDate;

/** Whole-column references to the Updates history (period label, item ID, figure). */
export interface HistoryRef {
  period: string;
  itemId: string;
  value: string;
}

/**
 * sameQuarterLastYear as text: the reporting date's financial year, one back, with its quarter,
 * e.g. "2023/24 Q2" (history.ts). The year starts in April, so January-March belong to the year before.
 */
function sameQuarterLastYearExpression(): string {
  const startYear = `(YEAR(${RD})-IF(MONTH(${RD})<4,1,0))`;
  return `(${startYear}-1)&"/"&RIGHT(${startYear},2)&" Q"&${Q}`;
}

/** comparatorFor, with lastYearFigure looked up in the history by COUNTIFS/SUMIFS. */
function comparatorExpression(ref: FieldRef, history: HistoryRef): string {
  const label = sameQuarterLastYearExpression();
  const id = ref("id");
  const held = `COUNTIFS(${history.period},${label},${history.itemId},${id},${history.value},"<>")>0`;
  const lastYear = `SUMIFS(${history.value},${history.period},${label},${history.itemId},${id})`;
  const baseline = ref("baseline");
  // "" when there is nothing to compare with: ISNUMBER then says M.
  const cumulative = `IF(${held},${lastYear},IF(${Q}=4,${baseline},""))`;
  return `IF(${ref("frequency")}="Annual",${baseline},` + `IF(${ref("cumulative")}="Yes",${cumulative},` + `CHOOSE(${Q},${baseline},${ref("q1Actual")},${ref("q2Actual")},${baseline})))`;
}

/** comparatorFor as a cell: the figure direction of travel compares with; blank when there is none. */
export function comparedWithFormula(ref: FieldRef, history: HistoryRef): string {
  const before = comparatorExpression(ref, history);
  return `=IF(ISNUMBER(${before}),${before},"")`;
}

/** Reads this row's YTD actual, YTD target and Compared with cells (blank when there is none). */
export function directionFormula(ref: FieldRef): string {
  const polarity = ref("polarity");
  const now = ref("ytdActual");
  const before = ref("comparedWith");
  const target = ref("ytdTarget");
  const change = `ROUND(IF(${polarity}="Target",ABS(${before}-${target})-ABS(${now}-${target}),(${now}-${before})*IF(${polarity}="Low",-1,1)),${COMPARE_DECIMALS})`;
  const cannotMeasure = `OR(NOT(ISNUMBER(${now})),NOT(ISNUMBER(${before})),` + `AND(${polarity}<>"High",${polarity}<>"Low",OR(${polarity}<>"Target",NOT(ISNUMBER(${target})))))`;
  return `=IF(${cannotMeasure},"M",IF(${change}>0,"Improving",IF(${change}<0,"Declining","Maintained")))`;
}
