// Verb detection without an NLP library: a curated list of council verbs, their regular forms, and
// a few positional habits of English (imperatives open an action; "to" and "will" precede verbs; a
// subject may come first, "Housing Options Team reviews..."; an unlisted word followed by an object
// opens an action, "Switch to a single supplier", "Chair the board").
import type { CompiledSettings } from "../settings";
import { ActionText, isSeparator, stripLeadIn } from "./actionText";
import { NOUN_LIKE_VERBS } from "./words";

/** Verbs just as often nouns ("Review of...", "Support for..."). */
const NOUN_LIKE: ReadonlySet<string> = new Set(NOUN_LIKE_VERBS);

/** Words after which a noun-like verb reads as a noun: "Review of...", "Support for...". */
const NOUN_LINKS = new Set(["of", "for", "to", "from", "in", "at", "on", "within", "across", "by", "with", "between", "into", "about", "against", "under", "or", "is", "are", "was"]);
/** Words that open an object: "Review the...", "Train all...", "Set up...". */
const OBJECT_STARTS = new Set([
  "the",
  "a",
  "an",
  "our",
  "its",
  "their",
  "all",
  "every",
  "each",
  "any",
  "this",
  "these",
  "those",
  "new",
  "more",
  "fewer",
  "up",
  "out",
  "forward",
  "back",
  "down",
  "over",
  "off",
  "existing",
  "current",
  "key",
  "local",
  "two",
  "three",
  "four",
  "five",
  "six",
  "ten",
  "twelve",
  "twenty",
]);
const BEFORE_VERB = new Set(["to", "will", "shall", "must", "should", "would", "can", "could", "we", "they"]);
const STRONG_BREAKS = new Set([":", ";", ".", "\n", "-", "("]);
// Every break is one character: the length test spares hashing each word.
const isStrongBreak = (t: string) => t.length === 1 && STRONG_BREAKS.has(t);

const isNumber = (t: string | undefined) => t !== undefined && /^[£\d]/.test(t);

/** Verbs of moving or changing that take "to" before their object: "Move to a cloud platform". */
const TO_VERBS = new Set(["move", "switch", "transfer", "transition", "return", "migrate", "change", "convert", "shift", "upgrade", "relocate"]);
/** Words that start an object or a destination after an unlisted opening word. */
const DETERMINERS = new Set(["the", "a", "an", "our", "its", "their", "all", "every", "each", "this", "these", "those", "up", "out"]);
/** Word endings of nouns and adjectives, which open headings ("Transformation of...", "Digital inclusion"). */
const NOUNISH = /(?:tion|sion|ment|ness|ity|ance|ence|ing|ship|ism|ure|al|ic|ous|ive|ary|ory|ery|ics|ed|s)$/;
/** Short words that open a heading rather than an action. */
const NOT_VERBS = new Set([
  "a",
  "an",
  "the",
  "new",
  "more",
  "better",
  "further",
  "all",
  "our",
  "annual",
  "key",
  "each",
  "every",
  "any",
  "no",
  "one",
  "two",
  "three",
  "four",
  "five",
  "this",
  "that",
  "these",
  "those",
  "some",
  "other",
  "next",
  "first",
  "second",
  "third",
  "final",
  "main",
  "local",
  "wider",
  "joint",
  "year",
  "plan",
  "access",
  "support",
  "help",
  "care",
  "work",
  "progress",
  "budget",
  "staff",
  "road",
  "sefton",
  "council",
  "team",
  "service",
  "high",
  "low",
  "free",
  "safe",
  "good",
  "fair",
  "open",
  "clean",
  "green",
  "young",
  "older",
  "early",
  "public",
  "private",
  "social",
  "adult",
  "child",
  "youth",
  "health",
  "housing",
  "waste",
  "parks",
  "town",
  "city",
  "home",
  "school",
  "family",
  "day",
  "night",
  "and",
  "or",
  "with",
  "for",
  "of",
  "to",
  "in",
  "on",
  "by",
  "at",
  "from",
]);

/**
 * A word not in the verb list that opens an imperative by its position: followed by a determiner or a
 * number ("Chair the board", "Get 100% of...") or by "to" and a determiner ("Switch to a single supplier").
 * Nouns and adjectives rarely stand there in a plan; their usual endings rule most of them out.
 */
