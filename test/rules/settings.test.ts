// The framework's `checks` block: defaults from Sefton, rules switched off, thresholds and word lists changed.
import { checkPlan, settingsFromFramework } from "../../src/rules/engine";
import { DEFAULT_CHECK_SETTINGS, parseCheckSettings, verbFormsOf } from "../../src/rules/settings";
import { RULE_IDS } from "../../src/rules/index";
import { actions, DIRECTORATE_REGISTER, GOOD_ACTION, plan, seftonFramework } from "./helpers";

const weak = plan("Operational", {
  actions: actions([{ ...GOOD_ACTION, action: "Champion digital skills in libraries", measureOfSuccess: "", leadOfficer: "Head of Libraries" }]),
  register: DIRECTORATE_REGISTER,
});
const ids = (checks: Record<string, unknown>) => checkPlan({ plan: weak, framework: seftonFramework(checks) }).map((f) => f.ruleId);

test("defaults follow the Sefton framework: a post that identifies one officer is accountable", () => {
  expect(DEFAULT_CHECK_SETTINGS).toMatchObject({ personalNames: false, teamPlansExpected: false, minWords: 4, disabled: [] });
  expect(ids({})).not.toContain("role-as-owner");
});

test("personalNames asks for the officer's name beside the post (and the older allowRoles: false still does)", () => {
  expect(ids({ personalNames: true })).toContain("role-as-owner");
  expect(ids({ allowRoles: false })).toContain("role-as-owner");
  expect(ids({ allowRoles: true })).not.toContain("role-as-owner");
});

test("disabled rules do not run", () => {
  expect(ids({ disabled: ["not-measurable", "vague-opening"] })).toEqual(ids({}).filter((id) => id !== "not-measurable" && id !== "vague-opening"));
});

test("a council can change a rule's severity", () => {
  const f = checkPlan({ plan: weak, framework: seftonFramework({ severity: { "not-measurable": "error" } }) });
  expect(f.find((x) => x.ruleId === "not-measurable")?.severity).toBe("error");
});

test("word lists extend the defaults", () => {
  expect(ids({})).not.toContain("vague-opening");
  expect(ids({ vagueOpenings: ["Champion"] })).toContain("vague-opening");
  const ownerIds = (leadOfficer: string, checks: Record<string, unknown> = {}) =>
    checkPlan({ plan: plan("Operational", { actions: actions([{ ...GOOD_ACTION, leadOfficer }]), register: DIRECTORATE_REGISTER }), framework: seftonFramework(checks) }).map((f) => f.ruleId);
  // A council's own service names and general posts.
  expect(ownerIds("Wombles Tellet")).not.toContain("team-as-owner");
  expect(ownerIds("Wombles Tellet", { serviceWords: ["wombles"] })).toContain("team-as-owner");
  expect(ownerIds("Duty Manager")).not.toContain("general-post");
  expect(ownerIds("Duty Manager", { generalPosts: ["Duty Manager"] })).toContain("general-post");
  const owner = plan("Operational", { actions: actions([{ ...GOOD_ACTION, leadOfficer: "Interim" }]), register: DIRECTORATE_REGISTER });
  expect(checkPlan({ plan: owner, framework: seftonFramework({ nonPersonOwners: ["interim"] }) }).map((f) => f.ruleId)).toContain("placeholder-owner");
});

test("thresholds change what fires", () => {
  expect(ids({ minWords: 6 })).toContain("too-short");
  expect(ids({ minWords: 5 })).not.toContain("too-short");
});

test("extra verbs make a council's own verbs count", () => {
  const p = plan("Operational", { actions: actions([{ ...GOOD_ACTION, action: "Wombleise parks with volunteers" }]), register: DIRECTORATE_REGISTER });
  expect(checkPlan({ plan: p, framework: seftonFramework() }).map((f) => f.ruleId)).toContain("no-verb");
  expect(checkPlan({ plan: p, framework: seftonFramework({ verbs: ["wombleise"] }) }).map((f) => f.ruleId)).not.toContain("no-verb");
});

describe("bad settings get a clear error naming the file and setting", () => {
  test.each([
    [{ minWords: "four" }, /sefton\.json: check settings are not valid: checks\.minWords/],
    [{ sameDateShare: 1.5 }, /checks\.sameDateShare/],
    [{ maxActionsPerOwner: 4 }, /checks.*maxActionsPerOwner/],
    [{ hedges: ["ok", ""] }, /checks\.hedges\.1: an empty word/],
    [{ severity: { "no-verb": "fatal" } }, /checks\.severity\.no-verb/],
  ])("%j", (checks, message) => {
    expect(() => settingsFromFramework(seftonFramework(checks), "sefton.json")).toThrow(message);
  });
  test("unknown rule ids", () => {
    expect(() => parseCheckSettings({ disabled: ["no-verbs"] }, "sefton.json", RULE_IDS)).toThrow(/sefton\.json: checks names rules that do not exist: no-verbs/);
  });
});

test("verb forms follow English spelling", () => {
  expect(verbFormsOf("plan").map(([f]) => f)).toEqual(expect.arrayContaining(["plans", "planned", "planning"]));
  expect(verbFormsOf("apply").map(([f]) => f)).toEqual(expect.arrayContaining(["applies", "applied", "applying"]));
  expect(verbFormsOf("reduce").map(([f]) => f)).toEqual(expect.arrayContaining(["reduces", "reduced", "reducing"]));
  expect(verbFormsOf("publish").map(([f]) => f)).toEqual(expect.arrayContaining(["publishes", "published", "publishing"]));
});
