// Prepares what every rule needs once per check: compiled settings, the parent index, the plan year.
import type { Framework } from "../model/framework";
import { financialYearEnd, financialYearStart, parseFinancialYear } from "../model/period";
import type { Plan, Tier } from "../model/plan";
import { TIERS } from "../model/plan";
import { buildParentIndex, EXPECTED_PARENT_TIERS, idKey } from "./goldenThread/parentIndex";
import { hasParentSource } from "./goldenThread/linkCheck";
import { CompiledSettings } from "./settings";
import { actionFacts } from "./actionFacts";
import { actionRow, measureRow } from "./rows";
import { ownerReader } from "./responsible/ownerReading";
import { str } from "./text/dates";
import type { CheckContext } from "./types";
import type { RegisterIndex } from "../model/measureRegister";

interface ContextInput {
  plan: Plan;
  settings: CompiledSettings;
  framework?: Framework;
  parent?: Plan;
  children?: Plan[];
  /** Overrides the plan's own plan year, e.g. "2024/25". */
  planYear?: string;
  register?: RegisterIndex;
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
  const readOwner = ownerReader(settings);
  const actions = plan.actions.map(actionRow);
  const facts = actions.map((a) => actionFacts(a, readOwner));
  // Each ID's first row; actions repeating an ID already seen are noted while the index is built.
  const actionRowById = new Map<string, number>();
  const repeatedIds: number[] = [];
  for (let i = 0; i < facts.length; i++) {
    const key = facts[i].key;
    if (!actionRowById.has(key)) actionRowById.set(key, actions[i].source.row);
    else repeatedIds.push(i);
  }
  const measures = plan.measures.map(measureRow);
  const measureOwners = measures.map((m) => readOwner(str(m.accountableOfficer)));
  const measureIds = new Set<string>();
  for (const m of measures) measureIds.add(idKey(str(m.id)));
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
    actionRowById,
    repeatedIds,
    linkVerdicts: new Map(),
    measureIds,
    actions,
    facts,
    measures,
    measureOwners,
    children: input.children ?? [],
    register: input.register,
  };
}