function unlistedVerbAt(tokens: readonly string[], i: number, end: number): boolean {
  const word = tokens[i];
  if (word === undefined || word.length < 2 || NOT_VERBS.has(word) || !/^[a-z][a-z-]*$/.test(word) || NOUNISH.test(word)) return false;
  const next = i + 1 < end ? tokens[i + 1] : undefined;
  if (next === undefined) return false;
  if (DETERMINERS.has(next) || isNumber(next)) return true;
  return next === "to" && i + 2 < end && (DETERMINERS.has(tokens[i + 2]) || isNumber(tokens[i + 2]));
}

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
  if (!form) return !strict && unlistedVerbAt(tokens, i, end);
  const next = i + 1 < end ? tokens[i + 1] : undefined;
  const nounLike = NOUN_LIKE.has(form.base);
  // "Move to a cloud platform": a verb of moving, then "to" and its destination.
  if (form.kind === "base" && next === "to" && TO_VERBS.has(form.base) && i + 2 < end && DETERMINERS.has(tokens[i + 2])) return true;
  if (form.kind === "ing") return nounLike ? objectFollows(next) : next !== undefined && !NOUN_LINKS.has(next);
  if (form.kind !== "base") return false;
  if (!nounLike) return true;
  if (strict) return objectFollows(next);
  if (next === undefined || (isSeparator(next) && next !== ",") || NOUN_LINKS.has(next)) return false;
  // "Review and update...", "Review, consult on and present...": a bundle of verbs sharing one object.
  if (next === "and" || next === ",") {
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
    // Subject first: "Housing Options Team reviews all cases", "Service leads complete quarterly audits".
    const next = tokens[i + 1];
    if (next === undefined || isSeparator(next) || NOUN_LINKS.has(next)) continue;
    // A noun-like verb ("reviews", "audits") reads as a verb here unless a list goes on ("surveys and reviews").
    if (form.kind === "s" && !isSeparator(prev) && !DETERMINERS.has(prev) && (!NOUN_LIKE.has(form.base) || (next !== "and" && next !== "or"))) return true;
    if (form.kind === "base" && /[^s]s$/.test(prev) && !NOUN_LIKE.has(form.base)) return true;
  }
  return false;
}

/** Particles that belong to the verb before them: "take forward", "set up", "roll out", "consult on (and...)". */
const PHRASAL = new Set(["forward", "up", "out"]);
const BUNDLE_PARTICLES = new Set(["on", "with", "to", "for", "in", "up", "out"]);
const isAnd = (t: string | undefined) => t === "," || t === "and" || t === "&";

interface OpeningVerbs {
  /** The base forms of the verbs that open the action and share its object. */
  verbs: string[];
  /** Index of the token where their object starts. */
  object: number;
}

/**
 * The verbs that open the action and share one object: "Inform, support and empower tenants to..." gives
 * inform, support, empower; "Review, consult on and present the policy" gives review, consult, present.
 */
export function openingVerbs(text: ActionText, s: CompiledSettings): OpeningVerbs {
  if (text.openingVerbs === undefined) text.openingVerbs = findOpeningVerbs(text.tokens, s);
  return text.openingVerbs as OpeningVerbs;
}

function findOpeningVerbs(tokens: readonly string[], s: CompiledSettings): OpeningVerbs {
  const verbs: string[] = [];
  let i = 0;
  for (;;) {
    const t = tokens[i];
    const form = t === undefined ? undefined : s.words.verbs.get(t);
    const base = form?.kind === "base" ? form.base : verbs.length === 0 && unlistedVerbAt(tokens, i, tokens.length) ? t : undefined;
    if (base === undefined) return { verbs, object: i };
    verbs.push(base);
    let j = i + 1;
    if (BUNDLE_PARTICLES.has(tokens[j]) && isAnd(tokens[j + 1])) j++;
    else if (PHRASAL.has(tokens[j])) j++;
    if (tokens[j] === "," && tokens[j + 1] === "and") j++;
    if (isAnd(tokens[j]) && s.words.verbs.get(tokens[j + 1])?.kind === "base") {
      i = j + 1;
      continue;
    }
    return { verbs, object: j };
  }
}

const OBJECT_ENDS = new Set([
  "to",
  "with",
  "in",
  "across",
  "at",
  "by",
  "within",
  "through",
  "on",
  "into",
  "so",
  "that",
  "which",
  "and",
  "or",
  "as",
  "where",
  "when",
  "including",
  "between",
  "under",
  "over",
  "via",
]);
const SKIPPED = new Set(["the", "a", "an", "our", "its", "their", "this", "these", "those", "all", "of", "for", "from", "sefton's", "council's"]);

/** Whether every word of the object from `from` is in `vague` (and there is at least one): no array is built, as it runs for every action. */
export function objectIsOnly(tokens: readonly string[], from: number, vague: ReadonlySet<string>): boolean {
  let words = 0;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (isSeparator(t) || OBJECT_ENDS.has(t)) break;
    if (SKIPPED.has(t)) continue;
    if (!vague.has(t)) return false;
    words++;
  }
  return words > 0;
}

/** The words of the object that follows the opening verbs, up to the first preposition or break ("of" and "for" continue it: "a strategy for play areas"). */
export function objectWords(tokens: readonly string[], from: number): string[] {
  const words: string[] = [];
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (isSeparator(t) || OBJECT_ENDS.has(t)) break;
    if (!SKIPPED.has(t)) words.push(t);
  }
  return words;
}

/** The soft verbs ("support", "inform") among the opening verbs: bundles of them promise activity, not a result. */
export function softVerbs(verbs: readonly string[], weak: RegExp): string[] {
  return verbs.filter((v) => weak.test(v));
}
