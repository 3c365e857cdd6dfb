// measureRag (rag.ts) as a sheet formula for the RAG column of the Measures table.
// Excel 2010 / LibreOffice functions only, no LET: sub-expressions are repeated instead.
import { FieldRef } from "./formulaRefs";
import { NAMES } from "./names";
import { COMPARE_DECIMALS } from "./precision";

const Q = NAMES.reportingQuarter;

/** This quarter's cell among the four quarterly fields `q1<suffix>` .. `q4<suffix>`. */
export function quarterField(ref: FieldRef, suffix: "Target" | "Actual"): string {
  return `CHOOSE(${Q},${ref(`q1${suffix}`)},${ref(`q2${suffix}`)},${ref(`q3${suffix}`)},${ref(`q4${suffix}`)})`;
}

/** targetFor: the quarter's target, else the annual target (a blank cell is "no target", not 0). */
export function targetExpression(ref: FieldRef): string {
  const quarterTarget = quarterField(ref, "Target");
  return `IF(ISNUMBER(${quarterTarget}),${quarterTarget},${ref("annualTarget")})`;
}

function withDefault(cell: string, name: string): string {
  return `IF(ISNUMBER(${cell}),${cell},${name})`;
}

export function ragFormula(ref: FieldRef): string {
  const type = ref("type");
  const polarity = ref("polarity");
  const actual = quarterField(ref, "Actual");
  const target = targetExpression(ref);
  const shortfall = `IF(${polarity}="Target",ABS(${actual}-${target}),(${actual}-${target})*IF(${polarity}="Low",1,-1))`;
  const within = (tolerance: string) => `ROUND(${shortfall}-ABS(${target})*${tolerance}/100,${COMPARE_DECIMALS})<=0`;
  const green = within(withDefault(ref("greenWithin"), NAMES.greenWithin));
  const amber = within(withDefault(ref("amberWithin"), NAMES.amberWithin));
  const noPolarity = `AND(${polarity}<>"High",${polarity}<>"Low",${polarity}<>"Target")`;
  return (
    `=IF(${type}="Contextual Indicator","Data only",` +
    `IF(AND(${ref("frequency")}="Annual",${Q}<4),"M",` +
    `IF(OR(NOT(ISNUMBER(${actual})),NOT(ISNUMBER(${target})),${noPolarity}),"M",` +
    `IF(${green},"Green",IF(${amber},"Amber","Red")))))`
  );
}
