// The sign-off as check findings: each frozen value changed without an agreed change is an error
// (was, now, cell, signed off by and on); a Sign-off sheet whose values no longer hash to its
// fingerprint is an error; agreed changes are information.
import type { Plan } from "../model/plan";
import type { Criterion, Finding } from "../rules/types";
import { ItemType } from "./frozen";
import { CYCLE_SHEETS } from "./sheet";
import type { CycleRead } from "./sheet";
import { compareWithSignOff, differenceMessage, shown, signedOffText, signOffIntact } from "./signOff";
import { formatUkDate } from "../model/dates";

const criterionOf = (itemType: ItemType, field: string): Criterion => (itemType === "Action" && field === "dueDate" ? "Time-bound" : "Measurable");

export function signOffFindings(plan: Pick<Plan, "actions" | "measures">, cycle: CycleRead): Finding[] {
  const out: Finding[] = cycle.problems.map((p) => ({
    ruleId: "signOffUnreadable",
    criterion: "Measurable",
    severity: "error",
    ...(p.file ? { file: p.file } : {}),
    sheet: p.sheet,
    cell: p.cell ?? "",
    message: p.message,
    hint: "Put the sign-off record back as it was (the BI team holds its fingerprint), or record the change on the Agreed changes sheet with who, when and why.",
  }));
  const s = cycle.signOff;
  if (!s) return out;
  if (!signOffIntact(s)) {
    out.push({
      ruleId: "signOffTampered",
      criterion: "Measurable",
      severity: "error",
      sheet: CYCLE_SHEETS.signOff,
      cell: "B6",
      message: `the frozen values on the hidden ${CYCLE_SHEETS.signOff} sheet no longer match the fingerprint written at sign-off (by ${signedOffText(s)}): they have been edited`,
      hint: "The signed-off values can only change through an agreed change (Agreed changes sheet). Ask the BI team for the signed-off plan.",
    });
  }
  for (const d of compareWithSignOff(plan, s, cycle.changes)) {
    const ids = d.itemType === "Action" ? { actionId: d.id } : { measureId: d.id };
    const where = { ...(d.file ? { file: d.file } : {}), sheet: d.sheet, cell: d.cell };
    if (d.agreed) {
      out.push({
        ruleId: "agreedChange",
        criterion: criterionOf(d.itemType, d.field),
        severity: "info",
        ...where,
        ...ids,
        message: `${d.header} of ${d.itemType.toLowerCase()} ${d.id} changed from ${shown(d.was)} to ${shown(d.now)}, agreed by ${d.agreed.agreedBy} on ${formatUkDate(d.agreed.agreedOn)}: ${d.agreed.reason}`,
        hint: "Reported in the return under Changes to targets since sign-off.",
      });
      continue;
    }
    out.push({
      ruleId: "changedAfterSignOff",
      criterion: criterionOf(d.itemType, d.field),
      severity: "error",
      ...where,
      ...ids,
      message: differenceMessage(d, s),
      hint: `Targets, trajectories, tolerances, definitions and approved due dates are not adjusted in-year after sign-off. Put back ${shown(d.was)}, or record an agreed change (who agreed, when, why) on the ${CYCLE_SHEETS.agreedChanges} sheet; a new date goes in Revised due date.`,
    });
  }
  return out;
}
