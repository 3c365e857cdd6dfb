// Example rewrites in the user's own words, for the messages of the Specific rules: a Service Manager
// fixes "Licensing policy review" faster from "Review the licensing policy and [adopt it] by 31/03/2025"
// than from a rule.
import { formatUkDate, IsoDate } from "../../model/dates";

const cap = (s: string) => (s === "" ? s : s[0].toUpperCase() + s.slice(1));
const trimEnd = (s: string) => s.trim().replace(/[.;,]+$/, "");

/** "by 31/03/2025", or "by [date]" when the action has no due date. */
const byWhen = (due: IsoDate | null) => `by ${due ? formatUkDate(due) : "[date]"}`;

/** Nouns of work on one thing, read back as their verb: "Licensing policy review" -> "Review the licensing policy ...". */
const WORK_ON: Readonly<Record<string, string>> = {
  review: "Review",
  refresh: "Refresh",
  update: "Update",
  audit: "Audit",
  restructure: "Restructure",
  redesign: "Redesign",
  consultation: "Consult on",
};
/** Nouns of countable work: "Tree planting" -> "Plant [how many] tree ...". */
/** Nouns for help given to people: "Support for carers" -> "Support [how many] carers ...". */
const HELP_FOR: Readonly<Record<string, string>> = { support: "Support", training: "Train", funding: "Fund", advice: "Advise", help: "Help" };
const WORK_COUNT: Readonly<Record<string, string>> = { planting: "Plant", repairs: "Repair", recruitment: "Recruit", replacement: "Replace", inspections: "Inspect", visits: "Visit" };

/**
 * A heading ("Licensing policy review", "Review of the allocations policy", "Tree planting") rewritten as an
 * action that starts with a verb.
 */
export function headingAsAction(heading: string, due: IsoDate | null): string {
  const words = trimEnd(heading).split(/\s+/);
  const first = words[0]?.toLowerCase() ?? "";
  const last = words[words.length - 1]?.toLowerCase() ?? "";
  const outcome = `and [agree or adopt the result] ${byWhen(due)}`;
  if (WORK_ON[first] && words[1]?.toLowerCase() === "of" && words.length > 2)
    return `${WORK_ON[first]} the ${words
      .slice(2)
      .join(" ")
      .replace(/^the\s+/i, "")} ${outcome}`;
  if (HELP_FOR[first] && /^(?:for|of|to)$/i.test(words[1] ?? "") && words.length > 2) return `${HELP_FOR[first]} [how many] ${words.slice(2).join(" ")} [to do what] ${byWhen(due)}`;
  const rest = words.slice(0, -1).join(" ").toLowerCase();
  if (WORK_ON[last] && words.length > 1) return `${WORK_ON[last]} the ${rest} ${outcome}`;
  if (WORK_COUNT[last] && words.length > 1) return `${WORK_COUNT[last]} [how many] ${rest} [where] ${byWhen(due)}`;
  return `Deliver [what, how many] for ${trimEnd(heading).toLowerCase()} ${byWhen(due)}`;
}

/** The action with its vague opening taken away, when what is left starts with a verb: "Continue to deliver X" -> "Deliver X [how much]". */
export function withoutOpening(rest: string, due: IsoDate | null): string {
  return `${cap(trimEnd(rest))} [how much, to what standard] ${byWhen(due)}`;
}

/** The amount put after a soft verb: "Support partners to..." -> "Support [how many] partners to...". */
export function withAmount(action: string, verbLength: number, due: IsoDate | null): string {
  const a = trimEnd(action);
  // "Support for carers": the amount goes before whom the help is for.
  const rest = a.slice(verbLength).replace(/^\s+(?:for|of)\s+/i, " ");
  return `${cap(a.slice(0, verbLength))} [how many]${rest} ${byWhen(due)}`;
}
