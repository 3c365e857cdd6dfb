// The SMART check column: what a printed plan shows for each action.
import { checkPlan } from "../../src/rules/engine";
import { SMART_PASS, smartSummary, smartSummaryColumn, summaryText } from "../../src/rules/smartSummary";
import { actions, DIRECTORATE_REGISTER, GOOD_ACTION, plan, seftonFramework } from "./helpers";

const subject = plan("Operational", {
  actions: actions([
    GOOD_ACTION,
    { ...GOOD_ACTION, id: "OSP-02", action: "Road safety", leadOfficer: "TBC", measureOfSuccess: "", dueDate: null, parentLink: "DSP-02" },
    { ...GOOD_ACTION, id: "OSP-03", action: "Explore options for a carers' hub", measureOfSuccess: "Options paper to Cabinet" },
  ]),
  register: DIRECTORATE_REGISTER,
});
const findings = checkPlan({ plan: subject, framework: seftonFramework() });

test("a passing action reads ✓ SMART; a failing one lists its criteria in SMART order with a count", () => {
  const summary = smartSummary(findings, subject.actions);
  expect(summary[0]).toBe(SMART_PASS);
  const own = findings.filter((f) => f.row === subject.actions[1].source.row && f.severity !== "info");
  expect(summary[1]).toBe(`✗ Specific, Measurable, Time-bound, Responsible (${own.length} issues)`);
  expect(summary[2]).toBe("⚠ Specific (1 issue)");
});

test("info findings and findings for other rows or files do not count", () => {
  const info = { ruleId: "x", criterion: "Golden thread" as const, severity: "info" as const, sheet: "Actions", cell: "A5", row: 5, actionId: "OSP-01", message: "m", hint: "h" };
  const otherFile = { ...info, severity: "error" as const, file: "parent.xlsx" };
  expect(smartSummary([info, otherFile], subject.actions)[0]).toBe(SMART_PASS);
});

test("duplicate IDs are told apart by row", () => {
  const dup = plan("Operational", { actions: actions([GOOD_ACTION, { ...GOOD_ACTION, action: "Road safety" }]), register: DIRECTORATE_REGISTER });
  const s = smartSummary(checkPlan({ plan: dup, framework: seftonFramework() }), dup.actions);
  expect(s[0]).toBe(SMART_PASS);
  expect(s[1]).toMatch(/^✗ Specific, Golden thread/);
});

test("the column lines up with table rows, leaving rows without an action blank", () => {
  const column = smartSummaryColumn(findings, subject.actions, 4, 6);
  expect(column).toEqual(["", SMART_PASS, expect.stringMatching(/^✗/), "⚠ Specific (1 issue)", "", ""]);
});

test("summaryText wording", () => {
  expect(summaryText(new Set(), 0, 0)).toBe(SMART_PASS);
  expect(summaryText(new Set(["Time-bound", "Specific"]), 3, 0)).toBe("⚠ Specific, Time-bound (3 issues)");
});
