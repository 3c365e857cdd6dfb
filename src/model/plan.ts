// Plan workbook format v2 (v1 files still read), modelled once. Every sheet column, CSV header and validation list is
// derived from the field metadata below (see columnsOf), so the layout never repeats the model.
import { z } from "zod";
import { isIsoDate } from "./dates";
import type { CycleRead } from "../cycle/sheet";

/** v2: the Updates table's target, self-assessed RAG and direction columns; the Sign-off and Agreed changes sheets. */
export const FORMAT_VERSION = 2;
/** The oldest format this version reads. */
const OLDEST_FORMAT_VERSION = 1;

export const TIERS = ["Directorate", "Operational", "Team"] as const;
export const POLARITIES = ["High", "Low", "Target"] as const;
export const MEASURE_TYPES = ["Key Result", "Performance Indicator", "Contextual Indicator"] as const;
export const FREQUENCIES = ["Monthly", "Quarterly", "Annual"] as const;
export const SELF_RAGS = ["Green", "Amber", "Red"] as const;
const YES_NO = ["Yes", "No"] as const;
/** The quarter an annual measure's figure is published in (its "Reported in" column). */
export const QUARTERS = ["Q1", "Q2", "Q3", "Q4"] as const;

export type Tier = (typeof TIERS)[number];
export type Polarity = (typeof POLARITIES)[number];

/** How a field appears in sheets and CSV. */
export interface FieldMeta {
  header: string;
  kind: "id" | "text" | "longText" | "date" | "number" | "percent" | "choice" | "flag";
  /** Name of the validation list on the hidden Lists sheet (choice fields). */
  list?: "Tiers" | "Polarities" | "MeasureTypes" | "Frequencies" | "SelfRags" | "YesNo" | "Quarters" | "ParentLinks";
  /** Input message: what good looks like. */
  prompt: string;
  width: number;
  required?: boolean;
}

const fieldMeta = new WeakMap<z.ZodType, FieldMeta>();
function field<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  fieldMeta.set(schema, meta);
  return schema;
}

const text = () => z.string().trim().default("");
// Factories, not shared instances: field metadata is keyed on the schema object.
const isoDate = () => z.string().refine(isIsoDate, "not a date (yyyy-mm-dd)").nullable().default(null);
const num = () => z.number().finite().nullable().default(null);

export const actionSchema = z.object({
  id: field(z.string().trim().min(1, "an action needs an ID"), { header: "Action ID", kind: "id", prompt: "A short unique reference, e.g. OSP-HOU-03.", width: 12, required: true }),
  action: field(text(), { header: "Action", kind: "longText", prompt: "Start with a verb: what will be done, by whom, to what standard.", width: 48, required: true }),
  intendedOutcome: field(text(), { header: "Intended outcome", kind: "longText", prompt: "The change residents or the service will see when this is done.", width: 36 }),
  parentLink: field(text(), {
    header: "Link to parent plan",
    kind: "choice",
    list: "ParentLinks",
    prompt: "The ID of the parent plan action or Corporate Plan priority this action serves.",
    width: 16,
    required: true,
  }),
  measureOfSuccess: field(text(), { header: "Measure of success", kind: "longText", prompt: "How you will know it worked: a number, a milestone or a linked measure.", width: 32 }),
  linkedMeasures: field(text(), { header: "Linked measures", kind: "text", prompt: "IDs of measures in this plan that evidence progress, separated by commas.", width: 14 }),
  leadOfficer: field(text(), { header: "Lead officer", kind: "text", prompt: "Name one accountable officer (not a team, not TBC).", width: 20, required: true }),
  startDate: field(isoDate(), { header: "Start date", kind: "date", prompt: "Date work starts, dd/mm/yyyy.", width: 12 }),
  dueDate: field(isoDate(), {
    header: "Due date",
    kind: "date",
    prompt: "The approved completion date, dd/mm/yyyy. Do not change it after sign-off: use Revised due date.",
    width: 12,
    required: true,
  }),
  dueDateText: field(text(), { header: "Timescale as written", kind: "text", prompt: "The timescale as it was written before conversion, kept where it was not an exact date.", width: 18 }),
  revisedDueDate: field(isoDate(), { header: "Revised due date", kind: "date", prompt: "Only if the date has moved since sign-off, dd/mm/yyyy.", width: 12 }),
  completedDate: field(isoDate(), { header: "Completed date", kind: "date", prompt: "The date the action was delivered, dd/mm/yyyy.", width: 12 }),
  noLongerViable: field(z.boolean().default(false), { header: "No longer viable", kind: "flag", list: "YesNo", prompt: "Yes only if the action has been formally stopped.", width: 10 }),
  percentComplete: field(z.number().min(0).max(100).nullable().default(null), { header: "% complete", kind: "percent", prompt: "A whole number from 0 to 100.", width: 10 }),
  selfAssessedRag: field(z.enum(SELF_RAGS).nullable().default(null), {
    header: "Self-assessed RAG",
    kind: "choice",
    list: "SelfRags",
    prompt: "Green, Amber or Red: your own view of progress this quarter.",
    width: 11,
  }),
  progress: field(text(), { header: "Progress narrative", kind: "longText", prompt: "What has been done this quarter and what happens next.", width: 40 }),
  slippageReason: field(text(), { header: "Reason for slippage", kind: "longText", prompt: "Required when the action has slipped more than 3 months: why.", width: 28 }),
  correctiveAction: field(text(), { header: "Corrective action", kind: "longText", prompt: "Required when slipped more than 3 months: what is being done to recover.", width: 28 }),
  recoveryDate: field(isoDate(), { header: "Recovery date", kind: "date", prompt: "When the action will be back on track, dd/mm/yyyy.", width: 12 }),
});

