// The checker: runs every enabled rule over a plan and returns findings addressed to cells.
import type { Framework } from "../model/framework";
import { cellOf, Plan, RowSource } from "../model/plan";
import { buildContext } from "./context";
import { ACTION_RULES, MEASURE_RULES, OWNER_RULES, PLAN_RULES, RULE_IDS } from "./index";
import { CheckSettings, compileSettings, CompiledSettings, parseCheckSettings } from "./settings";
import { analyseAction } from "./text/actionText";
import { str } from "./text/dates";
import type { Finding, Hit, PlanHit, RuleInfo, Severity } from "./types";
import { isContextual } from "./measures/nonContextual";
import type { OwnerReading } from "./responsible/ownerReading";
import type { RegisterIndex } from "../model/measureRegister";

export interface CheckInput {
  plan: Plan;
  /** The council framework: priorities, programmes and the `checks` settings block. */
  framework?: Framework;
  /** Settings to use instead of the framework's `checks` block (already parsed or compiled). */
  settings?: CheckSettings | CompiledSettings;
  /** The parent plan, read from its workbook; the plan's Register sheet is used as well. */
  parent?: Plan;
  /** Plans one tier down: turns on coverage of this plan's actions. */
  children?: Plan[];
  /** Overrides the plan year, e.g. "2024/25". */
  planYear?: string;
  /** Names the framework file in settings errors. */
  frameworkFile?: string;
  /** The corporate measure register (see model/measureRegister.ts). */
  register?: RegisterIndex;
}

/** Parses and compiles the framework's `checks` block, naming unknown rule IDs. */
export function settingsFromFramework(framework: Framework | undefined, file = "framework"): CompiledSettings {
  return compileSettings(parseCheckSettings(framework?.checks ?? {}, file, RULE_IDS));
}

const isCompiled = (s: CheckSettings | CompiledSettings): s is CompiledSettings => "verbForms" in s;

export function checkPlan(input: CheckInput): Finding[] {
  const settings = input.settings ? (isCompiled(input.settings) ? input.settings : compileSettings(input.settings)) : settingsFromFramework(input.framework, input.frameworkFile);
  const ctx = buildContext({ plan: input.plan, settings, framework: input.framework, parent: input.parent, children: input.children, planYear: input.planYear, register: input.register });
  const findings: Finding[] = [];
  const on = (r: RuleInfo) => !settings.disabledSet.has(r.id);
  const actionRules = ACTION_RULES.filter(on);
  const measureRules = MEASURE_RULES.filter(on);
  const ownerRules = OWNER_RULES.filter(on);
  const planRules = PLAN_RULES.filter(on);
  // The council's own severity for a rule wins; else a rule may soften one case (a suggestion, not a fault).
  const severity = (r: RuleInfo, softer?: Severity) => (r.id in settings.severity ? settings.severity[r.id] : (softer ?? r.severity));

  // Plans name the same officers again and again: the owner rules judge each distinct cell once per check.
  const judged = new Map<string, Map<OwnerReading, (string | null)[]>>();
  const ownerVerdicts = (owner: OwnerReading, role: string): (string | null)[] => {
    let byOwner = judged.get(role);
    if (!byOwner) judged.set(role, (byOwner = new Map()));
    let verdicts = byOwner.get(owner);
    if (!verdicts) byOwner.set(owner, (verdicts = ownerRules.map((rule) => rule.check(owner, ctx, role))));
    return verdicts;
  };

  const actions = ctx.actions;
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i];
    const facts = ctx.facts[i];
    // Read here rather than with the facts: the words of one action are garbage as soon as its rules have run.
    const text = analyseAction(str(a.action));
    for (const rule of actionRules) {
      const hit: Hit | null = rule.check(a, facts, ctx, text);
      if (hit) findings.push(finding(rule, severity(rule, hit.severity), a.source, hit, str(a.id), undefined));
    }
    // Who answers for it: the same rules as for a measure's accountable officer.
    if (facts.owner.kind !== "empty") {
      const verdicts = ownerVerdicts(facts.owner, "lead officer");
      for (let k = 0; k < verdicts.length; k++) {
        const message = verdicts[k];
        if (message !== null) findings.push(finding(ownerRules[k], severity(ownerRules[k]), a.source, { field: "leadOfficer", message }, str(a.id), undefined));
      }
    }
  }
  for (let i = 0; i < ctx.measures.length; i++) {
    const m = ctx.measures[i];
    for (const rule of measureRules) {
      const hit = rule.check(m, ctx);
      if (hit) findings.push(finding(rule, severity(rule, hit.severity), m.source, hit, undefined, str(m.id)));
    }
    const owner = ctx.measureOwners[i];
    // Contextual indicators are not target-set or owned as KPIs (Sefton Appendix 3).
    if (owner.kind !== "empty" && !isContextual(m)) {
      const verdicts = ownerVerdicts(owner, "accountable officer");
      for (let k = 0; k < verdicts.length; k++) {
        const message = verdicts[k];
        if (message !== null) findings.push(finding(ownerRules[k], severity(ownerRules[k]), m.source, { field: "accountableOfficer", message }, undefined, str(m.id)));
      }
    }
  }
  for (const rule of planRules) {
    rule.check(ctx, (h: PlanHit) =>
      findings.push({
        ruleId: rule.id,
        criterion: rule.criterion,
        severity: severity(rule, h.severity),
        file: h.file,
        sheet: h.sheet,
        cell: h.cell,
        row: h.row,
        actionId: h.actionId,
        measureId: h.measureId,
        message: h.message,
        hint: rule.hint,
      }),
    );
  }
  return findings;
}

// Every finding has the same shape (absent fields undefined), which keeps creating 100,000 of them cheap.
function finding(rule: RuleInfo, severity: Finding["severity"], source: RowSource, hit: Hit, actionId: string | undefined, measureId: string | undefined): Finding {
  return {
    ruleId: rule.id,
    criterion: rule.criterion,
    severity,
    file: source.file,
    sheet: source.sheet,
    cell: cellOf(source, hit.field),
    row: source.row,
    actionId,
    measureId,
    message: hit.message,
    hint: rule.hint,
  };
}
