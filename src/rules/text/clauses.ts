// Splits an action into the separate things it commits to: "Review and update the policy and consult
// on the strategy" is two (the first "Review" shares its object with "update").
import type { CompiledSettings } from "../settings";
import { isSeparator } from "./actionText";
import { opensWithVerb } from "./verbs";

const JOINERS = new Set(["and", "then", "plus", "also", ";", ",", "&", ".", "\n", "+"]);
const BEFORE_SHARED_OBJECT = new Set(["to", "will", "shall", "and"]);

/** Token ranges [start, end) between joiners ("and", commas, semicolons, "as well as"). */
function splitClauses(tokens: readonly string[]): [number, number][] {
  const clauses: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    let width = 0;
    if (i === tokens.length) width = 1;
    else if (JOINERS.has(t)) width = 1;
    else if (t === "as" && tokens[i + 1] === "well" && tokens[i + 2] === "as") width = 3;
    else if (t === "along" && tokens[i + 1] === "with") width = 2;
    if (width === 0) continue;
    if (i > start) clauses.push([start, i]);
    start = i + width;
    i += width - 1;
  }
  return clauses;
}

/** A clause that ends on a verb waiting for its object ("Review", "work with schools to develop"). */
function endsOnSharedVerb(tokens: readonly string[], [start, end]: [number, number], s: CompiledSettings): boolean {
  const last = s.verbForms.get(tokens[end - 1]);
  if (!last || last.kind !== "base") return false;
  if (end - start === 1) return true;
  let allVerbs = true;
  for (let k = start; k < end; k++) {
    const t = tokens[k];
    if (!JOINERS.has(t) && s.verbForms.get(t)?.kind !== "base") allVerbs = false;
  }
  return allVerbs || BEFORE_SHARED_OBJECT.has(tokens[end - 2]);
}

/** The clauses of an action that each start a separate piece of work, as text. */
export function separateActions(tokens: readonly string[], s: CompiledSettings): string[] {
  const raw = splitClauses(tokens);
  const merged: [number, number][] = [];
  for (let k = 0; k < raw.length; k++) {
    let [start, end] = raw[k];
    while (k + 1 < raw.length && endsOnSharedVerb(tokens, [start, end], s)) end = raw[++k][1];
    merged.push([start, end]);
  }
  const found: string[] = [];
  for (let k = 0; k < merged.length; k++) {
    const [start, end] = merged[k];
    if (end - start < 2) continue;
    const strict = k > 0;
    if (!opensWithVerb(tokens, start, end, s, strict)) continue;
    // "…and report the findings" finishes the same work rather than starting new work.
    if (strict && found.length > 0 && s.followThroughVerbs.has(s.verbForms.get(tokens[start])?.base ?? "")) continue;
    const words: string[] = [];
    for (let i = start; i < end; i++) if (!isSeparator(tokens[i])) words.push(tokens[i]);
    found.push(words.join(" "));
  }
  return found;
}
