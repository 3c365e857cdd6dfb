// The golden thread as a tree: Corporate Plan priorities at the root, parent-plan actions under the
// priority they serve, this plan's actions under their parents; broken links and unserved parents marked.
import type { Framework } from "../../model/framework";
import { cellOf, Plan } from "../../model/plan";
import { buildParentIndex, EXPECTED_PARENT_TIERS, findParent, idKey, linkedIds, ParentEntry } from "./parentIndex";

export type ThreadTier = "Corporate" | "Directorate" | "Operational" | "Team";

export interface ThreadNode {
  id: string;
  title: string;
  tier: ThreadTier;
  /** "broken": links to something that is not there; "unserved": a parent action no action serves. */
  state: "linked" | "broken" | "unserved";
  children: ThreadNode[];
  /** A heading that groups nodes rather than a plan row (e.g. actions with no known parent). */
  group?: boolean;
  /** Where the row lives in this workbook, when it does. */
  sheet?: string;
  cell?: string;
}

export interface ThreadMap {
  roots: ThreadNode[];
  /** Actions whose link names nothing in the register or the Corporate Plan. */
  broken: ThreadNode[];
  unserved: ThreadNode[];
  parentPlan?: string;
}

const TIER_OF_PARENT: Record<string, ThreadTier> = { Corporate: "Corporate", Transformation: "Corporate", Directorate: "Directorate", Operational: "Operational", Team: "Team" };

/** The thread as a tree: priorities at the root, parent actions under the priority they serve, this plan's actions under their parents. */
export function threadMap(plan: Plan, fw: Framework, parent: Plan | undefined): ThreadMap {
  const index = buildParentIndex(plan, fw, parent);
  const nodeOf = (e: ParentEntry): ThreadNode => ({
    id: e.id,
    title: e.title,
    tier: TIER_OF_PARENT[e.tier] ?? "Directorate",
    state: "linked",
    children: [],
    sheet: e.source?.sheet,
    cell: e.source ? cellOf(e.source, "id") : undefined,
  });
  const nodes = new Map<string, ThreadNode>(index.entries.map((e) => [idKey(e.id), nodeOf(e)]));
  const roots: ThreadNode[] = [];
  // Parent-plan actions hang under the priority they link to, when the parent file says.
  const parentLinks = new Map((parent?.actions ?? []).map((a) => [idKey(a.id), linkedIds(a.parentLink)]));
  for (const e of index.entries) {
    const node = nodes.get(idKey(e.id))!;
    const up = (parentLinks.get(idKey(e.id)) ?? []).map((l) => findParent(index, l)).find((p) => p && p.id !== e.id);
    if (up) nodes.get(idKey(up.id))!.children.push(node);
    else roots.push(node);
  }
  const tier = plan.details.tier as ThreadTier;
  const broken: ThreadNode[] = [];
  for (const a of plan.actions) {
    const node: ThreadNode = { id: a.id, title: a.action, tier, state: "linked", children: [], sheet: a.source.sheet, cell: cellOf(a.source, "parentLink") };
    const parents = linkedIds(a.parentLink).map((l) => findParent(index, l));
    const found = parents.filter((p): p is ParentEntry => !!p);
    if (found.length === 0 || found.length < parents.length) broken.push({ ...node, state: "broken" });
    for (const p of found) nodes.get(idKey(p.id))!.children.push(node);
  }
  const expected = EXPECTED_PARENT_TIERS[plan.details.tier];
  const unserved: ThreadNode[] = [];
  for (const e of index.entries) {
    if (!expected.includes(e.tier)) continue;
    const node = nodes.get(idKey(e.id))!;
    if (!node.children.some((c) => c.tier === tier)) {
      node.state = "unserved";
      unserved.push(node);
    }
  }
  // Broken actions also show in the tree, under a root of their own, so the tree is complete.
  if (broken.length > 0) roots.push({ id: "No known parent", title: "actions whose link names nothing in the register or the Corporate Plan", tier, state: "broken", group: true, children: broken });
  return { roots, broken, unserved, parentPlan: parent ? `${parent.details.planId} (${parent.details.tier}, ${parent.details.planYear})` : undefined };
}
