// Dates as the rules see them: a row may hold anything (the property test feeds junk), so only
// well-formed ISO dates count.
import { IsoDate, isIsoDate } from "../../model/dates";

const ISO_SHAPE = /^\d{4}-\d\d-\d\d$/;

// Plans repeat the same few dates thousands of times; remember the verdicts (bounded, so junk cannot grow it).
const verdicts = new Map<string, boolean>();

export function validDate(value: unknown): IsoDate | null {
  if (typeof value !== "string") return null;
  // Fast path for the usual yyyy-mm-dd with a day up to 28: valid in every month of every year.
  if (value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    const m = (value.charCodeAt(5) - 48) * 10 + (value.charCodeAt(6) - 48);
    const d = (value.charCodeAt(8) - 48) * 10 + (value.charCodeAt(9) - 48);
    if (m >= 1 && m <= 12 && d >= 1 && d <= 28 && ISO_SHAPE.test(value)) return value;
  }
  let ok = verdicts.get(value);
  if (ok === undefined) {
    ok = isIsoDate(value);
    if (verdicts.size > 4096) verdicts.clear();
    verdicts.set(value, ok);
  }
  return ok ? value : null;
}

export const str = (v: unknown): string => (typeof v === "string" ? v : "");

// Interim timing in the wording: a month, a quarter, a phase, a milestone or a date.
export const INTERIM =
  /(?<![a-z])(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may \d|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|q[1-4]|quarter|phase|stage|milestone|by end of|\d{1,2}\/\d{1,2}\/\d{2,4})(?![a-z])/i;
