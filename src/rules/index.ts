// Every SMART and golden-thread rule. Each rule file registers itself (defineRule); this list of imports
// is the one place that says which rules exist and in what order findings are listed. Adding a rule is
// one new file plus one line here; the action, measure and plan lists below follow from it.
import type { ActionRule, MeasureRule, PlanRule, Rule } from "./types";
import { registeredRules } from "./registry";

import "./specific/actionMissing";
import "./specific/tooShort";
import "./specific/noVerb";
import "./specific/vagueOpening";
import "./specific/hedges";
import "./specific/severalActions";
import "./measurable/notMeasurable";
import "./measurable/unknownLinkedMeasure";
import "./achievable/dueBeforeStart";
import "./relevant/noParentLink";
import "./goldenThread/unknownParentLink";
import "./goldenThread/wrongTierLink";
import "./goldenThread/noCorporatePriority";
import "./timeBound/noDueDate";
import "./timeBound/unparsedDate";
import "./timeBound/ongoing";
import "./timeBound/dueOutsidePlanYear";
import "./timeBound/noMilestone";
import "./responsible/noLeadOfficer";
import "./responsible/placeholderOwner";
import "./responsible/teamAsOwner";
import "./responsible/roleAsOwner";
import "./responsible/sharedOwnership";
import "./measures/noName";
import "./measures/noTarget";
import "./measures/noPolarity";
import "./measures/noBaseline";
import "./measures/noDataSource";
import "./measures/noFrequency";
import "./measures/noAccountableOfficer";
import "./goldenThread/duplicateActionId";
import "./achievable/ownerOverloaded";
import "./timeBound/sameDueDate";
import "./goldenThread/noParentSource";
import "./goldenThread/unservedParent";
import "./goldenThread/unservedAction";
import "./measures/duplicateMeasureId";

export const ALL_RULES: readonly Rule[] = [...registeredRules()];
export const ACTION_RULES: readonly ActionRule[] = ALL_RULES.filter((r): r is ActionRule => r.scope === "action");
export const MEASURE_RULES: readonly MeasureRule[] = ALL_RULES.filter((r): r is MeasureRule => r.scope === "measure");
export const PLAN_RULES: readonly PlanRule[] = ALL_RULES.filter((r): r is PlanRule => r.scope === "plan");
export const RULE_IDS: readonly string[] = ALL_RULES.map((r) => r.id);
