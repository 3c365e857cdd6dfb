import type { ActionRule } from "../types";
import { defineRule } from "../registry";
import { openingVerbs, opensWithVerb, softVerbs } from "../text/verbs";
import { tokenise } from "../text/actionText";
import { withAmount, withoutOpening } from "../text/rewrite";

/** Keeping a named standard is a checkable result: "Maintain Customer Service Excellence accreditation". */
const STANDARD = /(?:^|[^a-z])(?:status|accreditation|accredited|certification|certified|award|charter|flag|standard|kitemark|iso \d+)(?![a-z])/;

/** Specific: "Continue to", "Explore", "Support" promise effort, not a result anyone can check. */
defineRule<ActionRule>({
  scope: "action",
  id: "vague-opening",
  criterion: "Specific",
  severity: "warning",
  title: "Vague opening",
  hint: 'Say what will be different when it is done, e.g. "Open a carers\' hub in Bootle by January" rather than "Explore options for a carers\' hub".',
  check: (_a, facts, ctx, text) => {
    const vague = ctx.settings.words.vagueOpenings.exec(text.opening);
    if (vague) {
      // "Continue to deliver the holiday programme": what follows the opening is the action itself.
      const rest = text.opening.slice(vague.index + vague[0].length).trim();
      const restTokens = tokenise(rest);
      const example = restTokens.length >= 2 && opensWithVerb(restTokens, 0, restTokens.length, ctx.settings, false) ? `, e.g. "${withoutOpening(rest, facts.due)}"` : "";
      return { field: "action", message: `Opens with "${vague[1]}", which promises effort rather than a result${example || ": say what will be different when it is done"}.` };
    }
    // Soft verbs are fine with a quantity: "Support 40 care leavers into apprenticeships".
    const weak = text.hasQuantity ? null : ctx.settings.words.weakVerbs.exec(text.opening);
    if (!weak || STANDARD.test(text.lower)) return null;
    // A bundle of soft verbs is verb-bundle's to report.
    if (softVerbs(openingVerbs(text, ctx.settings).verbs, ctx.settings.words.weakVerbs).length >= 2) return null;
    const start = text.text.toLowerCase().indexOf(weak[1]);
    const example = start >= 0 ? `, e.g. "${withAmount(text.text.slice(start), weak[1].length, facts.due)}"` : "";
    return { field: "action", message: `Opens with "${weak[1]}" but does not say how much or what will change${example}.` };
  },
});
