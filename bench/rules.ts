// Benchmark: the SMART and golden-thread check of a large plan (issue 4 budget: 20,000 actions +
// 5,000 measures against a 2,000-action parent register in under 100 ms, growing linearly; issue 16
// asks only 2 s for that, the BI team's check of every plan, and 100 ms for a 200-action plan in the pane).
import { actionSchema, ACTION_COLUMNS, planDetailsSchema, Located, Action, Measure, measureSchema, MEASURE_COLUMNS, Plan, RegisterEntry, REGISTER_COLUMNS } from "../src/model/plan";
import { Framework, frameworkSchema } from "../src/model/framework";
import { checkPlan, settingsFromFramework } from "../src/rules/engine";
import { checkSettingsSchema, compileSettings } from "../src/rules/settings";
import * as os from "os";
import { BenchRow } from "./table";

// Mostly sound actions, as in a real plan, with one in five weak in the ways councils' plans are.
const GOOD_WORDING = [
  "Recruit six reablement officers to support 7-day working",
  "Resurface 25 km of A and B roads by March 2025",
  "Install 12 new pedestrian crossings near schools",
  "Deliver the school streets programme at 6 primary schools with the Road Safety Team and Public Health",
  "Train all enforcement staff in the use of body-worn cameras by September 2024",
  "Carry out 150 food hygiene inspections of high-risk premises",
  "Procure a new highways maintenance term contract to start on 1 April 2025",
  "Develop and implement a kerbside electric vehicle charging strategy",
];
const WEAK_WORDING = [
  "Road safety",
  "Continue to support partners where possible",
  "Review and update the housing allocations policy and consult on the new homelessness strategy",
  "Explore options for a carers' hub etc.",
  "Taxi licensing policy review",
];
const OUTCOMES = [
  "Weekend hospital discharges supported",
  "Safer roads and fewer insurance claims",
  "Fewer child pedestrian casualties",
  "Residents feel safer in the town centre",
  "Safe food for residents",
];
const FIRST = ["Kevin", "Aisha", "Helen", "Mark", "Ruth", "Tom", "Priya", "Sam", "Leah", "Daniel", "Amira", "Marcus", "Jane", "Andrea", "Gill"];
const LAST = ["Doyle", "Patel", "Ward", "Evans", "Connolly", "Barker", "Shah", "Hughes", "Walsh", "Okafor", "Khan", "Bell", "Morris", "Byrne", "Jukes"];
const WEAK_OWNERS = ["TBC", "Road Safety Team", "Head of Highways", "Ruth Connolly / Tom Barker", ""];
const MONTH_ENDS = ["2024-04-30", "2024-05-31", "2024-06-30", "2024-07-31", "2024-08-31", "2024-09-30", "2024-10-31", "2024-11-30", "2024-12-31", "2025-01-31", "2025-02-28", "2025-03-31"];

/** The n-th officer of the council: distinct names ("Kevin Doyle", "Kevin Doyle-Patel"...). */
const officer = (n: number) => `${FIRST[n % 15]} ${LAST[Math.floor(n / 15) % 15]}${n >= 225 ? `-${LAST[Math.floor(n / 225) % 15]}${n >= 3375 ? n : ""}` : ""}`;

const letters = (cols: { key: string }[]) => Object.fromEntries(cols.map((c, i) => [c.key, String.fromCharCode(65 + (i % 26))]));

export function benchPlan(n: number): Plan {
  const actionCols = letters(ACTION_COLUMNS);
  const measureCols = letters(MEASURE_COLUMNS);
  const registerCols = letters(REGISTER_COLUMNS);
  const parents = Math.max(1, Math.round(n / 10));
  const register: Located<RegisterEntry>[] = Array.from({ length: parents }, (_, i) => ({
    id: `DSP-${i + 1}`,
    title: `Parent action ${i + 1}`,
    tier: "Directorate",
    leadOfficer: officer(i),
    source: { sheet: "Register", row: 2 + i, columns: registerCols },
  }));
  const actions: Located<Action>[] = Array.from({ length: n }, (_, i) => {
    const weak = i % 5 === 0;
    return {
      ...actionSchema.parse({
        id: `OSP-${i + 1}`,
        // Every wording differs, as in a real plan, so nothing is read once and reused.
        action: weak ? `${WEAK_WORDING[(i / 5) % WEAK_WORDING.length]} ${i}` : `${GOOD_WORDING[i % GOOD_WORDING.length]} at site ${i}`,
        // Sefton asks every action for its intended outcome; the weak ones leave it out.
        intendedOutcome: weak ? "" : OUTCOMES[i % OUTCOMES.length],
        parentLink: i % 97 === 0 ? "" : i % 89 === 0 ? "DSP-X" : `DSP-${(i % parents) + 1}`,
        measureOfSuccess: weak ? "" : `${(i % 90) + 1} completed`,
        linkedMeasures: i % 7 === 0 ? `PI-${(i % (n / 4)) + 1}` : "",
        // About ten actions per officer, so a few officers are overloaded in a quarter.
        leadOfficer: weak && i % 3 === 0 ? WEAK_OWNERS[i % WEAK_OWNERS.length] : officer(i % Math.max(1, Math.round(n / 10))),
        startDate: i % 11 === 0 ? "2024-07-01" : "2024-04-01",
        dueDate: i % 61 === 0 ? null : MONTH_ENDS[i % 12],
        dueDateText: i % 61 === 0 ? "Ongoing" : "",
      }),
      source: { sheet: "Actions", row: 5 + i, columns: actionCols },
    };
  });
  const measures: Located<Measure>[] = Array.from({ length: Math.round(n / 4) }, (_, i) => ({
    ...measureSchema.parse({
      id: `PI-${i + 1}`,
      name: `Measure ${i + 1}`,
      type: i % 5 === 0 ? "Contextual Indicator" : "Performance Indicator",
      polarity: i % 9 === 0 ? null : "High",
      baseline: i % 4 === 0 ? null : 50,
      // Contextual indicators carry no target, bar the odd one set by mistake.
      annualTarget: i % 6 === 0 || (i % 5 === 0 && i % 25 !== 0) ? null : 60,
      frequency: i % 8 === 0 ? null : "Quarterly",
      dataSource: i % 3 === 0 ? "" : "Liquidlogic",
      accountableOfficer: i % 10 === 0 ? "" : "Sam Hughes",
    }),
    source: { sheet: "Measures", row: 5 + i, columns: measureCols },
  }));
  return {
    details: planDetailsSchema.parse({
      formatVersion: 1,
      planId: "OSP-BENCH",
      tier: "Operational",
      council: "Bench",
      planYear: "2024/25",
    }),
    actions,
    measures,
    updates: [],
    register,
  };
}

