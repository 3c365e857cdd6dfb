// Builders for plans as readPlan would return them: zod-parsed rows carrying their sheet, row and columns.
import {
  ACTION_COLUMNS,
  Action,
  actionSchema,
  Located,
  MEASURE_COLUMNS,
  Measure,
  measureSchema,
  Plan,
  PlanDetails,
  REGISTER_COLUMNS,
  RegisterEntry,
  registerEntrySchema,
  RowSource,
  Tier,
} from "../../src/model/plan";
import { Framework, frameworkSchema } from "../../src/model/framework";
import * as fs from "fs";
import * as path from "path";

const letter = (i: number) => String.fromCharCode(65 + i);
const columnsFor = (cols: { key: string }[]) => Object.fromEntries(cols.map((c, i) => [c.key, letter(i)]));
const ACTION_LETTERS = columnsFor(ACTION_COLUMNS);
const MEASURE_LETTERS = columnsFor(MEASURE_COLUMNS);
const REGISTER_LETTERS = columnsFor(REGISTER_COLUMNS);

const FIRST_ROW = 5;

export function source(sheet: string, row: number, columns: Record<string, string>, file?: string): RowSource {
  return { sheet, row, columns, ...(file ? { file } : {}) };
}

export function actions(rows: (Partial<Action> & { id: string })[], file?: string): Located<Action>[] {
  return rows.map((r, i) => ({ ...actionSchema.parse(r), source: source("Actions", FIRST_ROW + i, ACTION_LETTERS, file) }));
}

export function measures(rows: (Partial<Measure> & { id: string })[]): Located<Measure>[] {
  return rows.map((r, i) => ({ ...measureSchema.parse(r), source: source("Measures", FIRST_ROW + i, MEASURE_LETTERS) }));
}

export function register(rows: (Partial<RegisterEntry> & { id: string })[]): Located<RegisterEntry>[] {
  return rows.map((r, i) => ({ ...registerEntrySchema.parse(r), source: source("Register", 2 + i, REGISTER_LETTERS) }));
}

function details(tier: Tier, extra: Partial<PlanDetails> = {}): PlanDetails {
  return {
    formatVersion: 1,
    planId: `${tier.slice(0, 3).toUpperCase()}-TEST`,
    tier,
    council: "Sefton Council",
    directorate: "Adult Social Care",
    service: "",
    team: "",
    planYear: "2024/25",
    owner: "",
    parentPlanId: "",
    overview: "",
    whereAreWeNow: "",
    whereDoWeNeedToBe: "",
    keyAchievements: "",
    challengesAndRisks: "",
    ...extra,
  };
}

export function plan(tier: Tier, parts: Partial<Omit<Plan, "details">> & { details?: Partial<PlanDetails> } = {}): Plan {
  return { details: details(tier, parts.details), actions: parts.actions ?? [], measures: parts.measures ?? [], updates: parts.updates ?? [], register: parts.register ?? [] };
}

export function seftonFramework(checks: Record<string, unknown> = {}): Framework {
  const raw = JSON.parse(fs.readFileSync(path.join(__dirname, "../../examples/sefton-framework.json"), "utf8"));
  return frameworkSchema.parse({ ...raw, checks });
}

/** A good Operational action: passes every rule against DIRECTORATE_REGISTER. */
export const GOOD_ACTION: Partial<Action> & { id: string } = {
  id: "OSP-01",
  action: "Recruit six reablement officers to support 7-day working",
  intendedOutcome: "Weekend hospital discharges supported",
  parentLink: "DSP-01",
  measureOfSuccess: "6 officers in post",
  leadOfficer: "Sam Hughes",
  startDate: "2024-04-01",
  dueDate: "2024-08-31",
};

export const DIRECTORATE_REGISTER = register([
  { id: "DSP-01", title: "Expand reablement to 7-day working", tier: "Directorate", leadOfficer: "Jane Morris" },
  { id: "DSP-02", title: "Publish a workforce strategy", tier: "Directorate", leadOfficer: "Priya Shah" },
  { id: "CP2", title: "Adult Social Care", tier: "Corporate" },
]);
