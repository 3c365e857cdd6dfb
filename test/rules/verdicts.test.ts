// The verdicts of issue 16, rule by rule, over many cases: who may answer for an action or a measure,
// what makes wording specific, amounts, circular measures, staged work, and the findings that are
// context rather than faults. Each finding names the cell and suggests a rewrite in the user's words.
import fc from "fast-check";
import { checkPlan, CheckInput } from "../../src/rules/engine";
import { MEASURE_COLUMNS, type Action, type Measure, type Plan } from "../../src/model/plan";
import { DEFAULT_CHECK_SETTINGS, verbFormsOf } from "../../src/rules/settings";
import { hasQuantity } from "../../src/rules/text/actionText";
import { AIM_VERBS, GENERAL_POSTS, SERVICE_WORDS } from "../../src/rules/text/words";
import { actions, DIRECTORATE_REGISTER, GOOD_ACTION, measures, plan, seftonFramework } from "./helpers";

const framework = seftonFramework();
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
const op = (change: Partial<Action>, extra: Partial<Measure> = {}): Plan =>
  plan("Operational", { actions: actions([{ ...GOOD_ACTION, ...change }]), register: DIRECTORATE_REGISTER, measures: measures([{ ...GOOD_MEASURE, ...extra }]) });
const check = (p: Plan, input: Partial<CheckInput> = {}) => checkPlan({ plan: p, framework, ...input });
const ids = (p: Plan, input: Partial<CheckInput> = {}) => check(p, input).map((f) => f.ruleId);
const responsible = (p: Plan, input: Partial<CheckInput> = {}) => check(p, input).filter((f) => f.criterion === "Responsible" && f.severity !== "info");
const names = fc.constantFrom("Jane Smith", "Tom Place", "Rose Green", "Tom Barker", "Aisha Patel", "Kevin Doyle", "Mary-Jo O'Neill", "J. Smith", "Priya Shah", "Daniel Okafor");
/** The column letter the test plans give a measure field (helpers.ts letters the model's columns A, B, C...). */
const measureColumn = (key: string) => String.fromCharCode(65 + MEASURE_COLUMNS.findIndex((c) => c.key === key));
const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
/** A council service or section name: "Licensing", "Revenues and Benefits", "Public Health Team". */
const serviceName = fc
  .tuple(
    fc.array(fc.constantFrom(...SERVICE_WORDS.filter((w) => /^[a-z]{3,}$/.test(w) && w !== "council")), { minLength: 1, maxLength: 3 }),
    fc.constantFrom("", " Team", " Service", " Section", " Unit"),
    fc.boolean(),
  )
  .map(([words, suffix, and]) => (and && words.length >= 2 ? `${words.slice(0, -1).map(cap).join(" ")} and ${cap(words[words.length - 1])}` : words.map(cap).join(" ")) + suffix);
/** A post that identifies one officer: "Head of Licensing", "Public Health Manager", "Director of Place". */
const post = fc
  .tuple(
    fc.constantFrom(...SERVICE_WORDS.filter((w) => /^[a-z]{3,}$/.test(w) && w !== "council")),
    fc.constantFrom("Head of %", "Director of %", "% Manager", "% Team Leader", "% Lead", "Principal % Officer", "Assistant Director, %"),
  )
  .map(([area, shape]) => shape.replace("%", cap(area)))
  // "Programme Manager" could be any of several officers: general-post's case, below.
  .filter((p) => !GENERAL_POSTS.includes(p.toLowerCase()));

