import type { Plan } from "../../src/model/plan";
import { planRegister } from "../../src/workbook/design";
import { registerFromParent, registerRows } from "../../src/workbook/register";
import { handPickedActions, sampleDetails, seftonFramework } from "./samplePlan";

const framework = seftonFramework();
const at = (row: number) => ({ source: { sheet: "Actions", row, columns: {} } });
const parent: Plan = {
  details: sampleDetails({ planId: "DSP-ASC-2024", tier: "Directorate" }),
  actions: handPickedActions().map((a, i) => ({ ...a, ...at(i + 2) })),
  measures: [],
  updates: [],
  register: [],
};

test("the parent's actions (its tier, action text, lead officer) come first, then the Corporate Plan's priorities and programmes", () => {
  const entries = registerFromParent(parent, framework);
  const actions = handPickedActions();
  expect(entries.slice(0, actions.length)).toEqual(actions.map((a) => ({ id: a.id, title: a.action, tier: "Directorate", leadOfficer: a.leadOfficer })));
  expect(entries.slice(actions.length)).toEqual(planRegister(framework));
  expect(entries.slice(actions.length).map((e) => e.id)).toEqual([...framework.priorities.map((p) => p.id), ...framework.transformationProgrammes.map((p) => p.id)]);
});

test("a parent action with a priority's ID is listed once, as the parent's action; rows follow the Register's columns", () => {
  const first = parent.actions[0];
  const clash: Plan = { ...parent, actions: [{ ...first, id: framework.priorities[0].id }] };
  const entries = registerFromParent(clash, framework);
  expect(entries.filter((e) => e.id === framework.priorities[0].id)).toEqual([{ id: framework.priorities[0].id, title: first.action, tier: "Directorate", leadOfficer: first.leadOfficer }]);
  expect(registerRows([{ id: "CP1", title: "Thriving", tier: "Corporate", leadOfficer: "" }])).toEqual([["CP1", "Thriving", "Corporate", null]]);
});
