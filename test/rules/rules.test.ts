// Each rule fires on the weakness it names and stays quiet on good text.
import { checkPlan, CheckInput } from "../../src/rules/engine";
import { ALL_RULES } from "../../src/rules/index";
import { MEASURE_COLUMNS, type Action, type Measure, type Plan } from "../../src/model/plan";
import { DEFAULT_CHECK_SETTINGS } from "../../src/rules/settings";
import { indexRegister, measureRegisterSchema, type RegisterIndex, type RegisterMeasure } from "../../src/model/measureRegister";
import { actions, DIRECTORATE_REGISTER, GOOD_ACTION, measures, plan, register, seftonFramework, source } from "./helpers";

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

/** The plan checked for a council that asks for personal names, not just posts. */
const namesRequired = (p: Plan): Scenario => ({ plan: p, settings: { ...DEFAULT_CHECK_SETTINGS, personalNames: true } });
/** An actions file without some columns (an actions CSV), as the CSV reader locates its rows. */
function withoutColumns(p: Plan, ...missing: string[]): Plan {
  for (const a of p.actions) {
    const columns = { ...a.source.columns };
    for (const m of missing) delete columns[m];
    a.source = source(a.source.sheet, a.source.row, columns as Record<string, string>, "actions.csv");
  }
  return p;
}
const opOwner = (leadOfficer: string) => op({ leadOfficer });

const GOOD_MEASURE: Partial<Measure> & { id: string } = {
  id: "PI-01",
  name: "Percentage of people still at home 91 days after reablement",
  type: "Performance Indicator",
  polarity: "High",
  baseline: 82,
  annualTarget: 85,
  frequency: "Quarterly",
  dataSource: "SALT return",
  accountableOfficer: "Sam Hughes",
};
const TEAM_REGISTER = register([
  { id: "OSP-01", title: "Recruit six reablement officers", tier: "Operational", leadOfficer: "Sam Hughes" },
  { id: "DSP-01", title: "Expand reablement", tier: "Directorate", leadOfficer: "Jane Morris" },
  { id: "CP2", title: "Adult Social Care", tier: "Corporate" },
]);