describe("Responsible: a post that identifies one officer is accountable; a team, section or service is not", () => {
  test("service and section names, on actions and measures alike, are reported as groups with a post to name instead", () => {
    fc.assert(
      fc.property(serviceName, (owner) => {
        const onAction = responsible(op({ leadOfficer: owner }));
        const onMeasure = responsible(op({}, { accountableOfficer: owner }));
        expect(onAction.map((f) => f.ruleId)).toEqual(["team-as-owner"]);
        expect(onMeasure.map((f) => f.ruleId)).toEqual(["team-as-owner"]);
        expect(onAction[0]).toMatchObject({ sheet: "Actions", cell: "G5" });
        expect(onMeasure[0]).toMatchObject({ sheet: "Measures", cell: `${measureColumn("accountableOfficer")}5`, measureId: "PI-01" });
        expect(onAction[0].message).toContain(`"${owner}"`);
        expect(onAction[0].message).toMatch(/e\.g\. ".+ Manager"|Head of Service/);
      }),
      { numRuns: 150 },
    );
  });

  test("posts pass by default, and need the officer's name where the framework asks for personal names", () => {
    fc.assert(
      fc.property(post, names, (owner, person) => {
        expect(responsible(op({ leadOfficer: owner }))).toEqual([]);
        expect(responsible(op({}, { accountableOfficer: owner }))).toEqual([]);
        const names = { settings: { ...DEFAULT_CHECK_SETTINGS, personalNames: true } };
        expect(responsible(op({ leadOfficer: owner }), names).map((f) => f.ruleId)).toEqual(["role-as-owner"]);
        expect(responsible(op({ leadOfficer: `${person} (${owner})` }), names)).toEqual([]);
        expect(responsible(op({ leadOfficer: `${owner}, ${person}` }), names)).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });

  test("a named person passes; two people or two posts share it and are reported", () => {
    fc.assert(
      fc.property(names, names, post, fc.constantFrom(" / ", " & ", " and ", "; "), (a, b, p, join) => {
        expect(responsible(op({ leadOfficer: a }))).toEqual([]);
        expect(responsible(op({ leadOfficer: a.toLowerCase() }))).toEqual([]);
        expect(responsible(op({ leadOfficer: a.toUpperCase() }))).toEqual([]);
        fc.pre(a !== b);
        const shared = responsible(op({ leadOfficer: `${a}${join}${b}` }));
        expect(shared.map((f) => f.ruleId)).toEqual(["shared-ownership"]);
        expect(shared[0].message).toContain(`e.g. "${a}"`);
        expect(responsible(op({ leadOfficer: `${p} / Head of Finance` })).map((f) => f.ruleId)).toEqual(["shared-ownership"]);
      }),
      { numRuns: 80 },
    );
  });

  test("a post so general a plan has several of them is reported, with or without a personal-names setting", () => {
    fc.assert(
      fc.property(fc.constantFrom(...GENERAL_POSTS), (general) => {
        const owner = general.replace(/(^|[\s-])([a-z])/g, (_m, b: string, c: string) => b + c.toUpperCase());
        expect(responsible(op({ leadOfficer: owner })).map((f) => f.ruleId)).toEqual(["general-post"]);
        expect(responsible(op({}, { accountableOfficer: owner })).map((f) => f.ruleId)).toEqual(["general-post"]);
      }),
      { numRuns: 80 },
    );
  });
});

describe("Specific", () => {
  const COUNCIL_OBJECTS = ["the housing allocations policy", "all temporary accommodation placements", "12 school crossing patrols", "the winter service plan", "quarterly case audits"];

  test("subject-first phrasing reads as an action, whatever the team and verb", () => {
    const verbs = ["review", "complete", "deliver", "publish", "inspect", "audit", "update", "monitor", "procure", "introduce"];
    // ...while a heading that lists nouns still has no verb.
    expect(ids(op({ action: "Customer surveys and reviews" }))).toContain("no-verb");
    fc.assert(
      fc.property(serviceName, fc.constantFrom(...verbs), fc.constantFrom(...COUNCIL_OBJECTS), (team, verb, object) => {
        const s = verbFormsOf(verb).find(([, kind]) => kind === "s")![0];
        expect(ids(op({ action: `${team} ${s} ${object}` }))).not.toContain("no-verb");
      }),
      { numRuns: 100 },
    );
  });

  test("an opening word the verb list has never seen reads as a verb when an object follows it; a heading still does not", () => {
    // Made-up words shaped like short English verbs ("bolt", "zamp"), none ending like a noun.
    const made = fc
      .stringMatching(/^[bcdfgklmnprtvz][aeiou][bcdfgklmnprtvz][aeiou]?[bcdfgklmnprtvz]$/)
      .filter((w) => !/(?:tion|sion|ment|ness|ity|ance|ence|ing|ship|ism|ure|al|ic|ous|ive|ary|ory|ery|ics|ed|s)$/.test(w));
    fc.assert(
      fc.property(
        made,
        fc.constantFrom("the", "a", "all", "our", "12", "to the", "to a"),
        fc.constantFrom("new supplier for school meals", "housing allocations policy", "partnership board"),
        (verb, link, object) => {
          expect(ids(op({ action: `${cap(verb)} ${link} ${object}` }))).not.toContain("no-verb");
        },
      ),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom("Transformation", "Development", "Improvement", "Awareness", "Delivery", "Annual"),
        fc.constantFrom("of the housing service", "review", "plan for carers"),
        (noun, rest) => {
          expect(ids(op({ action: `${noun} ${rest}` }))).toContain("no-verb");
        },
      ),
    );
  });

  test("a direction with no amount is reported, with the user's own words and due date in the example; an amount anywhere settles it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...AIM_VERBS.filter((v) => v !== "ensure" && v !== "embed" && v !== "tackle")),
        fc.constantFrom("take-up of free school meals", "the number of missed bins", "recycling in flats", "customer satisfaction"),
        fc.integer({ min: 1, max: 98 }),
        (verb, object, n) => {
          const action = `${cap(verb)} ${object}`;
          const found = check(op({ action, measureOfSuccess: "" })).filter((f) => f.ruleId === "vague-aim");
          expect(found).toHaveLength(1);
          expect(found[0].cell).toBe("B5");
          expect(found[0].message).toContain(`e.g. "${action} `);
          expect(found[0].message).toContain(`by 31/08/2024"`);
          expect(ids(op({ action, measureOfSuccess: `From ${n}% to ${n + 1}% by March` }))).not.toContain("vague-aim");
          expect(ids(op({ action: `${action} by ${n}%`, measureOfSuccess: "" }))).not.toContain("vague-aim");
          expect(ids(op({ action, measureOfSuccess: "", linkedMeasures: "PI-01" }))).not.toContain("vague-aim");
        },
      ),
      { numRuns: 80 },
    );
  });

  test("stages of one piece of work get milestones; a new deliverable in the same row is several actions", () => {
    const first = ["Implement the new case management system", "Replace the payroll system", "Procure a new fleet management contract"];
    const stages = ["migrate the data", "train all staff to use it", "decommission the old system", "test the interfaces", "roll out the changes"];
    const deliverables = ["launch a new staff wellbeing app", "open 2 family hubs", "refurbish three play areas", "launch the Mockingbird model"];
    fc.assert(
      fc.property(fc.constantFrom(...first), fc.constantFrom(...stages), fc.constantFrom(...deliverables), (a, stage, other) => {
        const staged = ids(op({ action: `${a} and ${stage}`, measureOfSuccess: "" }));
        expect(staged).not.toContain("several-actions");
        expect(staged).toContain("staged-work");
        expect(ids(op({ action: `${a} and ${stage}`, measureOfSuccess: "Q2: live; Q4: complete" }))).not.toContain("staged-work");
        const separate = ids(op({ action: `${a} and ${other}` }));
        expect(separate).toContain("several-actions");
        expect(separate).not.toContain("staged-work");
      }),
    );
  });
});

