import { formatUkDate } from "../../model/dates";
import type { ActionRule } from "../types";
import { defineRule } from "../registry";
import { hasQuantity } from "../text/actionText";
import { str } from "../text/dates";
import { openingVerbs } from "../text/verbs";

/** Verbs whose amount reads as "from ... to ...". */
const MOVES = new Set(["increase", "reduce", "raise", "grow", "decrease", "lower", "boost", "maximise", "minimise", "cut", "improve", "widen", "expand"]);

/** Specific: "Increase take-up of free school meals" says which way, but not how far. */
defineRule<ActionRule>({
  scope: "action",
  id: "vague-aim",
  criterion: "Specific",
  severity: "warning",
  title: "Direction without an amount",
  hint: "Say how much and by when, in the action or its measure of success, or link the measure whose target says it.",
  check: (a, facts, ctx, text) => {
    // "Ensure all staff complete GDPR training": all of them is an amount.
    if (text.hasQuantity || text.tokens.includes("all")) return null;
    const { verbs } = openingVerbs(text, ctx.settings);
    if (verbs.length === 0 || !ctx.settings.words.aimVerbs.has(verbs[0])) return null;
    // The amount may sit in the measure of success or in a linked measure's target.
    if (str(a.linkedMeasures).trim() !== "" || hasQuantity(str(a.measureOfSuccess))) return null;
    const when = facts.due ? formatUkDate(facts.due) : "31 March";
    const own = text.text.trim().replace(/[.;,]+$/, "");
    const example = MOVES.has(verbs[0]) ? `${own} from [now] to [target] by ${when}` : `${own} by [what will be done, how many] by ${when}`;
    return { field: "action", message: `Says which way ("${verbs[0]}") but not how much: add the amount, e.g. "${example}".` };
  },
});
