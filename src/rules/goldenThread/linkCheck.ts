// The one reading of a "Link to parent plan" cell that the link rules share, so each link is judged once.
import type { ActionFacts } from "../actionFacts";
import type { ActionRow } from "../rows";
import type { CheckContext } from "../types";
import { str } from "../text/dates";
import { findParent, idKey, linkedIds, LinkVerdict, ParentEntry, ParentIndex, ParentTier } from "./parentIndex";

export type { LinkVerdict };

/** Whether the plan has anything its links can be checked against, at the tiers it should link to (computed once per check). */
export function hasParentSource(parents: ParentIndex, expected: readonly ParentTier[]): boolean {
  for (const e of parents.entries) if (e.tier === "Unknown" || expected.includes(e.tier)) return true;
  return false;
}

/**
 * The verdict on each link of the action, kept on its facts for the other link rules. Many actions share
 * a link cell ("DSP-04"), so each distinct cell is judged once per check and its verdicts shared (read-only).
 */
export function judgeLinks(a: ActionRow, facts: ActionFacts, ctx: CheckContext): readonly LinkVerdict[] {
  if (facts.links) return facts.links;
  const cell = str(a.parentLink);
  let verdicts = ctx.linkVerdicts.get(cell);
  if (verdicts === undefined) ctx.linkVerdicts.set(cell, (verdicts = judgeCell(cell, ctx)));
  facts.links = verdicts;
  return verdicts;
}

function judgeCell(cell: string, ctx: CheckContext): readonly LinkVerdict[] {
  const verdicts: LinkVerdict[] = [];
  for (const link of linkedIds(cell)) {
    const entry = findParent(ctx.parents, link);
    if (entry) {
      const fits = entry.tier === "Unknown" || ctx.expectedParentTiers.includes(entry.tier);
      verdicts.push(fits ? { kind: "ok", link, entry } : { kind: "wrongTier", link, entry });
    } else if (ctx.actionRowById.has(idKey(link))) {
      verdicts.push({ kind: "sameTier", link });
    } else {
      verdicts.push({ kind: "unknown", link });
    }
  }
  return verdicts;
}

export const tierName = (e: ParentEntry) =>
  e.tier === "Corporate" ? "a Corporate Plan priority" : e.tier === "Transformation" ? "a Transformation programme" : e.tier === "Unknown" ? "an entry of unknown tier" : `a ${e.tier} action`;
