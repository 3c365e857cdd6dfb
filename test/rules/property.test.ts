// No rule throws, whatever people type: arbitrary strings, dates (valid or not) and empty rows.
import fc from "fast-check";
import { checkPlan } from "../../src/rules/engine";
import { smartSummary } from "../../src/rules/smartSummary";
import { formatFindings } from "../../src/rules/report";
import { ACTION_COLUMNS, Action, Located, Measure, MEASURE_COLUMNS, Plan, REGISTER_COLUMNS, RegisterEntry, TIERS } from "../../src/model/plan";
import { seftonFramework } from "./helpers";

const framework = seftonFramework();
const words = fc.constantFrom(
  "Review",
  "review",
  "and",
  "the",
  "policy",
  "TBC",
  "Ongoing",
  "etc.",
  "to",
  "deliver",
  ",",
  ";",
  "Team",
  "support",
  "where possible",
  "31/03/2025",
  "Q2",
  "£",
  "%",
  "-",
  "—",
  "(",
  "Jane Smith",
  "/",
  "&",
  "\n",
  "CP2",
  "DSP-01",
);
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary-ascii" }),
  fc.array(words, { maxLength: 12 }).map((w) => w.join(" ")),
  fc.constant(""),
  fc.constant(null),
);
const date = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.string(),
  fc.date({ min: new Date("1900-03-01"), max: new Date("2199-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
);
const num = fc.oneof(fc.constant(null), fc.double(), fc.integer());
const columns = (cols: { key: string }[]) => Object.fromEntries(cols.map((c, i) => [c.key, String.fromCharCode(65 + (i % 26))]));

const row = <T>(fields: Record<string, fc.Arbitrary<unknown>>) => fc.record(fields).map((r) => r as unknown as T);

const action = row<Action>({
  id: text,
  action: text,
  intendedOutcome: text,
  parentLink: text,
  measureOfSuccess: text,
  linkedMeasures: text,
  leadOfficer: text,
  startDate: date,
  dueDate: date,
  dueDateText: text,
  revisedDueDate: date,
  noLongerViable: fc.oneof(fc.boolean(), fc.constant(null)),
});
const measure = row<Measure>({
  id: text,
  name: text,
  type: fc.oneof(text, fc.constantFrom("Key Result", "Performance Indicator", "Contextual Indicator")),
  polarity: fc.oneof(text, fc.constantFrom("High", "Low", "Target")),
  frequency: text,
  dataSource: text,
  accountableOfficer: text,
  baseline: num,
  annualTarget: num,
  q1Target: num,
});
const entry = row<RegisterEntry>({ id: text, title: text, tier: text, leadOfficer: text });

const locate = <T>(rows: T[], sheet: string, cols: { key: string }[]): Located<T>[] => rows.map((r, i) => ({ ...r, source: { sheet, row: 5 + i, columns: columns(cols) } }));
const emptyRow = {
  id: "",
  action: "",
  intendedOutcome: "",
  parentLink: "",
  measureOfSuccess: "",
  linkedMeasures: "",
  leadOfficer: "",
  startDate: null,
  dueDate: null,
  dueDateText: "",
  revisedDueDate: null,
} as unknown as Action;

const planArb = fc
  .record({
    tier: fc.oneof(fc.constantFrom(...TIERS), fc.string()),
    planYear: fc.oneof(fc.constantFrom("2024/25", "2025/26", "1999/00"), fc.string()),
    actions: fc.array(fc.oneof(action, fc.constant(emptyRow)), { maxLength: 12 }),
    measures: fc.array(measure, { maxLength: 5 }),
    register: fc.array(entry, { maxLength: 5 }),
    // Some files (an actions CSV) have only some columns.
    csvLike: fc.boolean(),
    checks: fc.record({
      maxActionsPerOwnerPerQuarter: fc.integer({ min: 1, max: 3 }),
      sameDateMinActions: fc.integer({ min: 2, max: 4 }),
      longActionMonths: fc.integer({ min: 1, max: 24 }),
      allowRoles: fc.boolean(),
      personalNames: fc.boolean(),
      teamPlansExpected: fc.boolean(),
    }),
  })
  .map(({ tier, planYear, actions, measures, register, csvLike, checks }) => {
    const plan = {
      details: { formatVersion: 1, planId: "P", tier, planYear },
      actions: locate(actions, "Actions", csvLike ? ACTION_COLUMNS.filter((c) => c.key !== "parentLink" && c.key !== "intendedOutcome") : ACTION_COLUMNS),
      measures: locate(measures, "Measures", MEASURE_COLUMNS),
      updates: [],
      register: locate(register, "Register", REGISTER_COLUMNS),
    } as unknown as Plan;
    return { plan, checks };
  });

test("no rule throws on arbitrary rows; findings are well formed", () => {
  fc.assert(
    fc.property(planArb, planArb, ({ plan, checks }, { plan: other }) => {
      const findings = checkPlan({ plan, framework: { ...framework, checks }, parent: other, children: [other] });
      // Plain checks: jest's expect is too slow to call thousands of times here.
      const malformed = findings.filter((f) => !["error", "warning", "info"].includes(f.severity) || typeof f.message !== "string" || f.message === "" || f.sheet === "" || f.cell === "");
      if (malformed.length > 0) throw new Error(`malformed findings: ${JSON.stringify(malformed)}`);
      if (smartSummary(findings, plan.actions).length !== plan.actions.length) throw new Error("summary does not match the actions");
      formatFindings(findings);
    }),
    { numRuns: 1000 },
  );
});
