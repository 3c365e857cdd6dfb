// Each rule fires on the weakness it names and stays quiet on good text.
import { checkPlan, CheckInput } from "../../src/rules/engine";
import { ALL_RULES } from "../../src/rules/index";
import type { Action, Measure, Plan } from "../../src/model/plan";
import { actions, DIRECTORATE_REGISTER, GOOD_ACTION, measures, plan, register, seftonFramework } from "./helpers";

const framework = seftonFramework();
type Scenario = Plan | Omit<CheckInput, "framework">;

/** An Operational plan holding one action: the good action with some fields changed. */
const op = (change: Partial<Action>): Plan => plan("Operational", { actions: actions([{ ...GOOD_ACTION, ...change }]), register: DIRECTORATE_REGISTER, measures: measures([GOOD_MEASURE]) });
const dir = (change: Partial<Action>): Plan => plan("Directorate", { actions: actions([{ ...GOOD_ACTION, parentLink: "CP2", ...change }]) });
const team = (change: Partial<Action>, reg = TEAM_REGISTER): Plan => plan("Team", { actions: actions([{ ...GOOD_ACTION, parentLink: "OSP-01", ...change }]), register: reg });
const withMeasure = (change: Partial<Measure>): Plan => plan("Operational", { actions: actions([GOOD_ACTION]), register: DIRECTORATE_REGISTER, measures: measures([{ ...GOOD_MEASURE, ...change }]) });
const many = (n: number, make: (i: number) => Partial<Action>): Plan =>
  plan("Operational", { actions: actions(Array.from({ length: n }, (_, i) => ({ ...GOOD_ACTION, id: `OSP-${i + 1}`, ...make(i) }))), register: DIRECTORATE_REGISTER });

function blankFrequency(): Plan {
  const p = withMeasure({});
  (p.measures[0] as { frequency: unknown }).frequency = "";
  return p;
}

const GOOD_MEASURE: Partial<Measure> & { id: string } = { id: "PI-01", name: "Percentage of people still at home 91 days after reablement", type: "Performance Indicator", polarity: "High", baseline: 82, annualTarget: 85, frequency: "Quarterly", dataSource: "SALT return", accountableOfficer: "Sam Hughes" };
const TEAM_REGISTER = register([
  { id: "OSP-01", title: "Recruit six reablement officers", tier: "Operational", leadOfficer: "Sam Hughes" },
  { id: "DSP-01", title: "Expand reablement", tier: "Directorate", leadOfficer: "Jane Morris" },
  { id: "CP2", title: "Adult Social Care", tier: "Corporate" },
]);

