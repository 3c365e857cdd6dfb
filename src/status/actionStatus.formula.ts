// actionStatus (actionStatus.ts) as a sheet formula for the Status column of the Actions table.
import { FieldRef } from "./formulaRefs";
import { NAMES } from "./names";

/**
 * EDATE(date, months) written as MIN(EOMONTH(date,months), EOMONTH(date,months-1)+DAY(date)):
 * the same value in Excel, but also right in HyperFormula, whose EDATE clamps to 28 February even
 * in leap years (30 Nov 2023 + 3 months must be 29 Feb 2024).
 */
function monthsLaterFormula(date: string, months: string): string {
  return `MIN(EOMONTH(${date},${months}),EOMONTH(${date},${months}-1)+DAY(${date}))`;
}

export function actionStatusFormula(ref: FieldRef): string {
  const due = ref("dueDate");
  const revised = ref("revisedDueDate");
  const completed = ref("completedDate");
  const start = ref("startDate");
  const expected = `MAX(${NAMES.reportingDate},IF(ISNUMBER(${revised}),${revised},${due}))`;
  return (
    `=IF(${ref("noLongerViable")}="Yes","No longer viable",` +
    `IF(AND(ISNUMBER(${completed}),${completed}<=${NAMES.reportingDate}),"Delivered",` +
    `IF(AND(ISNUMBER(${start}),${start}>${NAMES.reportingQuarterEnd}),"Scheduled for future quarters",` +
    `IF(NOT(ISNUMBER(${due})),"No due date",` +
    `IF(${expected}>=${monthsLaterFormula(due, NAMES.slippageMonths)},"Slipped (more than 3 months)",` +
    `IF(${expected}>${due},"Slipped (less than 3 months)","On target"))))))`
  );
}
