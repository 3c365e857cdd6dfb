// Dates as the rules see them: a row may hold anything (the property test feeds junk), so only
// well-formed ISO dates count.
import { IsoDate, isIsoDate } from "../../model/dates";

export function validDate(value: unknown): IsoDate | null {
  return typeof value === "string" && isIsoDate(value) ? value : null;
}

/** The date the action is now expected: the revised date if set, else the approved due date. */
export function expectedDate(a: { dueDate: unknown; revisedDueDate: unknown }): IsoDate | null {
  return validDate(a.revisedDueDate) ?? validDate(a.dueDate);
}

export const str = (v: unknown): string => (typeof v === "string" ? v : "");
