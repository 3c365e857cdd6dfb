// Splits an action into the separate things it commits to: "Review and update the policy and consult
// on the strategy" is two (the first "Review" shares its object with "update").
import type { CompiledSettings } from "../settings";
import { ActionText, isNumberWord, isSeparator } from "./actionText";
import { objectWords, opensWithVerb } from "./verbs";
import { FOLLOW_THROUGH_VERBS } from "./words";

/** Verbs that finish the same piece of work, so they do not start a second action. */
const FOLLOW_THROUGH: ReadonlySet<string> = new Set(FOLLOW_THROUGH_VERBS);

// Words and marks that join clauses. A switch rather than a Set: it runs for every word of every action,
// and comparing a word with these few is cheaper than hashing it.
function isJoiner(t: string): boolean {
  switch (t) {
    case "and":
    case "then":
    case "plus":
    case "also":
    case ";":
    case ",":
    case "&":
    case ".":
    case "\n":
    case "+":
      return true;
    default:
      return false;
  }
}
const BEFORE_SHARED_OBJECT = new Set(["to", "will", "shall", "and"]);
const NONE: readonly string[] = [];

/** Width of the joiner starting at tokens[i] ("and", a comma, "as well as"), or 0. */
function joinerAt(tokens: readonly string[], i: number): number {
  const t = tokens[i];
  if (isJoiner(t)) return 1;
  if (t === "as" && tokens[i + 1] === "well" && tokens[i + 2] === "as") return 3;
  if (t === "along" && tokens[i + 1] === "with") return 2;
  return 0;
}

/** A clause that ends on a verb waiting for its object ("Review", "work with schools to develop"). */
function endsOnSharedVerb(tokens: readonly string[], start: number, end: number, s: CompiledSettings): boolean {
  const last = s.words.verbs.get(tokens[end - 1]);
  if (!last || last.kind !== "base") return false;
  if (end - start === 1) return true;
  if (BEFORE_SHARED_OBJECT.has(tokens[end - 2])) return true;
  for (let k = start; k < end; k++) {
    const t = tokens[k];
    if (!isJoiner(t) && s.words.verbs.get(t)?.kind !== "base") return false;
  }
  return true;
}

function clauseTexts(tokens: readonly string[], kept: readonly number[]): string[] {
  const found: string[] = [];
  for (let k = 0; k < kept.length; k += 2) {
    const words: string[] = [];
    for (let i = kept[k]; i < kept[k + 1]; i++) if (!isSeparator(tokens[i])) words.push(tokens[i]);
    found.push(words.join(" "));
  }
  return found;
}

const NO_RANGES: readonly number[] = [];

/** [start, end) of each clause that starts work, flat; empty unless there are two or more. */
function clauseRanges(tokens: readonly string[], s: CompiledSettings): readonly number[] {
  // Most actions have no joiner at all: nothing to split.
  let joiners = 0;
  for (let i = 0; i < tokens.length; i++) if (joinerAt(tokens, i) > 0) joiners++;
  if (joiners === 0) return NO_RANGES;

  // Clause boundaries as flat [start, end) pairs.
  const bounds: number[] = [];
  let start = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const width = i === tokens.length ? 1 : joinerAt(tokens, i);
    if (width === 0) continue;
    if (i > start) bounds.push(start, i);
    start = i + width;
    i += width - 1;
  }

  // [start, end) of each clause that starts new work.
  const kept: number[] = [];
  let counted = 0;
  for (let k = 0; k < bounds.length; k += 2) {
    const clauseStart = bounds[k];
    const strict = k > 0;
    let end = bounds[k + 1];
    // A clause ending on a bare verb shares its object with the next: merge them.
    while (k + 2 < bounds.length && endsOnSharedVerb(tokens, clauseStart, end, s)) {
      k += 2;
      end = bounds[k + 1];
    }
    if (end - clauseStart < 2) continue;
    if (!opensWithVerb(tokens, clauseStart, end, s, strict)) continue;
    // "…and report the findings" finishes the same work rather than starting new work.
    if (strict && counted > 0 && FOLLOW_THROUGH.has(s.words.verbs.get(tokens[clauseStart])?.base ?? "")) continue;
    counted++;
    kept.push(clauseStart, end);
  }
  return counted < 2 ? NO_RANGES : kept;
}

/**
 * Verbs that carry one piece of work through its stages ("implement the system and migrate the data",
 * "replace the payroll system and train staff to use it").
 */
const STAGE_VERBS = new Set([
  "implement",
  "migrate",
  "test",
  "pilot",
  "evaluate",
  "decommission",
  "embed",
  "consult",
  "publish",
  "adopt",
  "agree",
  "approve",
  "present",
  "report",
  "review",
  "procure",
  "install",
  "configure",
  "launch",
  "mobilise",
  "transfer",
  "move",
  "train",
  "roll",
  "deploy",
  "draft",
  "finalise",
  "sign",
  "complete",
  "tender",
  "award",
  "appoint",
  "induct",
  "monitor",
  "trial",
  "submit",
  "update",
  "switch",
  "close",
  "retire",
  "archive",
  "integrate",
  "communicate",
  "go",
  "hand",
  "recruit",
  "build",
  "design",
  "develop",
  "commission",
]);
const INDEFINITE = new Set(["a", "an", "another", "new", "second", "further", "additional"]);

/** Words written with a capital inside the action (names: "Mockingbird", "Homelessness Strategy"), lower-cased. */
function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/[\s(,;/]([A-Z][A-Za-z'’-]*)/g)) names.add(m[1].toLowerCase());
  return names;
}

/**
 * A later clause is a stage of the first piece of work when its verb carries work through ("migrate",
 * "train", "decommission") and its object is not a new deliverable: not "a"/"new"/a number, not a name.
 */
function isStage(tokens: readonly string[], start: number, end: number, s: CompiledSettings, names: () => Set<string>): boolean {
  const base = s.words.verbs.get(tokens[start])?.base;
  if (base === undefined || !STAGE_VERBS.has(base)) return false;
  let from = start + 1;
  if (tokens[from] === "out" || tokens[from] === "up" || tokens[from] === "on" || tokens[from] === "live") from++;
  const first = tokens[from];
  if (first === undefined || from >= end) return true;
  if (INDEFINITE.has(first) || /^[£\d]/.test(first) || isNumberWord(first)) return false;
  const object = objectWords(tokens.slice(0, end), from);
  if (object.includes("new")) return false;
  const known = names();
  return !object.some((w) => known.has(w));
}

interface ClauseReading {
  /** The clauses that each start work, as text (two or more), or none. */
  parts: readonly string[];
  /** The later clauses are stages of the first piece of work, not separate deliverables. */
  staged: boolean;
}

const ONE_PIECE: ClauseReading = { parts: NONE, staged: false };

/** The action's clauses and whether they are stages of one piece of work, read once per action and shared. */
export function readClauses(text: ActionText, s: CompiledSettings): ClauseReading {
  if (text.clauses !== undefined) return text.clauses as ClauseReading;
  const kept = clauseRanges(text.tokens, s);
  let reading = ONE_PIECE;
  if (kept.length > 0) {
    let names: Set<string> | undefined;
    const lazyNames = () => (names ??= namesIn(text.text));
    let staged = true;
    for (let k = 2; k < kept.length && staged; k += 2) staged = isStage(text.tokens, kept[k], kept[k + 1], s, lazyNames);
    reading = { parts: clauseTexts(text.tokens, kept), staged };
  }
  text.clauses = reading;
  return reading;
}
