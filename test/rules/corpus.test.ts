// Regression: the action corpus with the findings a reviewer would expect, rule by rule.
import * as fs from "fs";
import * as path from "path";
import { checkPlan } from "../../src/rules/engine";
import type { Tier } from "../../src/model/plan";
import { actions, measures, plan, register, seftonFramework } from "./helpers";

interface CorpusPlan {
  name: string;
  tier: Tier;
  planYear: string;
  register: { id: string; title?: string; tier?: string; leadOfficer?: string }[];
  expectPlan: string[];
  actions: ({ id: string; expect: string[] } & Record<string, unknown>)[];
  measures: ({ id: string; expect: string[] } & Record<string, unknown>)[];
}

const corpus: { plans: CorpusPlan[] } = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/actions-corpus.json"), "utf8"));

test("the corpus holds at least 40 actions", () => {
  expect(corpus.plans.reduce((n, p) => n + p.actions.length, 0)).toBeGreaterThanOrEqual(40);
});

describe.each(corpus.plans.map((p) => [p.name, p] as const))("%s", (_name, c) => {
  const subject = plan(c.tier, {
    details: { planYear: c.planYear },
    actions: actions(c.actions),
    measures: measures(c.measures),
    register: register(c.register),
  });
  const findings = checkPlan({ plan: subject, framework: seftonFramework() });
  const rowsOf = (sheet: string, row: number) =>
    findings
      .filter((f) => f.sheet === sheet && f.row === row)
      .map((f) => f.ruleId)
      .sort();

  test.each(subject.actions.map((a, i) => [`${a.id} "${a.action}"`, i] as const))("action %s", (_label, i) => {
    expect(rowsOf("Actions", subject.actions[i].source.row)).toEqual([...c.actions[i].expect].sort());
  });

  if (c.measures.length > 0) {
    test.each(subject.measures.map((m, i) => [m.id, i] as const))("measure %s", (_label, i) => {
      expect(rowsOf("Measures", subject.measures[i].source.row)).toEqual([...c.measures[i].expect].sort());
    });
  }

  test("plan-wide findings", () => {
    const onRows = new Set([...subject.actions.map((a) => `Actions|${a.source.row}`), ...subject.measures.map((m) => `Measures|${m.source.row}`)]);
    const planWide = findings
      .filter((f) => !onRows.has(`${f.sheet}|${f.row}`))
      .map((f) => f.ruleId)
      .sort();
    expect(planWide).toEqual([...c.expectPlan].sort());
  });
});
