// Sample plans for the workbook tests: hand-picked rows that reach every status and its edges, plus
// seeded random rows so the sheet formulas meet many combinations the hand-picked ones miss.
import { frameworkSchema, Framework } from "../../src/model/framework";
import { Action, actionSchema, Measure, measureSchema, PlanDetails, RegisterEntry, Update, updateSchema } from "../../src/model/plan";
import * as fs from "fs";
import * as path from "path";
import { seeded } from "../../examples/sefton/seeded";

export function seftonFramework(): Framework {
  const file = path.join(__dirname, "..", "..", "examples", "sefton-framework.json");
  return frameworkSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}

export function sampleDetails(overrides: Partial<PlanDetails> = {}): PlanDetails {
  return {
    formatVersion: 1,
    planId: "OSP-ASCO-2024",
    tier: "Operational",
    council: "Sefton Council",
    directorate: "Adult Social Care",
    service: "Adult Social Care Operations",
    team: "",
    planYear: "2024/25",
    owner: "Service Manager, Adult Social Care Operations",
    parentPlanId: "DSP-ASC-2024",
    overview: "Adult Social Care Operations supports adults with care needs & their carers.\nSecond line of the overview.",
    whereAreWeNow: "Demand for home care continues to rise.",
    whereDoWeNeedToBe: "More people supported at home.",
    keyAchievements: "New quality assurance framework.",
    challengesAndRisks: "Workforce supply; budget.",
    ...overrides,
  };
}

const act = (a: Partial<Action> & { id: string }): Action => actionSchema.parse({ action: `Deliver ${a.id}`, leadOfficer: "Sam Hughes", parentLink: "DSP-ASC-01", ...a });
const kpi = (m: Partial<Measure> & { id: string }): Measure => measureSchema.parse({ name: `Measure ${m.id}`, polarity: "High", ...m });

/** Actions reaching every action status at a reporting date of 30/09/2024 (Q2), with the edges. */
export function handPickedActions(): Action[] {
  return [
    act({ id: "A-VIABLE", noLongerViable: true, dueDate: "2024-05-31" }),
    act({ id: "A-DELIVERED", completedDate: "2024-09-01", dueDate: "2024-09-30", percentComplete: 100, selfAssessedRag: "Green" }),
    act({ id: "A-DONE-ON-DAY", completedDate: "2024-09-30", dueDate: "2024-06-30" }),
    act({ id: "A-DONE-LATER", completedDate: "2024-10-15", dueDate: "2024-12-31" }),
    act({ id: "A-FUTURE", startDate: "2025-01-01", dueDate: "2025-03-31" }),
    act({ id: "A-STARTS-OCT", startDate: "2024-10-01", dueDate: "2025-03-31" }),
    act({ id: "A-STARTS-QEND", startDate: "2024-09-30", dueDate: "2025-03-31" }),
    act({ id: "A-NO-DUE", dueDateText: "Ongoing" }),
    act({ id: "A-SLIP-MORE", dueDate: "2024-05-31", progress: 'Delayed by the NHS, "awaiting" sign-off' }),
    act({ id: "A-SLIP-EDGE", dueDate: "2024-06-30" }),
    act({ id: "A-SLIP-LESS", dueDate: "2024-08-15" }),
    act({ id: "A-SLIP-JUST-UNDER", dueDate: "2024-07-01" }),
    act({ id: "A-REVISED-MORE", dueDate: "2024-06-30", revisedDueDate: "2024-12-31" }),
    act({ id: "A-REVISED-LESS", dueDate: "2024-09-30", revisedDueDate: "2024-11-30" }),
    act({ id: "A-ON-TARGET", dueDate: "2025-03-31", percentComplete: 40 }),
    act({ id: "A-DUE-TODAY", dueDate: "2024-09-30" }),
  ];
}

