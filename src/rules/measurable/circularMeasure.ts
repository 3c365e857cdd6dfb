import type { ActionRule } from "../types";
import type { CompiledSettings } from "../settings";
import { defineRule } from "../registry";
import { hasQuantity, tokenise } from "../text/actionText";
import { str } from "../text/dates";

/** Words that only say the work happened ("delivered", "completed", "taken forward"), and glue words. */
const DONE = new Set([
  "delivered",
  "deliver",
  "completed",
  "complete",
  "completion",
  "developed",
  "done",
  "achieved",
  "undertaken",
  "implemented",
  "progressed",
  "progress",
  "taken",
  "forward",
  "carried",
  "out",
  "produced",
  "finished",
  "conducted",
  "actioned",
  "ongoing",
  "on",
  "track",
  "reviewed",
  "created",
  "established",
  "embedded",
  "improved",
  "made",
  "successfully",
  "fully",
  "the",
  "a",
  "an",
  "of",
  "and",
  "to",
  "for",
  "has",
  "have",
  "been",
  "is",
  "are",
  "was",
  "were",
  "be",
  "will",
  "by",
  "all",
  "in",
  "with",
  "new",
  "co-produced",
  "coproduced",
  "explored",
  "considered",
  "supported",
  "continued",
]);
/** An end state someone else can check: adopted, published, live, signed, in post... */
const END_STATE =
  /(?:^|[^a-z])(?:adopted|approved|published|open|opened|live|signed|awarded|agreed|accepted|launched|in post|appointed|held|passed|renewed|submitted|operating|reopened|installed|replaced|in place|decision|report|ratified|procured|granted|registered|certified|accredited|switched off|decommissioned|recruited|trained)(?![a-z])/;

/** The root a word shares with its other forms: "developed" and "develop", "strategies" and "strategy", "transformation" and "transform". */
function root(word: string, s: CompiledSettings): string {
  const verb = s.words.verbs.get(word);
  if (verb) return verb.base;
  if (word.endsWith("ation") && word.length > 7) return word.slice(0, -5);
  if (word.endsWith("ment") && word.length > 6) return word.slice(0, -4);
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** Measurable: "Strategy developed" for "Develop a strategy" only restates the action: it is not a measure. */
defineRule<ActionRule>({
  scope: "action",
  id: "circular-measure",
  criterion: "Measurable",
  severity: "warning",
  title: "Measure of success restates the action",
  hint: "Say how you will know it worked: a number, a standard met, or an end state someone else can check (adopted by Cabinet, live, in post).",
  check: (a, _facts, ctx, text) => {
    const measure = str(a.measureOfSuccess).trim();
    if (measure === "" || text.wordCount === 0 || str(a.linkedMeasures).trim() !== "") return null;
    const lower = measure.toLowerCase();
    if (hasQuantity(measure) || END_STATE.test(lower)) return null;
    const actionRoots = new Set<string>();
    for (const t of text.tokens) actionRoots.add(root(t, ctx.settings));
    for (const w of tokenise(lower)) {
      if (w.length === 1 && !/[a-z]/.test(w)) continue;
      if (!DONE.has(w) && !actionRoots.has(root(w, ctx.settings))) return null;
    }
    return {
      field: "measureOfSuccess",
      message: `"${measure}" only says the action was done. Say how you will know it worked, e.g. "${text.text.trim().replace(/[.;,]+$/, "")}: adopted by Cabinet by [date]" or a number to reach.`,
    };
  },
});
