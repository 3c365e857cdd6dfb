// Verb detection without an NLP library: a curated list of council verbs, their regular forms, and
// a few positional habits of English (imperatives open an action; "to" and "will" precede verbs).
import type { CompiledSettings } from "../settings";
import { isSeparator, stripLeadIn } from "./actionText";
import { NOUN_LIKE_VERBS } from "./words";

/** Verbs just as often nouns ("Review of...", "Support for..."). */
const NOUN_LIKE: ReadonlySet<string> = new Set(NOUN_LIKE_VERBS);

/** Words after which a noun-like verb reads as a noun: "Review of...", "Support for...". */
const NOUN_LINKS = new Set(["of", "for", "to", "from", "in", "at", "on", "within", "across", "by", "with", "between", "into", "about", "against", "under", "or", "is", "are", "was"]);
/** Words that open an object: "Review the...", "Train all...", "Set up...". */
const OBJECT_STARTS = new Set(["the", "a", "an", "our", "its", "their", "all", "every", "each", "any", "this", "these", "those", "new", "more", "fewer", "up", "out", "forward", "back", "down", "over", "off", "existing", "current", "key", "local", "two", "three", "four", "five", "six", "ten", "twelve", "twenty"]);
const BEFORE_VERB = new Set(["to", "will", "shall", "must", "should", "would", "can", "could", "we", "they"]);
const STRONG_BREAKS = new Set([":", ";", ".", "\n", "-", "("]);
// Every break is one character: the length test spares hashing each word.
const isStrongBreak = (t: string) => t.length === 1 && STRONG_BREAKS.has(t);

const isNumber = (t: string | undefined) => t !== undefined && /^[£\d]/.test(t);

function objectFollows(next: string | undefined): boolean {
  return next !== undefined && (OBJECT_STARTS.has(next) || isNumber(next));
}

/**
 * Does a phrase starting at tokens[i] open with a verb? `strict` is for phrases after "and": there a
 * noun-like verb needs a clear object ("and update the policy", not "and open spaces").
 */
export function opensWithVerb(tokens: readonly string[], i: number, end: number, s: CompiledSettings, strict: boolean): boolean {
  const word = tokens[i];
  const form = word === undefined ? undefined : s.words.verbs.get(word);
  if (!form) return false;
  const next = i + 1 < end ? tokens[i + 1] : undefined;
  const nounLike = NOUN_LIKE.has(form.base);
  if (form.kind === "ing") return nounLike ? objectFollows(next) : next !== undefined && !NOUN_LINKS.has(next);
  if (form.kind !== "base") return false;
  if (!nounLike) return true;
  if (strict) return objectFollows(next);
  if (next === undefined || isSeparator(next) || NOUN_LINKS.has(next)) return false;
  if (next === "and") {
    const after = tokens[i + 2];
    return after !== undefined && s.words.verbs.get(after)?.kind === "base";
  }
  if (objectFollows(next)) return true;
  // Three words or fewer with no function word is a noun phrase ("Change management programme"),
  // unless the second word is plural and so reads as the object ("Support carers").
  let words = 0;
  for (let k = i; k < end && !isSeparator(tokens[k]); k++) words++;
  if (words <= 3) return /[^s]s$/.test(next);
  return true;
}

/** True when the action contains a verb anywhere it would be read as one. */
export function hasVerb(tokens: readonly string[], s: CompiledSettings): boolean {
  // Each phrase after a strong break may open with a verb: "Road safety: deliver 12 school sessions".
  let start = 0;
  const n = tokens.length;
  while (start < n) {
    let end = start;
    while (end < n && !isStrongBreak(tokens[end])) end++;
    const first = stripLeadIn(tokens as string[], start);
    if (first < end && opensWithVerb(tokens, first, end, s, false)) return true;
    start = end + 1;
  }
  for (let i = 1; i < n; i++) {
    const form = s.words.verbs.get(tokens[i]);
    if (!form) continue;
    const prev = tokens[i - 1];
    if (form.kind === "base" && BEFORE_VERB.has(prev)) return true;
    if (form.kind === "base" && (prev === "and" || prev === "then") && !NOUN_LIKE.has(form.base)) return true;
    // A participle after the subject reads as a verb: "All staff trained by June".
    if (form.kind === "ed" && !isSeparator(prev)) return true;
  }
  return false;
}