describe("Measurable: a measure of success that only restates the action is not a measure", () => {
  const NOUNS = ["strategy", "review", "policy", "framework", "programme", "toolkit", "protocol"];
  const VERBS = ["develop", "deliver", "complete", "implement", "refresh", "produce", "draft"];
  test("the action's own words, done, are circular; a number, an end state or a linked measure is not", () => {
    fc.assert(
      fc.property(fc.constantFrom(...VERBS), fc.constantFrom(...NOUNS), fc.integer({ min: 2, max: 500 }), (verb, noun, n) => {
        const done = verbFormsOf(verb).find(([, kind]) => kind === "ed")![0];
        const action = `${cap(verb)} a ${noun} for carers in Sefton`;
        const found = check(op({ action, measureOfSuccess: `${cap(noun)} ${done}` })).filter((f) => f.ruleId === "circular-measure");
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ cell: "E5", criterion: "Measurable" });
        expect(found[0].message).toContain(`"${cap(noun)} ${done}"`);
        expect(ids(op({ action, measureOfSuccess: `${cap(noun)} adopted by Cabinet` }))).not.toContain("circular-measure");
        expect(ids(op({ action, measureOfSuccess: `${n} carers use the ${noun}` }))).not.toContain("circular-measure");
        expect(ids(op({ action, measureOfSuccess: `${cap(noun)} ${done}`, linkedMeasures: "PI-01" }))).not.toContain("circular-measure");
      }),
      { numRuns: 60 },
    );
  });

  test("amounts are numbers, percentages and sums; dates, years, financial years and quarters are not", () => {
    const months = ["January", "March", "May", "June", "September", "Dec"];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom(...months), fc.integer({ min: 2000, max: 2099 }), (n, day, month, year) => {
        fc.pre(!(n >= 1900 && n <= 2099));
        expect(hasQuantity(`Deliver ${n.toLocaleString("en-GB")} visits`)).toBe(true);
        expect(hasQuantity(`Cut costs by ${n}%`)).toBe(true);
        expect(hasQuantity(`Save £${n}k`)).toBe(true);
        expect(hasQuantity(`Publish the strategy by ${day} ${month} ${year}`)).toBe(false);
        expect(hasQuantity(`Publish it by ${String(day).padStart(2, "0")}/03/${year}`)).toBe(false);
        expect(hasQuantity(`Carbon neutral by ${year}`)).toBe(false);
        expect(hasQuantity(`In the ${year}/${String((year + 1) % 100).padStart(2, "0")} plan, Q${(n % 4) + 1}`)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe("Context, not wording", () => {
  const many = (n: number, due: (i: number) => string): Plan =>
    plan("Operational", {
      actions: actions(Array.from({ length: n }, (_, i) => ({ ...GOOD_ACTION, id: `OSP-${i + 1}`, leadOfficer: `Officer ${String.fromCharCode(65 + i)} Jones`, dueDate: due(i) }))),
      register: DIRECTORATE_REGISTER,
    });
  const sameDate = (p: Plan, input: Partial<CheckInput> = {}) => check(p, input).filter((f) => f.ruleId === "same-due-date");

  test("most actions due on 31 March, the end of the plan year, is information; another shared date is a warning; a council's own severity wins", () => {
    expect(sameDate(many(8, (i) => (i < 6 ? "2025-03-31" : "2024-09-30")))).toMatchObject([{ severity: "info" }]);
    expect(sameDate(many(8, (i) => (i < 6 ? "2024-12-31" : "2024-09-30")))).toMatchObject([{ severity: "warning" }]);
    expect(
      sameDate(
        many(8, (i) => (i < 6 ? "2025-03-31" : "2024-09-30")),
        { framework: seftonFramework({ severity: { "same-due-date": "warning" } }) },
      ),
    ).toMatchObject([{ severity: "warning" }]);
  });

  test("an Operational action no Team action serves is information unless the framework expects team plans", () => {
    const operational = plan("Operational", {
      details: { planId: "OSP-A" },
      actions: actions([
        { ...GOOD_ACTION, id: "OSP-01" },
        { ...GOOD_ACTION, id: "OSP-02", parentLink: "DSP-02" },
      ]),
      register: DIRECTORATE_REGISTER,
    });
    const team = plan("Team", { details: { planId: "TP-A" }, actions: actions([{ ...GOOD_ACTION, id: "TP-01", parentLink: "OSP-01" }]) });
    const unserved = (input: Partial<CheckInput>) => check(operational, { children: [team], ...input }).filter((f) => f.ruleId === "unserved-action");
    expect(unserved({})).toMatchObject([{ actionId: "OSP-02", severity: "info" }]);
    expect(unserved({ framework: seftonFramework({ teamPlansExpected: true }) })).toMatchObject([{ actionId: "OSP-02", severity: "warning" }]);
    const directorate = plan("Directorate", {
      actions: actions([
        { ...GOOD_ACTION, id: "DSP-01", parentLink: "CP2" },
        { ...GOOD_ACTION, id: "DSP-02", parentLink: "CP2" },
      ]),
    });
    expect(check(directorate, { children: [operational] }).filter((f) => f.ruleId === "unserved-action")).toMatchObject([]);
    expect(check(directorate, { children: [plan("Operational", { actions: actions([{ ...GOOD_ACTION, parentLink: "DSP-01" }]) })] }).filter((f) => f.ruleId === "unserved-action")).toMatchObject([
      { actionId: "DSP-02", severity: "warning" },
    ]);
  });
});

describe("findings a Service Manager can act on: the cell, what is wrong, and a rewrite in their own words", () => {
  const message = (change: Partial<Action>, ruleId: string) => {
    const found = check(op(change)).filter((f) => f.ruleId === ruleId);
    expect(found).toHaveLength(1);
    return found[0];
  };
  test.each([
    [{ action: "Licensing policy review" }, "no-verb", "B5", 'e.g. "Review the licensing policy and [agree or adopt the result] by 31/08/2024"'],
    [{ action: "Review of the Private Hire Policy" }, "no-verb", "B5", 'e.g. "Review the Private Hire Policy and [agree or adopt the result] by 31/08/2024"'],
    [{ action: "Tree planting", dueDate: null, dueDateText: "" }, "no-verb", "B5", 'e.g. "Plant [how many] tree [where] by [date]"'],
    [{ action: "Road safety" }, "no-verb", "B5", 'e.g. "Deliver [what, how many] for road safety by 31/08/2024"'],
    [{ action: "Support for carers" }, "no-verb", "B5", 'e.g. "Support [how many] carers [to do what] by 31/08/2024"'],
    [{ action: "Support for carers" }, "vague-opening", "B5", 'e.g. "Support [how many] carers by 31/08/2024"'],
    [{ action: "Continue to deliver the holiday activities programme" }, "vague-opening", "B5", 'e.g. "Deliver the holiday activities programme [how much, to what standard] by 31/08/2024"'],
    [{ action: "Support partners to deliver the food strategy" }, "vague-opening", "B5", 'e.g. "Support [how many] partners to deliver the food strategy by 31/08/2024"'],
    [{ action: "Increase take-up of free school meals", measureOfSuccess: "" }, "vague-aim", "B5", 'e.g. "Increase take-up of free school meals from [now] to [target] by 31/08/2024"'],
    [{ leadOfficer: "Housing Options Team" }, "team-as-owner", "G5", 'e.g. "Housing Options Manager"'],
    [{ leadOfficer: "Revenues and Benefits" }, "team-as-owner", "G5", 'e.g. "Revenues and Benefits Manager"'],
    [{ leadOfficer: "Jane Hughes / Mark Evans" }, "shared-ownership", "G5", 'e.g. "Jane Hughes"'],
    [{ action: "Develop a carers strategy", measureOfSuccess: "Strategy developed" }, "circular-measure", "E5", '"Strategy developed" only says the action was done'],
    [
      { action: "Implement the new case management system and migrate the data", measureOfSuccess: "" },
      "staged-work",
      "E5",
      'e.g. "Q2: implement the new case management system; Q3: migrate the data"',
    ],
  ] as [Partial<Action>, string, string, string][])("%j: %s", (change, ruleId, cell, words) => {
    const f = message(change, ruleId);
    expect(f.cell).toBe(cell);
    expect(f.message).toContain(words);
    expect(f.hint.length).toBeGreaterThan(20);
  });
});