const BENCH_FRAMEWORK: Framework = frameworkSchema.parse({ council: "Bench", planYear: "2024/25", priorities: [{ id: "CP1", title: "Priority" }] });

const WARM_UPS = 3;
const RUNS = 15;
const round1 = (n: number) => Math.round(n * 10) / 10;

export async function bench(): Promise<BenchRow[]> {
  const big = benchPlan(20_000);
  const small = benchPlan(2_000);
  const pane = benchPlan(200);
  // Settings compile once per framework; the budget is for the check itself.
  const settings = settingsFromFramework(BENCH_FRAMEWORK);
  let findings = 0;
  const check = (plan: Plan) => checkPlan({ plan, framework: BENCH_FRAMEWORK, settings }).length;
  // Warm-up runs so the JIT does not count; then the two sizes alternate, so a burst of load on a shared
  // machine hits both alike. The best run is the check's own cost; the median shows how noisy the machine was.
  for (let i = 0; i < WARM_UPS; i++) {
    findings = check(big);
    check(small);
  }
  const bigRuns: number[] = [];
  const smallRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    bigRuns.push(timed(() => check(big)));
    smallRuns.push(timed(() => check(small)));
  }
  // The pane's check of one service's plan: 200 actions, and again with the framework's settings compiled
  // afresh each time (a new word each run defeats the compile cache), as the first check of a session does.
  const paneRuns: number[] = [];
  const paneColdRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    paneRuns.push(timed(() => check(pane)));
    paneColdRuns.push(timed(() => checkPlan({ plan: pane, framework: BENCH_FRAMEWORK, settings: compileSettings(checkSettingsSchema.parse({ verbs: [`benchverb${i}`] })) })));
  }
  const paneMs = Math.min(...paneRuns);
  const paneColdMs = Math.min(...paneColdRuns);
  const load = os.loadavg()[0];
  const bigMs = Math.min(...bigRuns);
  const smallMs = Math.min(...smallRuns);
  // Each big run against the small run beside it, so a slow spell on the machine cancels out of the ratio.
  const ratio = median(bigRuns.map((ms, i) => ms / smallRuns[i]));
  return [
    { area: "rules", measure: `check a 200-action plan in the pane (best of ${RUNS})`, value: round1(paneMs), unit: "ms", budget: 100, ok: paneMs <= 100 },
    { area: "rules", measure: "  the same with the framework's settings compiled afresh (a session's first check)", value: round1(paneColdMs), unit: "ms", budget: 100, ok: paneColdMs <= 100 },
    { area: "rules", measure: `check 20,000 actions + 5,000 measures, 2,000-action register (best of ${RUNS})`, value: round1(bigMs), unit: "ms", budget: 100, ok: bigMs <= 100 },
    { area: "rules", measure: `  median of those ${RUNS} runs`, value: round1(median(bigRuns)), unit: "ms" },
    { area: "rules", measure: "findings in that check", value: findings, unit: "findings" },
    { area: "rules", measure: `check 2,000 actions + 500 measures, 200-action register (best of ${RUNS})`, value: round1(smallMs), unit: "ms" },
    // Linear growth: ten times the rows should take about ten times as long (allow up to 15x).
    { area: "rules", measure: "time ratio 20,000 vs 2,000 actions (linear = 10; median of paired runs)", value: round1(ratio), unit: "x", budget: 15, ok: ratio <= 15 },
    // Other work on the machine slows every figure above (this bench itself adds about 1): a load well above 1
    // on a small machine means the figures are pessimistic; re-run when it is quiet.
    { area: "rules", measure: `load average while measuring (${os.cpus().length} cores)`, value: round1(load), unit: "" },
  ];
}

function timed(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