export const measureSchema = z.object({
  id: field(z.string().trim().min(1, "a measure needs an ID"), { header: "Measure ID", kind: "id", prompt: "A short unique reference, e.g. KPI-ASC-01.", width: 12, required: true }),
  name: field(text(), { header: "Measure", kind: "longText", prompt: "What is counted, in plain words.", width: 44, required: true }),
  type: field(z.enum(MEASURE_TYPES).default("Performance Indicator"), {
    header: "Type",
    kind: "choice",
    list: "MeasureTypes",
    prompt: "Key Result, Performance Indicator or Contextual Indicator.",
    width: 18,
    required: true,
  }),
  polarity: field(z.enum(POLARITIES).nullable().default(null), {
    header: "Polarity",
    kind: "choice",
    list: "Polarities",
    prompt: "What is good: High, Low, or Target (closest to target, e.g. spend = 100% of budget).",
    width: 10,
    required: true,
  }),
  unit: field(text(), { header: "Unit", kind: "text", prompt: "%, number, days, £ ...", width: 8 }),
  frequency: field(z.enum(FREQUENCIES).nullable().default(null), { header: "Frequency", kind: "choice", list: "Frequencies", prompt: "Monthly, Quarterly or Annual.", width: 11, required: true }),
  // Optional in the type and in files: plans made before these columns existed read as snapshot
  // measures rated at Q4, as they always were.
  cumulative: field(z.boolean().optional(), {
    header: "Cumulative",
    kind: "flag",
    list: "YesNo",
    prompt:
      "Yes when each quarter's figure is the running total for the year so far (e.g. council tax collected): it is compared with the same quarter last year, and a blank quarterly target is the annual target's share (a quarter of it at Q1).",
    width: 11,
  }),
  reportedIn: field(z.enum(QUARTERS).optional(), {
    header: "Reported in",
    kind: "choice",
    list: "Quarters",
    prompt: "Annual measures: the quarter the year's figure is published (blank = Q4). Type the figure in that quarter's actual; it is rated from then on, M before.",
    width: 9,
  }),
  dataSource: field(text(), { header: "Data source", kind: "text", prompt: "The system or return the figure comes from.", width: 18 }),
  accountableOfficer: field(text(), { header: "Accountable officer", kind: "text", prompt: "Name one accountable officer.", width: 20 }),
  parentLink: field(text(), { header: "Link to parent plan", kind: "choice", list: "ParentLinks", prompt: "The Corporate Plan priority or parent action this measure evidences.", width: 16 }),
  keyMeasure: field(z.boolean().default(false), { header: "Key measure", kind: "flag", list: "YesNo", prompt: "Yes for Key Performance Indicators reported to Cabinet.", width: 9 }),
  baseline: field(num(), { header: "Baseline", kind: "number", prompt: "Last year's outturn.", width: 10 }),
  annualTarget: field(num(), { header: "Annual target", kind: "number", prompt: "The year-end target, agreed at sign-off.", width: 10 }),
  q1Target: field(num(), { header: "Q1 target", kind: "number", prompt: "Trajectory: the target for April-June (blank uses the annual target).", width: 9 }),
  q2Target: field(num(), { header: "Q2 target", kind: "number", prompt: "Trajectory: the target for July-September.", width: 9 }),
  q3Target: field(num(), { header: "Q3 target", kind: "number", prompt: "Trajectory: the target for October-December.", width: 9 }),
  q4Target: field(num(), { header: "Q4 target", kind: "number", prompt: "Trajectory: the target for January-March.", width: 9 }),
  q1Actual: field(num(), { header: "Q1 actual", kind: "number", prompt: "The figure for April-June.", width: 9 }),
  q2Actual: field(num(), { header: "Q2 actual", kind: "number", prompt: "The figure for July-September.", width: 9 }),
  q3Actual: field(num(), { header: "Q3 actual", kind: "number", prompt: "The figure for October-December.", width: 9 }),
  q4Actual: field(num(), { header: "Q4 actual", kind: "number", prompt: "The figure for January-March.", width: 9 }),
  greenWithin: field(num(), { header: "Green within %", kind: "number", prompt: "Only to override the council tolerance: a miss of up to this % of target is still Green.", width: 9 }),
  amberWithin: field(num(), { header: "Amber within %", kind: "number", prompt: "Only to override the council tolerance: a miss of up to this % of target is Amber.", width: 9 }),
  provisional: field(z.boolean().default(false), { header: "Provisional", kind: "flag", list: "YesNo", prompt: "Yes if this quarter's figure may still change.", width: 10 }),
  comments: field(text(), { header: "Comments", kind: "longText", prompt: "Context for the figure.", width: 30 }),
  redReason: field(text(), {
    header: "Reason if Red",
    kind: "longText",
    prompt: "Required when a key measure is Red at Q2 or Q4, or a measure that was Red the previous quarter is reported at Q1 or Q3: why.",
    width: 28,
  }),
  correctiveAction: field(text(), { header: "Corrective action", kind: "longText", prompt: "What is being done to bring it back on track.", width: 28 }),
  recoveryDate: field(isoDate(), { header: "Recovery date", kind: "date", prompt: "When it will be back on track, dd/mm/yyyy.", width: 12 }),
});

