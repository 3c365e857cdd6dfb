// Every SMART and golden-thread rule, in the order findings are listed. One module per rule.
import type { ActionRule, MeasureRule, PlanRule, Rule } from "./types";
import { actionMissing } from "./specific/actionMissing";
import { tooShort } from "./specific/tooShort";
import { noVerb } from "./specific/noVerb";
import { vagueOpening } from "./specific/vagueOpening";
import { hedges } from "./specific/hedges";
import { severalActions } from "./specific/severalActions";
import { notMeasurable } from "./measurable/notMeasurable";
import { unknownLinkedMeasure } from "./measurable/unknownLinkedMeasure";
import { dueBeforeStart } from "./achievable/dueBeforeStart";
import { ownerOverloaded } from "./achievable/ownerOverloaded";
import { noParentLink } from "./relevant/noParentLink";
import { unknownParentLink } from "./goldenThread/unknownParentLink";
import { wrongTierLink } from "./goldenThread/wrongTierLink";
import { noCorporatePriority } from "./goldenThread/noCorporatePriority";
import { duplicateActionId } from "./goldenThread/duplicateActionId";
import { noParentSource } from "./goldenThread/noParentSource";
import { unservedParent } from "./goldenThread/unservedParent";
import { unservedAction } from "./goldenThread/unservedAction";
import { noDueDate } from "./timeBound/noDueDate";
import { unparsedDate } from "./timeBound/unparsedDate";
import { ongoing } from "./timeBound/ongoing";
import { dueOutsidePlanYear } from "./timeBound/dueOutsidePlanYear";
import { noMilestone } from "./timeBound/noMilestone";
import { sameDueDate } from "./timeBound/sameDueDate";
import { noLeadOfficer } from "./responsible/noLeadOfficer";
import { placeholderOwner } from "./responsible/placeholderOwner";
import { teamAsOwner } from "./responsible/teamAsOwner";
import { roleAsOwner } from "./responsible/roleAsOwner";
import { sharedOwnership } from "./responsible/sharedOwnership";
import { noName } from "./measures/noName";
import { noTarget } from "./measures/noTarget";
import { noPolarity } from "./measures/noPolarity";
import { noBaseline } from "./measures/noBaseline";
import { noDataSource } from "./measures/noDataSource";
import { noFrequency } from "./measures/noFrequency";
import { noAccountableOfficer } from "./measures/noAccountableOfficer";
import { duplicateMeasureId } from "./measures/duplicateMeasureId";

export const ACTION_RULES: readonly ActionRule[] = [
  actionMissing, tooShort, noVerb, vagueOpening, hedges, severalActions,
  notMeasurable, unknownLinkedMeasure,
  dueBeforeStart,
  noParentLink, unknownParentLink, wrongTierLink, noCorporatePriority,
  noDueDate, unparsedDate, ongoing, dueOutsidePlanYear, noMilestone,
  noLeadOfficer, placeholderOwner, teamAsOwner, roleAsOwner, sharedOwnership,
];

export const MEASURE_RULES: readonly MeasureRule[] = [noName, noTarget, noPolarity, noBaseline, noDataSource, noFrequency, noAccountableOfficer];

export const PLAN_RULES: readonly PlanRule[] = [duplicateActionId, ownerOverloaded, sameDueDate, noParentSource, unservedParent, unservedAction, duplicateMeasureId];

export const ALL_RULES: readonly Rule[] = [...ACTION_RULES, ...MEASURE_RULES, ...PLAN_RULES];

export const RULE_IDS: readonly string[] = ALL_RULES.map((r) => r.id);

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
