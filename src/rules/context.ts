// Prepares what every rule needs once per check: compiled settings, the parent index, the plan year.
import type { Framework } from "../model/framework";
import { financialYearEnd, financialYearStart, parseFinancialYear } from "../model/period";
import type { Plan, Tier } from "../model/plan";
import { TIERS } from "../model/plan";
import { buildParentIndex, EXPECTED_PARENT_TIERS, idKey } from "./goldenThread/parentIndex";
import { hasParentSource } from "./goldenThread/linkCheck";
import { CompiledSettings } from "./settings";
import { analyseAction } from "./text/actionText";
import { str } from "./text/dates";
import type { CheckContext } from "./types";

export interface ContextInput {
  plan: Plan;
  settings: CompiledSettings;
  framework?: Framework;
  parent?: Plan;
  children?: Plan[];
  /** Overrides the plan's own plan year, e.g. "2024/25". */
  planYear?: string;
}

export function buildContext(input: ContextInput): CheckContext {
  const { plan, settings } = input;
  const tier: Tier = (TIERS as readonly string[]).includes(plan.details?.tier) ? plan.details.tier : "Operational";
  const planYear = str(input.planYear) || str(plan.details?.planYear) || str(input.framework?.planYear);
  let yearStart: string | null = null;
  let yearEnd: string | null = null;
  try {
    const startYear = parseFinancialYear(planYear);
    yearStart = financialYearStart(startYear);
    yearEnd = financialYearEnd(startYear);
  } catch {
    // No readable plan year: the plan-year rules stay quiet rather than guess.
  }
  const parents = buildParentIndex(plan, input.framework, input.parent);
  const expectedParentTiers = EXPECTED_PARENT_TIERS[tier];
  const ownActionIds = new Set<string>();
  for (const a of plan.actions) ownActionIds.add(idKey(str(a.id)));
  const measureIds = new Set<string>();
  for (const m of plan.measures) measureIds.add(idKey(str(m.id)));
  const texts = plan.actions.map((a) => analyseAction(str(a.action)));
  return {
    plan,
    tier,
    settings,
    yearStart,
    yearEnd,
    planYear,
    parents,
    linksCheckable: hasParentSource(parents, expectedParentTiers),
    expectedParentTiers,
    ownActionIds,
    measureIds,
    texts,
    children: input.children ?? [],
  };
}