const cases: Record<string, { fires: Scenario[]; quiet: Scenario[] }> = {
  "action-missing": { fires: [op({ action: "" }), op({ action: "  -  " })], quiet: [op({})] },
  "too-short": { fires: [op({ action: "Road safety" }), op({ action: "Budget" })], quiet: [op({}), op({ action: "" }), op({ action: "Recruit 20 foster carers" })] },
  "no-verb": {
    fires: [
      op({ action: "Road safety" }),
      op({ action: "Business brochure" }),
      op({ action: "Review of the housing allocations policy" }),
      op({ action: "Change management programme" }),
      op({ action: "Training for foster carers" }),
      op({ action: "Improved access to services" }),
      op({ action: "Transformation of waste collection" }),
      op({ action: "Digital inclusion" }),
      op({ action: "Access to the service for carers" }),
      op({ action: "Annual review of the tenancy policy" }),
    ],
    quiet: [
      op({}),
      op({ action: "Review the housing allocations policy" }),
      op({ action: "Libraries to introduce self-service kiosks in all branches" }),
      op({ action: "Road safety: deliver 12 school sessions" }),
      op({ action: "All staff trained in safeguarding by June" }),
      op({ action: "We will publish the homelessness strategy" }),
      op({ action: "Training 50 foster carers in trauma-informed practice" }),
      op({ action: "Support carers" }),
      // Subject first, uncommon opening verbs, and bundles of verbs sharing one object.
      op({ action: "Housing Options Team reviews all temporary accommodation placements" }),
      op({ action: "Service leads complete quarterly case audits" }),
      op({ action: "Reablement service supports 600 people a year" }),
      op({ action: "Switch to a single supplier for school meals" }),
      op({ action: "Chair the climate partnership board" }),
      op({ action: "Move to a cloud-based telephony platform" }),
      op({ action: "Review, consult on and present the gambling policy to Council" }),
    ],
  },
  "vague-opening": {
    fires: [
      op({ action: "Continue to deliver the holiday activities programme" }),
      op({ action: "Explore options for a carers' hub in Bootle" }),
      op({ action: "Look at how we record complaints" }),
      op({ action: "Consider a new lettings policy" }),
      op({ action: "Try to reduce agency spend" }),
      op({ action: "Aim to open the family hub" }),
      op({ action: "Support partners to deliver the food strategy" }),
      op({ action: "To support the voluntary sector" }),
      op({ action: "Take forward the priorities of the Carers Strategy" }),
      op({ action: "Inform residents about the new bin rules" }),
    ],
    quiet: [
      op({}),
      op({ action: "Support 40 care leavers into apprenticeships" }),
      op({ action: "Open a carers' hub in Bootle by January 2025" }),
      op({ action: "Maintain Customer Service Excellence accreditation" }),
      op({ action: "Inform, support and empower tenants to manage their tenancies" }),
    ],
  },
  "verb-bundle": {
    fires: [
      op({ action: "Inform, support and empower tenants to manage their tenancies" }),
      op({ action: "Encourage and support residents to recycle" }),
      op({ action: "To promote, facilitate and enhance partnership working" }),
    ],
    quiet: [
      op({}),
      op({ action: "Recruit, train and retain 30 foster carers" }),
      op({ action: "Review, consult on and present the gambling policy to Council" }),
      op({ action: "Inform, support and empower 60 tenants a quarter to keep their tenancies" }),
      op({ action: "Support carers" }),
    ],
  },
  "vague-object": {
    fires: [
      op({ action: "Deliver the transformation programme" }),
      op({ action: "Deliver a programme of engagement activity" }),
      op({ action: "Deliver improvements to the SEND transport service" }),
      op({ action: "Implement the action plan" }),
    ],
    quiet: [
      op({}),
      op({ action: "Deliver the Bootle town centre regeneration programme" }),
      op({ action: "Develop a strategy for play areas" }),
      op({ action: "Implement recommendations from the Ofsted inspection" }),
      op({ action: "Deliver a programme of 20 community clean-ups" }),
      op({ action: "Road safety" }),
    ],
  },
  "vague-aim": {
    fires: [
      op({ action: "Increase take-up of free school meals", measureOfSuccess: "" }),
      op({ action: "Reduce the number of households in temporary accommodation", measureOfSuccess: "Fewer families in B&B" }),
      op({ action: "Improve the customer experience", measureOfSuccess: "" }),
      op({ action: "Ensure compliance with the Building Safety Act", measureOfSuccess: "" }),
    ],
    quiet: [
      op({}),
      op({ action: "Increase take-up of free school meals", measureOfSuccess: "Take-up from 78% to 88%" }),
      op({ action: "Increase take-up of free school meals", measureOfSuccess: "", linkedMeasures: "PI-01" }),
      op({ action: "Reduce sickness absence to 9 days per FTE", measureOfSuccess: "" }),
      op({ action: "Review the tenancy policy", measureOfSuccess: "" }),
      op({ action: "Ensure all staff complete mandatory GDPR training", measureOfSuccess: "" }),
    ],
  },
  "hedge-words": {
    fires: [
      op({ action: "Recruit foster carers where possible" }),
      op({ action: "Refresh the website as appropriate" }),
      op({ action: "Deliver training on GDPR, FOI etc." }),
      op({ action: "Publish the strategy as soon as possible" }),
    ],
    quiet: [op({}), op({ action: "Publish the etchings catalogue for the Atkinson gallery" })],
  },
  "several-actions": {
    fires: [
      op({ action: "Review and update the housing allocations policy and consult on the new homelessness strategy" }),
      op({ action: "Reduce sickness absence and improve staff wellbeing" }),
      op({ action: "Recruit 10 social workers; launch a new induction programme" }),
      op({ action: "Recruit 30 foster carers and launch the Mockingbird model in two constellations" }),
      op({ action: "Deliver a new skate park in Crosby and refurbish three play areas in Litherland" }),
    ],
    quiet: [
      op({}),
      op({ action: "Develop and implement a kerbside charging strategy" }),
      op({ action: "Recruit, train and retain 30 foster carers" }),
      op({ action: "Deliver the parks and open spaces strategy" }),
      op({ action: "Work with schools and health partners to reduce exclusions" }),
      op({ action: "Review the discharge pathway and agree a shared referral form" }),
      // Stages of one piece of work: staged-work suggests milestones instead.
      op({ action: "Implement the new case management system and migrate the data" }),
      op({ action: "Replace the payroll system and train all payroll staff to use it" }),
      op({ action: "Introduce a new fleet management system, train drivers and decommission the old system" }),
    ],
  },
  "staged-work": {
    fires: [
      op({ action: "Implement the new case management system and migrate the data", measureOfSuccess: "System live" }),
      op({ action: "Replace the payroll system and train all payroll staff to use it", measureOfSuccess: "" }),
    ],
    quiet: [
      op({}),
      op({ action: "Implement the new case management system and migrate the data", measureOfSuccess: "Q2: system live; Q3: data migrated" }),
      op({ action: "Reduce sickness absence and improve staff wellbeing" }),
    ],
  },
  "not-measurable": {
    fires: [
      op({ measureOfSuccess: "", action: "Improve the complaints process" }),
      op({ measureOfSuccess: "", action: "Recruit reablement officers" }),
      op({ measureOfSuccess: "", action: "Work towards carbon neutrality by 2030" }),
    ],
    quiet: [
      op({}),
      op({ measureOfSuccess: "", action: "Recruit six reablement officers" }),
      op({ measureOfSuccess: "", linkedMeasures: "PI-01" }),
      op({ measureOfSuccess: "", action: "Open the hub", intendedOutcome: "90% of visitors satisfied" }),
      op({ action: "", measureOfSuccess: "" }),
    ],
  },
  "circular-measure": {
    fires: [
      op({ action: "Develop a carers strategy with partners", measureOfSuccess: "Strategy developed" }),
      op({ action: "Deliver a programme of engagement activity", measureOfSuccess: "Engagement activity delivered" }),
      op({ action: "Undertake the annual review of the risk register", measureOfSuccess: "Review completed" }),
      op({ action: "Transform the SEND service", measureOfSuccess: "Transformation delivered" }),
      op({ action: "Support carers", measureOfSuccess: "Completed" }),
    ],
    quiet: [
      op({}),
      op({ action: "Develop a carers strategy with partners", measureOfSuccess: "Strategy adopted by Cabinet" }),
      op({ action: "Develop a carers strategy with partners", measureOfSuccess: "Strategy developed", linkedMeasures: "PI-01" }),
      op({ action: "Open a Changing Places toilet in Crosby", measureOfSuccess: "Facility open to the public" }),
      op({ action: "Deliver 12 sessions", measureOfSuccess: "12 sessions delivered" }),
      op({ measureOfSuccess: "" }),
    ],
  },
  "unknown-linked-measure": { fires: [op({ linkedMeasures: "PI-99" }), op({ linkedMeasures: "PI-01, KPI-7" })], quiet: [op({}), op({ linkedMeasures: "pi-01" }), op({ linkedMeasures: "PI-01; " })] },
  "absolute-target": {
    fires: [
      op({ action: "Ensure every child in Sefton reads at the expected standard by July" }),
      op({ action: "Get 100% of residents online" }),
      op({ action: "Eliminate rough sleeping in Sefton" }),
    ],
    quiet: [
      op({}),
      op({ action: "Roll out food waste collections to all 120,000 households" }),
      op({ action: "Train all enforcement staff in the use of body-worn cameras" }),
      op({ action: "Ensure all new starters complete induction within 4 weeks" }),
    ],
  },
  "due-before-start": {
    fires: [op({ startDate: "2024-06-01", dueDate: "2024-05-31" })],
    quiet: [op({}), op({ startDate: "2024-06-01", dueDate: "2024-06-01" }), op({ startDate: null }), op({ dueDate: null })],
  },
  "owner-overloaded": {
    fires: [many(6, () => ({ dueDate: "2024-06-30" })), many(6, (i) => ({ dueDate: `2024-0${4 + (i % 3)}-1${i}`, leadOfficer: i % 2 ? "J. Smith" : "j smith" }))],
    quiet: [
      many(5, () => ({ dueDate: "2024-06-30" })),
      many(6, (i) => ({ dueDate: i < 3 ? "2024-06-30" : "2024-07-01" })),
      many(6, () => ({ dueDate: "2024-06-30", leadOfficer: "TBC" })),
      many(6, (i) => ({ dueDate: "2024-06-30", noLongerViable: i === 0 })),
    ],
  },
  "no-parent-link": { fires: [op({ parentLink: "" }), dir({ parentLink: " " })], quiet: [op({}), dir({}), withoutColumns(op({ parentLink: "" }), "parentLink")] },
  "no-intended-outcome": {
    fires: [op({ intendedOutcome: "" }), dir({ intendedOutcome: "  " })],
    quiet: [op({}), op({ action: "", intendedOutcome: "" }), withoutColumns(op({ intendedOutcome: "" }), "intendedOutcome")],
  },
  "no-link-column": {
    fires: [
      withoutColumns(op({ parentLink: "" }), "parentLink"),
      withoutColumns(
        many(3, () => ({ parentLink: "" })),
        "parentLink",
      ),
    ],
    quiet: [op({}), op({ parentLink: "" }), plan("Operational", {})],
  },
  "unknown-parent-link": {
    fires: [op({ parentLink: "DSP-99" }), op({ parentLink: "DSP-01, DSP-77" }), team({ parentLink: "OSP-9" })],
    quiet: [
      op({}),
      op({ parentLink: "dsp-01" }),
      op({ parentLink: "DSP-01 Expand reablement" }),
      plan("Operational", { actions: actions([{ ...GOOD_ACTION, parentLink: "DSP-99" }]) }),
      dir({ parentLink: "XYZ" }),
    ],
  },
  "wrong-tier-link": {
    fires: [
      op({ parentLink: "CP2" }),
      team({ parentLink: "CP2" }),
      plan("Operational", { actions: actions([GOOD_ACTION, { ...GOOD_ACTION, id: "OSP-02", parentLink: "OSP-01" }]), register: DIRECTORATE_REGISTER }),
    ],
    quiet: [op({}), team({}), team({ parentLink: "DSP-01" }), op({ parentLink: "DSP-99" })],
  },
  "no-corporate-priority": {
    fires: [dir({ parentLink: "DSP-01" }), dir({ parentLink: "P7" }), plan("Directorate", { actions: actions([{ ...GOOD_ACTION, parentLink: "DSP-01" }]), register: DIRECTORATE_REGISTER })],
    quiet: [dir({}), dir({ parentLink: "TP1" }), dir({ parentLink: "CP2 Adult Social Care" }), dir({ parentLink: "" }), op({ parentLink: "CP2" })],
  },
  "duplicate-action-id": { fires: [plan("Operational", { actions: actions([GOOD_ACTION, { ...GOOD_ACTION, id: "osp-01 " }]), register: DIRECTORATE_REGISTER })], quiet: [op({}), many(3, () => ({}))] },
  "no-parent-source": {
    fires: [plan("Operational", { actions: actions([GOOD_ACTION]) }), team({}, register([{ id: "CP2", tier: "Corporate" }]))],
    quiet: [op({}), dir({}), plan("Operational", {}), withoutColumns(plan("Operational", { actions: actions([GOOD_ACTION]) }), "parentLink")],
  },
  "unserved-parent": {
    fires: [op({})],
    quiet: [plan("Operational", { actions: actions([GOOD_ACTION, { ...GOOD_ACTION, id: "OSP-02", parentLink: "DSP-02" }]), register: DIRECTORATE_REGISTER }), dir({})],
  },
  "unserved-action": {
    fires: [
      {
        plan: plan("Directorate", {
          actions: actions([
            { ...GOOD_ACTION, id: "DSP-01", parentLink: "CP2" },
            { ...GOOD_ACTION, id: "DSP-02", parentLink: "CP2" },
          ]),
        }),
        children: [op({})],
      },
    ],
    quiet: [{ plan: plan("Directorate", { actions: actions([{ ...GOOD_ACTION, id: "DSP-01", parentLink: "CP2" }]) }), children: [op({})] }, dir({})],
  },
  "no-due-date": { fires: [op({ dueDate: null })], quiet: [op({}), op({ dueDate: null, dueDateText: "Ongoing" })] },
  "unparsed-date": {
    fires: [op({ dueDate: null, dueDateText: "Spring 2025" }), op({ dueDate: null, dueDateText: "TBC" })],
    quiet: [op({}), op({ dueDate: null, dueDateText: "Ongoing" }), op({ dueDateText: "end of Q2" })],
  },
  ongoing: {
    fires: [op({ dueDate: null, dueDateText: "Ongoing" }), op({ dueDate: "2025-03-31", dueDateText: "Throughout the year" }), op({ dueDate: null, dueDateText: "BAU" })],
    quiet: [op({}), op({ dueDate: null, dueDateText: "Spring 2025" })],
  },
  "due-outside-plan-year": {
    fires: [op({ dueDate: "2025-04-01" }), op({ dueDate: "2024-03-31", startDate: null })],
    quiet: [op({}), op({ dueDate: "2025-03-31" }), op({ dueDate: "2024-04-01" }), { plan: op({ dueDate: "2025-06-30" }), planYear: "2025/26" }],
  },
  "no-milestone": {
    fires: [op({ startDate: "2024-01-01", dueDate: "2025-03-31" }), op({ startDate: null, dueDate: "2025-06-30" })],
    quiet: [
      op({}),
      op({ startDate: "2024-01-01", dueDate: "2025-03-31", revisedDueDate: "2025-05-31" }),
      op({ startDate: "2024-01-01", dueDate: "2025-03-31", measureOfSuccess: "Q2: consultation closed; Q4: policy adopted" }),
      op({ startDate: "2024-04-01", dueDate: "2025-03-31" }),
    ],
  },
  "same-due-date": {
    fires: [many(8, (i) => ({ dueDate: i < 5 ? "2024-12-31" : `2024-0${i}-30`, leadOfficer: `Officer ${String.fromCharCode(65 + i)} Smith` }))],
    quiet: [
      many(8, (i) => ({ dueDate: i < 4 ? "2025-03-31" : `2024-0${i}-30`, leadOfficer: `Person ${String.fromCharCode(65 + i)} Jones` })),
      many(4, (i) => ({ dueDate: "2025-03-31", leadOfficer: `Person ${String.fromCharCode(65 + i)} Jones` })),
    ],
  },
  "no-lead-officer": { fires: [op({ leadOfficer: "" })], quiet: [op({}), op({ leadOfficer: "TBC" })] },
  "placeholder-owner": {
    fires: [op({ leadOfficer: "TBC" }), op({ leadOfficer: "All" }), op({ leadOfficer: "various" }), op({ leadOfficer: "TBC - new post" }), op({ leadOfficer: "N/A" })],
    quiet: [op({}), op({ leadOfficer: "" }), op({ leadOfficer: "Tbchi Okafor" })],
  },
  "team-as-owner": {
    fires: [
      opOwner("Commissioning Team"),
      opOwner("Waste Services"),
      opOwner("Enforcement Officers"),
      opOwner("Licensing"),
      opOwner("Estates"),
      opOwner("Revenues and Benefits"),
      opOwner("Parks and Open Spaces"),
      opOwner("Public Health"),
      opOwner("Service leads"),
      withMeasure({ accountableOfficer: "Licensing" }),
    ],
    quiet: [
      op({}),
      opOwner("Jane Smith (Housing Team)"),
      opOwner("Service Manager"),
      opOwner("All staff"),
      opOwner("Head of Planning"),
      opOwner("Trading Standards Manager"),
      opOwner("Director of Place"),
      opOwner("Head of Catering Services"),
      opOwner("Learning Disability Service Manager"),
      withMeasure({ accountableOfficer: "Licensing", type: "Contextual Indicator" }),
    ],
  },
  "role-as-owner": {
    fires: [
      namesRequired(opOwner("Head of Housing")),
      namesRequired(opOwner("Assistant Director, Adult Social Care")),
      namesRequired(opOwner("Trading Standards Manager")),
      namesRequired(withMeasure({ accountableOfficer: "Head of Highways" })),
      { plan: opOwner("Head of Housing"), settings: { ...DEFAULT_CHECK_SETTINGS, allowRoles: false } },
    ],
    quiet: [
      op({}),
      opOwner("Head of Housing"),
      opOwner("Director of Place"),
      namesRequired(opOwner("Jane Smith, Head of Housing")),
      namesRequired(opOwner("Head of Housing (Jane Smith)")),
      namesRequired(opOwner("Commissioning Team")),
      namesRequired(op({})),
    ],
  },
  "general-post": {
    fires: [opOwner("Manager"), opOwner("Service Manager"), opOwner("Lead Officer"), withMeasure({ accountableOfficer: "Officer" })],
    quiet: [op({}), opOwner("Highways Manager"), opOwner("Chief Executive"), opOwner("Jane Smith (Service Manager)"), opOwner("Head of Planning")],
  },
  "member-as-owner": {
    fires: [opOwner("Cabinet Member for Climate"), opOwner("Cllr Jane Smith"), opOwner("Portfolio Holder, Adult Social Care")],
    quiet: [op({}), opOwner("Head of Democratic Services"), opOwner("Jane Smith")],
  },
  "shared-ownership": {
    fires: [
      opOwner("Ruth Connolly / Tom Barker"),
      opOwner("J. Smith & A. Jones"),
      opOwner("Jane Smith and Tom Jones"),
      opOwner("Head of Housing / Head of Finance"),
      withMeasure({ accountableOfficer: "Sam Hughes / Jane Morris" }),
    ],
    quiet: [op({}), opOwner("Head of Housing and Investment"), opOwner("Jane Smith"), opOwner("Revenues and Benefits"), opOwner("Equality and Diversity Lead")],
  },
  "measure-no-name": { fires: [withMeasure({ name: "" })], quiet: [withMeasure({})] },
  "contextual-with-target": {
    fires: [withMeasure({ type: "Contextual Indicator" }), withMeasure({ type: "Contextual Indicator", annualTarget: null, q3Target: 12 })],
    quiet: [withMeasure({}), withMeasure({ type: "Contextual Indicator", annualTarget: null })],
  },
  "measure-no-target": {
    fires: [withMeasure({ annualTarget: null }), withMeasure({ annualTarget: null, polarity: "Target" })],
    quiet: [withMeasure({}), withMeasure({ annualTarget: null, q2Target: 40 }), withMeasure({ annualTarget: null, type: "Contextual Indicator" })],
  },
  "measure-no-polarity": { fires: [withMeasure({ polarity: null })], quiet: [withMeasure({}), withMeasure({ polarity: null, type: "Contextual Indicator" })] },
  "measure-no-baseline": { fires: [withMeasure({ baseline: null })], quiet: [withMeasure({}), withMeasure({ baseline: 0 })] },
  "measure-no-data-source": { fires: [withMeasure({ dataSource: "" })], quiet: [withMeasure({})] },
  // A blank frequency reads as null; a raw reader may still hand over "".
  "measure-no-frequency": {
    fires: [withMeasure({ frequency: null }), blankFrequency()],
    quiet: [withMeasure({}), withMeasure({ frequency: "Annual" }), withMeasure({ frequency: null, type: "Contextual Indicator" })],
  },
  "measure-no-accountable-officer": { fires: [withMeasure({ accountableOfficer: "" })], quiet: [withMeasure({}), withMeasure({ accountableOfficer: "", type: "Contextual Indicator" })] },
  "duplicate-measure-id": {
    fires: [plan("Operational", { actions: actions([GOOD_ACTION]), register: DIRECTORATE_REGISTER, measures: measures([GOOD_MEASURE, { ...GOOD_MEASURE, id: "pi-01" }]) })],
    quiet: [withMeasure({})],
  },
  "measure-register-mismatch": {
    fires: [
      { plan: withMeasure({}), register: measureRegister({ name: "Percentage of people at home after 91 days" }) },
      { plan: withMeasure({}), register: measureRegister({ polarity: "Low" }) },
      { plan: withMeasure({ unit: "%" }), register: measureRegister({ unit: "number" }) },
    ],
    quiet: [
      withMeasure({}),
      { plan: withMeasure({}), register: measureRegister({}) },
      { plan: withMeasure({ unit: "", name: "percentage of people still at home, 91 days after reablement" }), register: measureRegister({ unit: "%" }) },
      { plan: withMeasure({ id: "LOCAL-1" }), register: measureRegister({ polarity: "Low" }) },
    ],
  },
};

/** A register holding the good measure's ID, with some fields changed. */
function measureRegister(change: Partial<RegisterMeasure>): RegisterIndex {
  return indexRegister(measureRegisterSchema.parse({ formatVersion: 1, measures: [{ id: "PI-01", name: GOOD_MEASURE.name, polarity: "High", ...change }] }));
}
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
  expect(
    run(plan("Operational", { actions: actions([GOOD_ACTION, { ...GOOD_ACTION, id: "OSP-02", parentLink: "DSP-02" }]), register: DIRECTORATE_REGISTER, measures: measures([GOOD_MEASURE]) })),
  ).toEqual([]);
});

test("findings name the cell of the field at fault and the action", () => {
  const [f] = firing(op({ leadOfficer: "TBC" }), "placeholder-owner");
  expect(f).toMatchObject({ sheet: "Actions", cell: "G5", row: 5, actionId: "OSP-01" });
  const [m] = firing(withMeasure({ dataSource: "" }), "measure-no-data-source");
  expect(m).toMatchObject({ sheet: "Measures", cell: `${String.fromCharCode(65 + MEASURE_COLUMNS.findIndex((c) => c.key === "dataSource"))}5`, measureId: "PI-01" });
});
