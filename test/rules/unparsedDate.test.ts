// Time-bound/unparsed-date offers what a loose timescale most likely means.
import { checkPlan } from "../../src/rules/engine";
import { actions, DIRECTORATE_REGISTER, GOOD_ACTION, plan, seftonFramework } from "./helpers";

const framework = seftonFramework();
const finding = (dueDateText: string) =>
  checkPlan({ plan: plan("Operational", { actions: actions([{ ...GOOD_ACTION, dueDate: null, dueDateText }]), register: DIRECTORATE_REGISTER }), framework }).find((f) => f.ruleId === "unparsed-date");

test("a month names its last day", () => {
  expect(finding("March 2025")?.message).toBe('The timescale "March 2025" could not be read as a date. It probably means 31/03/2025: enter that (or the real date) as the due date.');
});

test("a quarter of the plan year names the quarter's last day", () => {
  expect(finding("Q3")?.message).toMatch(/It probably means 31\/12\/2024/);
});

test("a wording with no date in it offers none", () => {
  expect(finding("when funding allows")?.message).toBe('The timescale "when funding allows" could not be read as a date.');
});
