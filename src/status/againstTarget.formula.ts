// quarterAgainstTarget (trend.ts) as sheet formulas: the Measures table's "Q1 vs target %" ..
// "Q4 vs target %" columns, which the "Against target" sparkline draws (the target is its axis).
import { Column } from "../model/plan";
import { FieldRef } from "./formulaRefs";
import { reportedInExpression } from "./rag.formula";
import { Quarter } from "../model/period";

export const VS_TARGET_QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/** "Q2 vs target %": the header of a quarter's column. */
export const vsTargetHeader = (q: Quarter) => `Q${q} vs target %`;

/** The four columns as table columns, so formulas and sparklines can refer to them. */
export const VS_TARGET_COLUMNS: Column[] = VS_TARGET_QUARTERS.map((q) => ({
  key: `q${q}VsTarget`,
  csv: `q${q}_vs_target`,
  meta: { header: vsTargetHeader(q), kind: "number", prompt: `Worked out: how far Q${q}'s actual is better (+) or worse (-) than its target, as a % of the target.`, width: 9 },
}));

export function vsTargetFormula(ref: FieldRef, q: Quarter): string {
  const actual = ref(`q${q}Actual`);
  const quarterTarget = ref(`q${q}Target`);
  const annual = ref("annualTarget");
  const polarity = ref("polarity");
  const frequency = ref("frequency");
  const target = `IF(ISNUMBER(${quarterTarget}),${quarterTarget},IF(AND(${ref("cumulative")}="Yes",${frequency}<>"Annual",ISNUMBER(${annual})),${annual}*${q}/4,${annual}))`;
  const gap = `IF(${polarity}="High",${actual}-${target},IF(${polarity}="Low",${target}-${actual},-ABS(${actual}-${target})))`;
  return (
    `=IF(AND(${frequency}="Annual",${reportedInExpression(ref)}<>${q}),"",` +
    `IF(OR(NOT(ISNUMBER(${actual})),NOT(ISNUMBER(${target})),AND(${polarity}<>"High",${polarity}<>"Low",${polarity}<>"Target")),"",` +
    // IFERROR: a target so small the percentage overflows has none, as in trend.ts.
    `IF(${target}=0,"",IFERROR(${gap}/ABS(${target})*100,""))))`
  );
}
