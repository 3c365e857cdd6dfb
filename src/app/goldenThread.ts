// The golden thread of the open plan: its map, a parent plan imported to check links against, and the
// Register refreshed from that parent so the link dropdown offers the parent's actions.
import type { Framework } from "../model/framework";
import type { Plan, Tier } from "../model/plan";
import { threadMap, ThreadMap } from "../rules/goldenThread/threadMap";
import { registerFromParent, registerRows } from "../workbook/register";
import { TABLES } from "../workbook/names";
import type { WorkbookPort, WorkbookSnapshot } from "../workbook/port";
import { detectWorkbookKind, readPlan } from "../workbook/readPlan";

/** With a parent plan: what updating this plan's Register from it would do. */
export interface RegisterUpdate {
  parentId: string;
  entries: number;
  replaces: number;
}

export type GoldenThreadMap = ThreadMap & { registerUpdate?: RegisterUpdate };

/** The tier a plan's parent plan must be: Directorate plans answer to the Corporate Plan itself. */
const PARENT_TIER: Record<Tier, Tier | null> = { Directorate: null, Operational: "Directorate", Team: "Operational" };

export function goldenThreadMap(plan: Plan, framework: Framework, parent?: Plan): GoldenThreadMap {
  const map = threadMap(plan, framework, parent);
  if (!parent) return map;
  return { ...map, registerUpdate: { parentId: parent.details.planId, entries: registerFromParent(parent, framework).length, replaces: plan.register.length } };
}

/** Reads a parent plan from its workbook; refused when it is not a plan, is this plan, or is of the wrong tier. */
export function parentPlanFrom(snapshot: WorkbookSnapshot, fileName: string, plan: Plan): Plan {
  if (detectWorkbookKind(snapshot).kind !== "plan") throw new Error(`${fileName} is not a structured plan: choose the parent plan's workbook (convert it first if it is a loose plan).`);
  const parent = readPlan(snapshot, fileName).plan;
  const { planId, tier } = plan.details;
  if (parent.details.planId.trim().toUpperCase() === planId.trim().toUpperCase()) {
    throw new Error(`${fileName} is plan ${planId} itself: a plan cannot be its own parent. Choose the ${PARENT_TIER[tier] ?? "Corporate"} plan it delivers.`);
  }
  const expected = PARENT_TIER[tier];
  if (expected === null) throw new Error(`${planId} is a Directorate plan: its parent is the Corporate Plan, whose priorities come from the council framework, not from a plan workbook.`);
  if (parent.details.tier !== expected) {
    throw new Error(`${fileName} is a ${parent.details.tier} plan (${parent.details.planId}): the parent of a ${tier} plan is a ${expected} plan.`);
  }
  return parent;
}

/** Replaces the plan's Register with the parent plan's actions and the framework's priorities. */
export async function updateRegisterFromParent(port: WorkbookPort, parent: Plan, framework: Framework): Promise<void> {
  await port.replaceRows(TABLES.register, registerRows(registerFromParent(parent, framework)));
}
