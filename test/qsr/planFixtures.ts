// Plans for the QSR tests, built in code with cell positions like the plan reader gives them.
import { Action, Located, Measure, Plan, PlanDetails, Update, actionSchema, measureSchema, updateSchema, ACTION_COLUMNS, MEASURE_COLUMNS, UPDATE_COLUMNS } from "../../src/model/plan";
import { columnLetter } from "../../src/workbook/a1";
import { ReturnSettings } from "../../src/qsr/rowStatuses";

const columnsFor = (cols: { key: string }[]) => Object.fromEntries(cols.map((c, i) => [c.key, columnLetter(i + 1)]));

export function located<T>(sheet: string, cols: { key: string }[], rows: T[], firstRow = 2): Located<T>[] {
  const columns = columnsFor(cols);
  return rows.map((r, i) => ({ ...r, source: { sheet, row: firstRow + i, columns } }));
}

export const action = (a: Partial<Action> & Pick<Action, "id">): Action =>
  actionSchema.parse({ action: "Deliver the thing", parentLink: "CP2", leadOfficer: "Jane Morris", startDate: "2024-04-01", dueDate: "2025-03-31", ...a });

export const measure = (m: Partial<Measure> & Pick<Measure, "id">): Measure =>
  measureSchema.parse({
    name: "Percentage of things done",
    type: "Performance Indicator",
    polarity: "High",
    unit: "%",
    frequency: "Quarterly",
    parentLink: "CP2",
    annualTarget: 80,
    baseline: 75,
    ...m,
  });

export const update = (u: Partial<Update> & Pick<Update, "period" | "itemId">): Update => updateSchema.parse(u);

export function details(extra: Partial<PlanDetails> = {}): PlanDetails {
  return {
    formatVersion: 1,
    planId: "DSP-ASC-2024",
    tier: "Directorate",
    council: "Sefton Council",
    directorate: "Adult Social Care",
    service: "",
    team: "",
    planYear: "2024/25",
    owner: "Assistant Director",
    parentPlanId: "",
    overview: "",
    whereAreWeNow: "",
    whereDoWeNeedToBe: "",
    keyAchievements: "",
    challengesAndRisks: "",
    ...extra,
  };
}

export function plan(parts: { details?: Partial<PlanDetails>; actions?: Action[]; measures?: Measure[]; updates?: Update[] }): Plan {
  return {
    details: details(parts.details),
    actions: located("Actions", ACTION_COLUMNS, parts.actions ?? []),
    measures: located("Measures", MEASURE_COLUMNS, parts.measures ?? []),
    updates: located("Updates", UPDATE_COLUMNS, parts.updates ?? []),
    register: located(
      "Register",
      [{ key: "id" }],
      ["CP1", "CP2", "CP3", "CP4", "CP5", "CP6"].map((id) => ({ id, title: `Priority ${id}`, tier: "Corporate", leadOfficer: "" })),
    ),
  };
}

export const SETTINGS: ReturnSettings = { tolerances: { greenWithin: 0, amberWithin: 5 }, slippageMonths: 3 };

/** A realistic plan: n actions and m measures with a spread of statuses, every exception explained. */
export function realisticPlan(planId: string, directorate: string, nActions: number, nMeasures: number, seed = 1): Plan {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const actions: Action[] = [];
  for (let i = 0; i < nActions; i++) {
    const slipped = rnd() < 0.2;
    actions.push(
      action({
        id: `${planId}-A${String(i + 1).padStart(2, "0")}`,
        action: `Deliver improvement ${i + 1}, including "quoted" words, commas, and a line\nbreak`,
        parentLink: ["CP1", "CP2", "CP3", "CP4"][i % 4],
        dueDate: slipped ? "2024-05-31" : "2025-03-31",
        revisedDueDate: slipped ? "2024-12-31" : null,
        percentComplete: Math.round(rnd() * 100),
        selfAssessedRag: (["Green", "Amber", "Red"] as const)[i % 3],
        progress: `Progress note ${i + 1}: on track with partners.`,
        slippageReason: slipped ? "Consultation extended" : "",
        correctiveAction: slipped ? "Extra staff assigned" : "",
        recoveryDate: slipped ? "2024-12-31" : null,
      }),
    );
  }
  const measures: Measure[] = [];
  for (let i = 0; i < nMeasures; i++) {
    const target = 50 + Math.round(rnd() * 40);
    measures.push(
      measure({
        id: `${planId}-M${String(i + 1).padStart(2, "0")}`,
        name: `Measure ${i + 1} of ${directorate}`,
        keyMeasure: i % 3 === 0,
        polarity: i % 5 === 0 ? "Low" : "High",
        annualTarget: target,
        baseline: target - 2,
        q1Actual: target + Math.round((rnd() - 0.6) * 10),
        q2Actual: target + Math.round((rnd() - 0.6) * 10),
        redReason: "Demand rose faster than forecast",
        correctiveAction: "Recovery plan agreed",
        recoveryDate: "2025-03-31",
      }),
    );
  }
  return plan({ details: { planId, directorate }, actions, measures });
}
