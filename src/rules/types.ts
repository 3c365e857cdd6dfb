// The shapes every SMART and golden-thread rule shares: what a rule is, what it reports, what it sees.
import type { Plan, Tier } from "../model/plan";
import type { IsoDate } from "../model/dates";
import type { CompiledSettings } from "./settings";
import type { ActionFacts } from "./actionFacts";
import type { LinkVerdict, ParentIndex, ParentTier } from "./goldenThread/parentIndex";
import type { ActionRow, MeasureRow } from "./rows";
import type { ActionText } from "./text/actionText";
import type { OwnerReading } from "./responsible/ownerReading";
import type { RegisterIndex } from "../model/measureRegister";
import { CRITERIA, Criterion, Severity } from "./criteria";

export { CRITERIA };
export type { Criterion, Severity };

/** One thing wrong with one cell: what the task pane lists, the CLI prints and the summary column counts. */
export interface Finding {
  ruleId: string;
  criterion: Criterion;
  severity: Severity;
  file?: string;
  sheet: string;
  /** A1 address (or "row N" when the column is unknown; a range for plan-wide findings). */
  cell: string;
  /** Sheet row of the action or measure, so duplicates with the same ID stay apart. */
  row?: number;
  actionId?: string;
  measureId?: string;
  message: string;
  hint: string;
}

/** What a rule says about itself; the engine adds this to every hit. */
export interface RuleInfo {
  id: string;
  criterion: Criterion;
  severity: Severity;
  /** A short name for lists of rules. */
  title: string;
  /** How to fix it, in plain English. */
  hint: string;
}

/** A row rule's answer: the field at fault and why. */
export interface Hit {
  field: string;
  message: string;
  /** A milder severity for this case only (e.g. a suggestion rather than a fault); a council's own severity setting still wins. */
  severity?: Severity;
}

/** A plan rule's answer: it names the place itself. */
export interface PlanHit {
  sheet: string;
  cell: string;
  row?: number;
  file?: string;
  actionId?: string;
  measureId?: string;
  message: string;
  /** A milder severity for this case only; a council's own severity setting still wins. */
  severity?: Severity;
}

export interface ActionRule extends RuleInfo {
  scope: "action";
  /** `text` is the action's wording, read for this action only (so thousands of actions' words never pile up). */
  check(action: ActionRow, facts: ActionFacts, ctx: CheckContext, text: ActionText): Hit | null;
}

export interface MeasureRule extends RuleInfo {
  scope: "measure";
  check(measure: MeasureRow, ctx: CheckContext): Hit | null;
}

export interface PlanRule extends RuleInfo {
  scope: "plan";
  check(ctx: CheckContext, report: (hit: PlanHit) => void): void;
}

/**
 * A rule about who answers for a row: run on each action's "Lead officer" and each measure's
 * "Accountable officer" cell alike, so actions and measures follow the same rule.
 */
export interface OwnerRule extends RuleInfo {
  scope: "owner";
  /** `role` names the cell in messages: "lead officer" or "accountable officer". */
  check(owner: OwnerReading, ctx: CheckContext, role: string): string | null;
}

export type Rule = ActionRule | MeasureRule | OwnerRule | PlanRule;

/** Everything a rule may look at, prepared once per check so rows cost no set-up. */
export interface CheckContext {
  plan: Plan;
  tier: Tier;
  settings: CompiledSettings;
  /** The plan year's first and last day, or null when the plan year cannot be read. */
  yearStart: IsoDate | null;
  yearEnd: IsoDate | null;
  planYear: string;
  /** Parent actions, priorities and programmes this plan's actions may link to. */
  parents: ParentIndex;
  /** True when some parent entry sits at a tier this plan should link to (else links cannot be checked). */
  linksCheckable: boolean;
  /** The tiers a link from this plan should reach. */
  expectedParentTiers: readonly ParentTier[];
  /** Upper-cased IDs of this plan's own actions, with the sheet row where each is first used. */
  actionRowById: Map<string, number>;
  /** Indexes (into plan.actions) of the actions whose ID an earlier action already uses. */
  repeatedIds: number[];
  /** The verdicts on each distinct "Link to parent plan" cell, filled as the link rules meet them. */
  linkVerdicts: Map<string, readonly LinkVerdict[]>;
  /** Upper-cased IDs of this plan's measures. */
  measureIds: Set<string>;
  /** The cells of each action the rules read, in one shape; parallel to plan.actions. */
  actions: ActionRow[];
  /** What each action says, when and who, worked out once; parallel to plan.actions. */
  facts: ActionFacts[];
  /** The cells of each measure the rules read; parallel to plan.measures. */
  measures: MeasureRow[];
  /** Who answers for each measure (its "Accountable officer" cell), read once; parallel to plan.measures. */
  measureOwners: OwnerReading[];
  /** Plans one tier down, when checking coverage of this plan's actions. */
  children: Plan[];
  /** The corporate measure register, when the council has one: plan measures with its IDs must agree with it. */
  register?: RegisterIndex;
}
