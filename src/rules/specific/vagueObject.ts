import type { ActionRule } from "../types";
import { defineRule } from "../registry";
import { objectIsOnly, objectWords, openingVerbs } from "../text/verbs";

/** Specific: "Deliver the transformation programme" names no particular thing to deliver. */
defineRule<ActionRule>({
  scope: "action",
  id: "vague-object",
  criterion: "Specific",
  severity: "warning",
  title: "Vague object",
  hint: 'Name what will be delivered: which programme, which improvements, for whom, e.g. "Deliver the three projects of the Adult Social Care transformation programme: ...".',
  check: (_a, _facts, ctx, text) => {
    if (text.hasQuantity) return null;
    const { verbs, object } = openingVerbs(text, ctx.settings);
    if (verbs.length === 0) return null;
    if (!objectIsOnly(text.tokens, object, ctx.settings.words.vagueObjects)) return null;
    const words = objectWords(text.tokens, object);
    const what = words.join(" ");
    return {
      field: "action",
      message: `"${what}" does not say which ${words[words.length - 1]}: name what will be delivered, e.g. "${verbs[0][0].toUpperCase()}${verbs[0].slice(1)} the [named] ${what} by [date]: [its main parts]".`,
    };
  },
});
