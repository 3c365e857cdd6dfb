// Coverage for the parent's owner: which parent actions no child action serves.
import { coverage, coverageReport } from "../../src/rules/goldenThread/coverage";
import { checkPlan } from "../../src/rules/engine";
import { actions, GOOD_ACTION, plan, register, seftonFramework } from "./helpers";

const directorate = plan("Directorate", {
  details: { planId: "DSP-ASC" },
  actions: actions(
    [
      { ...GOOD_ACTION, id: "DSP-01", parentLink: "CP2", leadOfficer: "Jane Morris" },
      { ...GOOD_ACTION, id: "DSP-02", parentLink: "CP2", leadOfficer: "Priya Shah" },
      { ...GOOD_ACTION, id: "DSP-03", parentLink: "CP2", leadOfficer: "Marcus Bell", noLongerViable: true },
      { ...GOOD_ACTION, id: "DSP-04", parentLink: "CP6", leadOfficer: "Jane Morris" },
    ],
    "dsp.xlsx",
  ),
});
const ops = plan("Operational", {
  details: { planId: "OSP-A" },
  actions: actions([
    { ...GOOD_ACTION, id: "OSP-A1", parentLink: "DSP-01" },
    { ...GOOD_ACTION, id: "OSP-A2", parentLink: "dsp-04 Savings" },
  ]),
});
const ops2 = plan("Operational", { details: { planId: "OSP-B" }, actions: actions([{ ...GOOD_ACTION, id: "OSP-B1", parentLink: "DSP-01; DSP-02", noLongerViable: true }]) });

test("coverageReport lists who serves each parent action", () => {
  const lines = coverageReport(directorate, [ops, ops2]);
  expect(lines.map((l) => [l.parentId, l.servedBy.map((s) => `${s.planId}/${s.actionId}`)])).toEqual([
    ["DSP-01", ["OSP-A/OSP-A1"]],
    ["DSP-02", []],
    ["DSP-03", []],
    ["DSP-04", ["OSP-A/OSP-A2"]],
  ]);
});

test("coverage warns the parent's owner of unserved actions, skipping stopped ones and stopped children", () => {
  const f = coverage(directorate, [ops, ops2]);
  expect(f).toHaveLength(1);
  expect(f[0]).toMatchObject({ ruleId: "unserved-action", severity: "warning", file: "dsp.xlsx", sheet: "Actions", cell: "A6", actionId: "DSP-02" });
  expect(f[0].message).toContain("Priya Shah");
});

test("checkPlan runs coverage when given children, and the register direction otherwise", () => {
  expect(
    checkPlan({ plan: directorate, framework: seftonFramework(), children: [ops] })
      .filter((f) => f.ruleId === "unserved-action")
      .map((f) => f.actionId),
  ).toEqual(["DSP-02"]);
  const child = plan("Operational", {
    actions: actions([{ ...GOOD_ACTION, parentLink: "DSP-01" }]),
    register: register([
      { id: "DSP-01", tier: "Directorate" },
      { id: "DSP-02", tier: "Directorate", leadOfficer: "Priya Shah" },
    ]),
  });
  const info = checkPlan({ plan: child, framework: seftonFramework() }).filter((f) => f.ruleId === "unserved-parent");
  expect(info).toMatchObject([{ severity: "info", sheet: "Register", cell: "A3", actionId: "DSP-02" }]);
});

test("a parent plan file is used for link checks as well as the register", () => {
  const child = plan("Operational", {
    actions: actions([
      { ...GOOD_ACTION, parentLink: "DSP-04" },
      { ...GOOD_ACTION, id: "OSP-02", parentLink: "DSP-09" },
    ]),
  });
  const f = checkPlan({ plan: child, framework: seftonFramework(), parent: directorate });
  expect(f.filter((x) => x.ruleId === "unknown-parent-link").map((x) => x.actionId)).toEqual(["OSP-02"]);
  expect(f.filter((x) => x.ruleId === "unserved-parent").map((x) => [x.actionId, x.file])).toEqual([
    ["DSP-01", "dsp.xlsx"],
    ["DSP-02", "dsp.xlsx"],
  ]);
});