const cases: Record<string, { fires: Scenario[]; quiet: Scenario[] }> = {
  "action-missing": { fires: [op({ action: "" }), op({ action: "  -  " })], quiet: [op({})] },
  "too-short": { fires: [op({ action: "Road safety" }), op({ action: "Budget" })], quiet: [op({}), op({ action: "" }), op({ action: "Recruit 20 foster carers" })] },
  "no-verb": {
    fires: [op({ action: "Road safety" }), op({ action: "Business brochure" }), op({ action: "Review of the housing allocations policy" }), op({ action: "Change management programme" }), op({ action: "Training for foster carers" }), op({ action: "Improved access to services" })],
    quiet: [op({}), op({ action: "Review the housing allocations policy" }), op({ action: "Libraries to introduce self-service kiosks in all branches" }), op({ action: "Road safety: deliver 12 school sessions" }), op({ action: "All staff trained in safeguarding by June" }), op({ action: "We will publish the homelessness strategy" }), op({ action: "Training 50 foster carers in trauma-informed practice" }), op({ action: "Support carers" })],
  },
  "vague-opening": {
    fires: [op({ action: "Continue to deliver the holiday activities programme" }), op({ action: "Explore options for a carers' hub in Bootle" }), op({ action: "Look at how we record complaints" }), op({ action: "Consider a new lettings policy" }), op({ action: "Try to reduce agency spend" }), op({ action: "Aim to open the family hub" }), op({ action: "Support partners to deliver the food strategy" }), op({ action: "To support the voluntary sector" })],
    quiet: [op({}), op({ action: "Support 40 care leavers into apprenticeships" }), op({ action: "Open a carers' hub in Bootle by January 2025" })],
  },
  "hedge-words": {
    fires: [op({ action: "Recruit foster carers where possible" }), op({ action: "Refresh the website as appropriate" }), op({ action: "Deliver training on GDPR, FOI etc." }), op({ action: "Publish the strategy as soon as possible" })],
    quiet: [op({}), op({ action: "Publish the etchings catalogue for the Atkinson gallery" })],
  },
  "several-actions": {
    fires: [op({ action: "Review and update the housing allocations policy and consult on the new homelessness strategy" }), op({ action: "Reduce sickness absence and improve staff wellbeing" }), op({ action: "Recruit 10 social workers; launch a new induction programme" })],
    quiet: [op({}), op({ action: "Develop and implement a kerbside charging strategy" }), op({ action: "Recruit, train and retain 30 foster carers" }), op({ action: "Deliver the parks and open spaces strategy" }), op({ action: "Work with schools and health partners to reduce exclusions" }), op({ action: "Review the discharge pathway and agree a shared referral form" })],
  },
  "not-measurable": {
    fires: [op({ measureOfSuccess: "", action: "Improve the complaints process" }), op({ measureOfSuccess: "", action: "Recruit reablement officers" })],
    quiet: [op({}), op({ measureOfSuccess: "", action: "Recruit six reablement officers" }), op({ measureOfSuccess: "", linkedMeasures: "PI-01" }), op({ measureOfSuccess: "", action: "Open the hub", intendedOutcome: "90% of visitors satisfied" }), op({ action: "", measureOfSuccess: "" })],
  },
  "unknown-linked-measure": { fires: [op({ linkedMeasures: "PI-99" }), op({ linkedMeasures: "PI-01, KPI-7" })], quiet: [op({}), op({ linkedMeasures: "pi-01" }), op({ linkedMeasures: "PI-01; " })] },
  "due-before-start": { fires: [op({ startDate: "2024-06-01", dueDate: "2024-05-31" })], quiet: [op({}), op({ startDate: "2024-06-01", dueDate: "2024-06-01" }), op({ startDate: null }), op({ dueDate: null })] },
  "owner-overloaded": {
    fires: [many(6, () => ({ dueDate: "2024-06-30" })), many(6, (i) => ({ dueDate: `2024-0${4 + (i % 3)}-1${i}`, leadOfficer: i % 2 ? "J. Smith" : "j smith" }))],
    quiet: [many(5, () => ({ dueDate: "2024-06-30" })), many(6, (i) => ({ dueDate: i < 3 ? "2024-06-30" : "2024-07-01" })), many(6, () => ({ dueDate: "2024-06-30", leadOfficer: "TBC" })), many(6, (i) => ({ dueDate: "2024-06-30", noLongerViable: i === 0 }))],
  },
  "no-parent-link": { fires: [op({ parentLink: "" }), dir({ parentLink: " " })], quiet: [op({}), dir({})] },
  "unknown-parent-link": {
    fires: [op({ parentLink: "DSP-99" }), op({ parentLink: "DSP-01, DSP-77" }), team({ parentLink: "OSP-9" })],
    quiet: [op({}), op({ parentLink: "dsp-01" }), op({ parentLink: "DSP-01 Expand reablement" }), plan("Operational", { actions: actions([{ ...GOOD_ACTION, parentLink: "DSP-99" }]) }), dir({ parentLink: "XYZ" })],
  },
  "wrong-tier-link": {
    fires: [op({ parentLink: "CP2" }), team({ parentLink: "CP2" }), plan("Operational", { actions: actions([GOOD_ACTION, { ...GOOD_ACTION, id: "OSP-02", parentLink: "OSP-01" }]), register: DIRECTORATE_REGISTER })],
    quiet: [op({}), team({}), team({ parentLink: "DSP-01" }), op({ parentLink: "DSP-99" })],
  },
  "no-corporate-priority": { fires: [dir({ parentLink: "DSP-01" }), dir({ parentLink: "P7" }), plan("Directorate", { actions: actions([{ ...GOOD_ACTION, parentLink: "DSP-01" }]), register: DIRECTORATE_REGISTER })], quiet: [dir({}), dir({ parentLink: "TP1" }), dir({ parentLink: "CP2 Adult Social Care" }), dir({ parentLink: "" }), op({ parentLink: "CP2" })] },
  "duplicate-action-id": { fires: [plan("Operational", { actions: actions([GOOD_ACTION, { ...GOOD_ACTION, id: "osp-01 " }]), register: DIRECTORATE_REGISTER })], quiet: [op({}), many(3, () => ({}))] },
  "no-parent-source": { fires: [plan("Operational", { actions: actions([GOOD_ACTION]) }), team({}, register([{ id: "CP2", tier: "Corporate" }]))], quiet: [op({}), dir({}), plan("Operational", {})] },
  "unserved-parent": { fires: [op({})], quiet: [plan("Operational", { actions: actions([GOOD_ACTION, { ...GOOD_ACTION, id: "OSP-02", parentLink: "DSP-02" }]), register: DIRECTORATE_REGISTER }), dir({})] },
  "unserved-action": {
    fires: [{ plan: plan("Directorate", { actions: actions([{ ...GOOD_ACTION, id: "DSP-01", parentLink: "CP2" }, { ...GOOD_ACTION, id: "DSP-02", parentLink: "CP2" }]) }), children: [op({})] }],
    quiet: [{ plan: plan("Directorate", { actions: actions([{ ...GOOD_ACTION, id: "DSP-01", parentLink: "CP2" }]) }), children: [op({})] }, dir({})],
  },
  "no-due-date": { fires: [op({ dueDate: null })], quiet: [op({}), op({ dueDate: null, dueDateText: "Ongoing" })] },
  "unparsed-date": { fires: [op({ dueDate: null, dueDateText: "Spring 2025" }), op({ dueDate: null, dueDateText: "TBC" })], quiet: [op({}), op({ dueDate: null, dueDateText: "Ongoing" }), op({ dueDateText: "end of Q2" })] },
  ongoing: { fires: [op({ dueDate: null, dueDateText: "Ongoing" }), op({ dueDate: "2025-03-31", dueDateText: "Throughout the year" }), op({ dueDate: null, dueDateText: "BAU" })], quiet: [op({}), op({ dueDate: null, dueDateText: "Spring 2025" })] },
  "due-outside-plan-year": { fires: [op({ dueDate: "2025-04-01" }), op({ dueDate: "2024-03-31", startDate: null })], quiet: [op({}), op({ dueDate: "2025-03-31" }), op({ dueDate: "2024-04-01" }), { plan: op({ dueDate: "2025-06-30" }), planYear: "2025/26" }] },
  "no-milestone": {
    fires: [op({ startDate: "2024-01-01", dueDate: "2025-03-31" }), op({ startDate: null, dueDate: "2025-06-30" })],
    quiet: [op({}), op({ startDate: "2024-01-01", dueDate: "2025-03-31", revisedDueDate: "2025-05-31" }), op({ startDate: "2024-01-01", dueDate: "2025-03-31", measureOfSuccess: "Q2: consultation closed; Q4: policy adopted" }), op({ startDate: "2024-04-01", dueDate: "2025-03-31" })],
  },
  "same-due-date": { fires: [many(8, (i) => ({ dueDate: i < 5 ? "2025-03-31" : `2024-0${i}-30`, leadOfficer: `Officer ${String.fromCharCode(65 + i)} Smith` }))], quiet: [many(8, (i) => ({ dueDate: i < 4 ? "2025-03-31" : `2024-0${i}-30`, leadOfficer: `Person ${String.fromCharCode(65 + i)} Jones` })), many(4, (i) => ({ dueDate: "2025-03-31", leadOfficer: `Person ${String.fromCharCode(65 + i)} Jones` }))] },
  "no-lead-officer": { fires: [op({ leadOfficer: "" })], quiet: [op({}), op({ leadOfficer: "TBC" })] },
  "placeholder-owner": { fires: [op({ leadOfficer: "TBC" }), op({ leadOfficer: "All" }), op({ leadOfficer: "various" }), op({ leadOfficer: "TBC - new post" }), op({ leadOfficer: "N/A" })], quiet: [op({}), op({ leadOfficer: "" }), op({ leadOfficer: "Tbchi Okafor" })] },
  "team-as-owner": { fires: [op({ leadOfficer: "Commissioning Team" }), op({ leadOfficer: "Waste Services" }), op({ leadOfficer: "Enforcement Officers" })], quiet: [op({}), op({ leadOfficer: "Jane Smith (Housing Team)" }), op({ leadOfficer: "Service Manager" }), op({ leadOfficer: "All staff" })] },
  "role-as-owner": { fires: [op({ leadOfficer: "Head of Housing" }), op({ leadOfficer: "Assistant Director, Adult Social Care" }), op({ leadOfficer: "Service Manager" })], quiet: [op({}), op({ leadOfficer: "Jane Smith, Head of Housing" }), op({ leadOfficer: "Head of Housing (Jane Smith)" }), op({ leadOfficer: "Commissioning Team" })] },
  "shared-ownership": { fires: [op({ leadOfficer: "Ruth Connolly / Tom Barker" }), op({ leadOfficer: "J. Smith & A. Jones" }), op({ leadOfficer: "Jane Smith and Tom Jones" })], quiet: [op({}), op({ leadOfficer: "Head of Housing and Investment" }), op({ leadOfficer: "Jane Smith" })] },
  "measure-no-name": { fires: [withMeasure({ name: "" })], quiet: [withMeasure({})] },
  "measure-no-target": { fires: [withMeasure({ annualTarget: null }), withMeasure({ annualTarget: null, polarity: "Target" })], quiet: [withMeasure({}), withMeasure({ annualTarget: null, q2Target: 40 }), withMeasure({ annualTarget: null, type: "Contextual Indicator" })] },
  "measure-no-polarity": { fires: [withMeasure({ polarity: null })], quiet: [withMeasure({}), withMeasure({ polarity: null, type: "Contextual Indicator" })] },
  "measure-no-baseline": { fires: [withMeasure({ baseline: null })], quiet: [withMeasure({}), withMeasure({ baseline: 0 })] },
  "measure-no-data-source": { fires: [withMeasure({ dataSource: "" })], quiet: [withMeasure({})] },
  // A blank frequency reads as null; a raw reader may still hand over "".
  "measure-no-frequency": { fires: [withMeasure({ frequency: null }), blankFrequency()], quiet: [withMeasure({}), withMeasure({ frequency: "Annual" }), withMeasure({ frequency: null, type: "Contextual Indicator" })] },
  "measure-no-accountable-officer": { fires: [withMeasure({ accountableOfficer: "" })], quiet: [withMeasure({}), withMeasure({ accountableOfficer: "", type: "Contextual Indicator" })] },
  "duplicate-measure-id": { fires: [plan("Operational", { actions: actions([GOOD_ACTION]), register: DIRECTORATE_REGISTER, measures: measures([GOOD_MEASURE, { ...GOOD_MEASURE, id: "pi-01" }]) })], quiet: [withMeasure({})] },
};