export const updateSchema = z.object({
  period: field(z.string().trim().min(1), { header: "Period", kind: "text", prompt: "Reporting period, e.g. 2024/25 Q2.", width: 12, required: true }),
  itemId: field(z.string().trim().min(1), { header: "Action or measure ID", kind: "id", prompt: "The ID of the action or measure.", width: 14, required: true }),
  status: field(text(), { header: "Status", kind: "text", prompt: "Action status or RAG at the time.", width: 24 }),
  percentComplete: field(z.number().min(0).max(100).nullable().default(null), { header: "% complete", kind: "percent", prompt: "0 to 100.", width: 10 }),
  selfAssessedRag: field(z.enum(SELF_RAGS).nullable().default(null), {
    header: "Self-assessed RAG",
    kind: "choice",
    list: "SelfRags",
    prompt: "Actions: the lead officer's own RAG that quarter.",
    width: 11,
  }),
  target: field(num(), { header: "Target", kind: "number", prompt: "Measures: the target for the quarter.", width: 10 }),
  value: field(num(), { header: "Actual", kind: "number", prompt: "The figure reported.", width: 10 }),
  direction: field(text(), { header: "Direction of travel", kind: "text", prompt: "Measures: better, worse or the same as the figure compared with.", width: 13 }),
  narrative: field(text(), { header: "Narrative", kind: "longText", prompt: "What was reported.", width: 48 }),
  updatedBy: field(text(), { header: "Updated by", kind: "text", prompt: "Who reported it.", width: 18 }),
  updatedOn: field(isoDate(), { header: "Updated on", kind: "date", prompt: "dd/mm/yyyy.", width: 12 }),
});

/** An action of a parent plan (or a Corporate Plan priority) that this plan's actions can link to. */
export const registerEntrySchema = z.object({
  id: field(z.string().trim().min(1), { header: "ID", kind: "id", prompt: "Parent action or priority ID.", width: 14, required: true }),
  title: field(text(), { header: "Title", kind: "longText", prompt: "The parent action or priority.", width: 60 }),
  tier: field(text(), { header: "Tier", kind: "text", prompt: "Corporate, Directorate, Operational or Team.", width: 14 }),
  leadOfficer: field(text(), { header: "Lead officer", kind: "text", prompt: "Owner of the parent action.", width: 20 }),
});

export const planDetailsSchema = z.object({
  // The format the file was made in: older formats read as they are (their missing columns are blank).
  formatVersion: z.number().int().min(OLDEST_FORMAT_VERSION).max(FORMAT_VERSION),
  planId: z.string().trim().min(1),
  tier: z.enum(TIERS),
  council: text(),
  directorate: text(),
  service: text(),
  team: text(),
  planYear: z
    .string()
    .trim()
    .regex(/^\d{4}\/\d{2}$/, "plan year like 2024/25"),
  owner: text(),
  parentPlanId: text(),
  overview: text(),
  whereAreWeNow: text(),
  whereDoWeNeedToBe: text(),
  keyAchievements: text(),
  challengesAndRisks: text(),
});

