// Splits an action into the separate things it commits to: "Review and update the policy and consult
// on the strategy" is two (the first "Review" shares its object with "update").
import type { CompiledSettings } from "../settings";
import { isSeparator } from "./actionText";
import { opensWithVerb } from "./verbs";
import { FOLLOW_THROUGH_VERBS } from "./words";

/** Verbs that finish the same piece of work, so they do not start a second action. */
const FOLLOW_THROUGH: ReadonlySet<string> = new Set(FOLLOW_THROUGH_VERBS);

// Words and marks that join clauses. A switch rather than a Set: it runs for every word of every action,
// and comparing a word with these few is cheaper than hashing it.
function isJoiner(t: string): boolean {
  switch (t) {
    case "and": case "then": case "plus": case "also":
    case ";": case ",": case "&": case ".": case "\n": case "+":
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

/**
 * The clauses of an action that each start a separate piece of work, as text: two or more, or none when
 * the action is one piece of work (so the common case builds no strings).
 */
export function separateActions(tokens: readonly string[], s: CompiledSettings): readonly string[] {
  // Most actions have no joiner at all: nothing to split.
  let joiners = 0;
  for (let i = 0; i < tokens.length; i++) if (joinerAt(tokens, i) > 0) joiners++;
  if (joiners === 0) return NONE;

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
  if (counted < 2) return NONE;
  const found: string[] = [];
  for (let k = 0; k < kept.length; k += 2) {
    const words: string[] = [];
    for (let i = kept[k]; i < kept[k + 1]; i++) if (!isSeparator(tokens[i])) words.push(tokens[i]);
    found.push(words.join(" "));
  }
  return found;
}
