// directionOfTravel (direction.ts) as a sheet formula for the Direction of travel column.
import { FieldRef } from "./formulaRefs";
import { NAMES } from "./names";
import { COMPARE_DECIMALS } from "./precision";
import { quarterField, targetExpression } from "./rag.formula";

const Q = NAMES.reportingQuarter;

export function directionFormula(ref: FieldRef): string {
  const polarity = ref("polarity");
  const now = quarterField(ref, "Actual");
  // Q1 and Q4 compare with the baseline; Q2 with Q1, Q3 with Q2.
  const before = `CHOOSE(${Q},${ref("baseline")},${ref("q1Actual")},${ref("q2Actual")},${ref("baseline")})`;
  const target = targetExpression(ref);
  const change = `ROUND(IF(${polarity}="Target",ABS(${before}-${target})-ABS(${now}-${target}),(${now}-${before})*IF(${polarity}="Low",-1,1)),${COMPARE_DECIMALS})`;
  const cannotMeasure =
    `OR(NOT(ISNUMBER(${now})),NOT(ISNUMBER(${before})),` +
    `AND(${polarity}<>"High",${polarity}<>"Low",OR(${polarity}<>"Target",NOT(ISNUMBER(${target})))))`;
  return (
    `=IF(AND(${ref("frequency")}="Annual",${Q}<4),"M",` +
    `IF(${cannotMeasure},"M",` +
    `IF(${change}>0,"Improving",IF(${change}<0,"Declining","Maintained"))))`
  );
}