/** Labels and prompts for the plan details sheet, in the order shown. */
export const PLAN_DETAILS_FIELDS: { key: keyof z.infer<typeof planDetailsSchema>; label: string; prompt: string; narrative?: boolean }[] = [
  { key: "formatVersion", label: "Format version", prompt: "Golden Thread plan format. Do not edit." },
  { key: "planId", label: "Plan ID", prompt: "A unique reference for this plan, e.g. DSP-ASC-2024." },
  { key: "tier", label: "Tier", prompt: "Directorate, Operational or Team." },
  { key: "council", label: "Council", prompt: "" },
  { key: "directorate", label: "Directorate", prompt: "" },
  { key: "service", label: "Service", prompt: "Operational and Team plans." },
  { key: "team", label: "Team", prompt: "Team plans." },
  { key: "planYear", label: "Plan year", prompt: "Financial year, e.g. 2024/25." },
  { key: "owner", label: "Plan owner", prompt: "Assistant Director, Service Manager or Team Manager." },
  { key: "parentPlanId", label: "Parent plan ID", prompt: "The plan this one delivers (blank for Directorate plans: they link to the Corporate Plan)." },
  { key: "overview", label: "Set the scene", prompt: "The service and its areas of responsibility.", narrative: true },
  { key: "whereAreWeNow", label: "Where are we now?", prompt: "How the service is meeting customer expectations and performing against its objectives and key targets.", narrative: true },
  { key: "whereDoWeNeedToBe", label: "Where do we need to be?", prompt: "The priorities and the change needed for the next 12 months.", narrative: true },
  { key: "keyAchievements", label: "Key achievements", prompt: "What went well in the last 12 months.", narrative: true },
  { key: "challengesAndRisks", label: "Challenges and risks", prompt: "Strengths and weaknesses against the demands on the service; gaps in capability.", narrative: true },
];

export type Action = z.infer<typeof actionSchema>;
export type Measure = z.infer<typeof measureSchema>;
export type Update = z.infer<typeof updateSchema>;
export type RegisterEntry = z.infer<typeof registerEntrySchema>;
export type PlanDetails = z.infer<typeof planDetailsSchema>;

/** Where a row came from, so every finding and error can name its cell. */
export interface RowSource {
  file?: string;
  sheet: string;
  /** 1-based sheet row number. */
  row: number;
  /** Column letter of each field present in the source. */
  columns: Partial<Record<string, string>>;
}

export type Located<T> = T & { source: RowSource };

export interface Plan {
  details: PlanDetails;
  actions: Located<Action>[];
  measures: Located<Measure>[];
  updates: Located<Update>[];
  register: Located<RegisterEntry>[];
  /** Sign-off and agreed changes (format v2 sheets), when read from a workbook; see src/cycle. */
  cycle?: CycleRead;
}

export function cellOf(source: RowSource, key: string): string {
  const col = source.columns[key];
  return col ? `${col}${source.row}` : `row ${source.row}`;
}

export interface Column {
  key: string;
  meta: FieldMeta;
  /** snake_case name used in CSV files. */
  csv: string;
}

/** The ordered columns of a table, derived from its zod object schema. */
function columnsOf(schema: z.ZodObject<z.ZodRawShape>): Column[] {
  return Object.entries(schema.shape).map(([key, s]) => {
    const meta = fieldMeta.get(s as z.ZodType);
    if (!meta) throw new Error(`field ${key} has no sheet metadata`);
    return { key, meta, csv: key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/(\d)_/, "$1_") };
  });
}

export const ACTION_COLUMNS = columnsOf(actionSchema);
export const MEASURE_COLUMNS = columnsOf(measureSchema);
export const UPDATE_COLUMNS = columnsOf(updateSchema);
export const REGISTER_COLUMNS = columnsOf(registerEntrySchema);

/** Lists feeding the dropdowns (the Lists sheet holds them as ranges). */
export const LISTS: Record<Exclude<FieldMeta["list"], undefined | "ParentLinks">, readonly string[]> = {
  Tiers: TIERS,
  Polarities: POLARITIES,
  MeasureTypes: MEASURE_TYPES,
  Frequencies: FREQUENCIES,
  SelfRags: SELF_RAGS,
  YesNo: YES_NO,
  Quarters: QUARTERS,
};