/** Measures reaching every RAG and direction of travel in Q2, with tolerance edges. */
export function handPickedMeasures(): Measure[] {
  return [
    kpi({ id: "M-GREEN", baseline: 50, annualTarget: 60, q1Actual: 55, q2Actual: 61 }),
    kpi({ id: "M-AMBER", baseline: 50, annualTarget: 100, q1Actual: 97, q2Actual: 96 }),
    kpi({ id: "M-AMBER-EDGE", annualTarget: 100, q1Actual: 90, q2Actual: 95 }),
    kpi({ id: "M-RED", annualTarget: 100, q1Actual: 96, q2Actual: 94.9 }),
    kpi({ id: "M-LOW-GREEN", polarity: "Low", baseline: 20, annualTarget: 15, q1Actual: 18, q2Actual: 14 }),
    kpi({ id: "M-LOW-RED", polarity: "Low", annualTarget: 15, q1Actual: 14, q2Actual: 30 }),
    kpi({ id: "M-TARGET", polarity: "Target", unit: "%", annualTarget: 100, q1Actual: 97, q2Actual: 103 }),
    kpi({ id: "M-TARGET-RED", polarity: "Target", annualTarget: 100, q1Actual: 100, q2Actual: 89 }),
    kpi({ id: "M-TRAJECTORY", annualTarget: 100, q2Target: 50, q1Actual: 40, q2Actual: 50 }),
    kpi({ id: "M-OVERRIDE", annualTarget: 100, q1Actual: 80, q2Actual: 91, greenWithin: 10, amberWithin: 20 }),
    kpi({ id: "M-MAINTAINED", annualTarget: 100, q1Actual: 70, q2Actual: 70 }),
    kpi({ id: "M-NO-ACTUAL", annualTarget: 100, q1Actual: 70 }),
    kpi({ id: "M-NO-TARGET", q1Actual: 70, q2Actual: 75 }),
    kpi({ id: "M-NO-POLARITY", polarity: null, annualTarget: 10, q1Actual: 5, q2Actual: 6 }),
    kpi({ id: "M-ANNUAL", frequency: "Annual", annualTarget: 10, q4Actual: 12 }),
    kpi({ id: "M-CONTEXT", type: "Contextual Indicator", q1Actual: 3, q2Actual: 4 }),
    kpi({ id: "M-ZERO-TARGET", polarity: "Low", annualTarget: 0, q1Actual: 0, q2Actual: 0 }),
    kpi({ id: "M-ZERO-MISS", polarity: "Low", annualTarget: 0, q1Actual: 0, q2Actual: 1 }),
    kpi({ id: "M-FLOAT", annualTarget: 0.3, q1Actual: 0.1, q2Actual: 0.1 + 0.2, keyMeasure: true, provisional: true }),
    kpi({ id: "M-NEGATIVE", polarity: "Target", annualTarget: -5, q1Actual: -5.2, q2Actual: -5.3 }),
  ];
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const maybe = <T>(random: () => number, p: number, value: () => T): T | null => (random() < p ? value() : null);
const dateIn = (random: () => number, from: number, days: number) => {
  const d = new Date(Date.UTC(2024, 0, 1) + (from + Math.floor(random() * days)) * 86_400_000);
  return d.toISOString().slice(0, 10);
};

export function randomActions(count: number, seed: number): Action[] {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) =>
    act({
      id: `R-ACT-${String(i + 1).padStart(3, "0")}`,
      noLongerViable: random() < 0.05,
      startDate: maybe(random, 0.7, () => dateIn(random, 0, 500)),
      dueDate: maybe(random, 0.9, () => dateIn(random, 60, 500)),
      revisedDueDate: maybe(random, 0.3, () => dateIn(random, 120, 500)),
      completedDate: maybe(random, 0.25, () => dateIn(random, 90, 400)),
      percentComplete: maybe(random, 0.6, () => Math.floor(random() * 101)),
    }),
  );
}

export function randomMeasures(count: number, seed: number): Measure[] {
  const random = seeded(seed);
  const n = () => Math.round((random() * 200 - 20) * 10) / 10;
  return Array.from({ length: count }, (_, i) => {
    const target = maybe(random, 0.85, n);
    const near = () => (target === null ? n() : Math.round(target * (0.85 + random() * 0.3) * 100) / 100);
    return kpi({
      id: `R-KPI-${String(i + 1).padStart(3, "0")}`,
      type: pick(random, ["Key Result", "Performance Indicator", "Performance Indicator", "Contextual Indicator"] as const),
      polarity: random() < 0.08 ? null : pick(random, ["High", "Low", "Target"] as const),
      frequency: pick(random, ["Quarterly", "Quarterly", "Monthly", "Annual"] as const),
      baseline: maybe(random, 0.8, near),
      annualTarget: target,
      q1Target: maybe(random, 0.3, near),
      q2Target: maybe(random, 0.3, near),
      q3Target: maybe(random, 0.3, near),
      q4Target: maybe(random, 0.3, near),
      q1Actual: maybe(random, 0.9, near),
      q2Actual: maybe(random, 0.85, near),
      q3Actual: maybe(random, 0.8, near),
      q4Actual: maybe(random, 0.75, near),
      greenWithin: maybe(random, 0.15, () => Math.round(random() * 5)),
      amberWithin: maybe(random, 0.15, () => 5 + Math.round(random() * 10)),
    });
  });
}

export function sampleUpdates(): Update[] {
  return [
    updateSchema.parse({ period: "2024/25 Q1", itemId: "A-ON-TARGET", status: "On target", percentComplete: 20, narrative: "Project board set up.", updatedBy: "Sam Hughes", updatedOn: "2024-07-05" }),
    updateSchema.parse({ period: "2024/25 Q1", itemId: "M-GREEN", status: "Green", value: 55, updatedOn: "2024-07-08" }),
  ];
}

export function sampleRegister(): RegisterEntry[] {
  return [
    { id: "DSP-ASC-01", title: "Expand reablement to 7-day working", tier: "Directorate", leadOfficer: "Jane Morris" },
    { id: "DSP-ASC-02", title: "Implement the quality assurance framework", tier: "Directorate", leadOfficer: "Daniel Okafor" },
  ];
}