const run = (s: Scenario) => checkPlan("details" in s ? { plan: s, framework } : { ...s, framework });
const firing = (s: Scenario, ruleId: string) => run(s).filter((f) => f.ruleId === ruleId);

test("every rule has cases", () => {
  expect(ALL_RULES.map((r) => r.id).filter((id) => !(id in cases))).toEqual([]);
  expect(Object.keys(cases).filter((id) => !ALL_RULES.some((r) => r.id === id))).toEqual([]);
});

describe.each(Object.entries(cases))("%s", (ruleId, { fires, quiet }) => {
  test.each(fires.map((s, i) => [i, s] as const))("fires on bad case %i", (_i, s) => {
    const found = firing(s, ruleId);
    expect(found.length).toBeGreaterThan(0);
    const rule = ALL_RULES.find((r) => r.id === ruleId)!;
    for (const f of found) {
      expect(f).toMatchObject({ ruleId, criterion: rule.criterion, severity: rule.severity, hint: rule.hint });
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.cell).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$|^[A-Z]+:[A-Z]+$/);
    }
  });
  test.each(quiet.map((s, i) => [i, s] as const))("stays quiet on good case %i", (_i, s) => {
    expect(firing(s, ruleId)).toEqual([]);
  });
});

test("the good action and measure pass every rule", () => {
  expect(run(plan("Operational", { actions: actions([GOOD_ACTION, { ...GOOD_ACTION, id: "OSP-02", parentLink: "DSP-02" }]), register: DIRECTORATE_REGISTER, measures: measures([GOOD_MEASURE]) }))).toEqual([]);
});

test("findings name the cell of the field at fault and the action", () => {
  const [f] = firing(op({ leadOfficer: "TBC" }), "placeholder-owner");
  expect(f).toMatchObject({ sheet: "Actions", cell: "G5", row: 5, actionId: "OSP-01" });
  const [m] = firing(withMeasure({ dataSource: "" }), "measure-no-data-source");
  expect(m).toMatchObject({ sheet: "Measures", cell: "G5", measureId: "PI-01" });
});
