// The Quarterly Service Report (QSR) return, format v1: one plan, one quarter, as the BI team collects it.
// Modelled once here: each field carries its column (header, kind, width) beside its type, so the xlsx,
// CSV and JSON files, the JSON Schema in docs/ and the collector all derive from these schemas.
import { z } from "zod";
import { isIsoDate } from "../model/dates";
import { parsePeriod, financialYearLabel } from "../model/period";
import { TIERS, MEASURE_TYPES, POLARITIES, FREQUENCIES, SELF_RAGS } from "../model/plan";
import { ACTION_STATUSES, DIRECTIONS, RAGS } from "./statusValues";

/** v2 adds the sign-off header rows, Changes to targets since sign-off and each item's earlier quarters (History); v1 returns still read. */
export const QSR_FORMAT_VERSION = 2;
export const OLDEST_QSR_FORMAT_VERSION = 1;
const RETURN_STATUSES = ["Final", "Draft"] as const;

const text = () => z.string().default("");
const isoDate = z.string().refine(isIsoDate, "not a date (yyyy-mm-dd)").meta({ format: "date", description: "yyyy-mm-dd" });
// Factories, not shared instances: a column's metadata is keyed on its schema object.
const optionalDate = () => isoDate.nullable().default(null);
const num = () => z.number().finite().nullable().default(null);
/** yyyy-mm-dd, or a UTC timestamp yyyy-mm-ddThh:mm[:ss]Z so two returns on one day can be ordered. */
const PREPARED_ON = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?Z)?$/;

// ---- How each table appears as a sheet and as CSV ----

export type ReturnColumnKind = "text" | "longText" | "number" | "percent" | "date" | "flag" | "choice";

export interface ReturnColumn {
  key: string;
  header: string;
  /** snake_case name used in CSV files. */
  csv: string;
  kind: ReturnColumnKind;
  width: number;
}

const columnMeta = new WeakMap<z.ZodType, Omit<ReturnColumn, "key" | "csv">>();

/** Declares how a return field appears as a sheet column and in CSV, beside its type (as the plan format's field()). */
function column<T extends z.ZodType>(schema: T, header: string, kind: ReturnColumnKind, width: number): T {
  columnMeta.set(schema, { header, kind, width });
  return schema;
}

/** A table's columns, in the schema's field order; a field without a column is a mistake caught at load. */
export function returnColumnsOf(schema: z.ZodObject<z.ZodRawShape>): ReturnColumn[] {
  return Object.entries(schema.shape).map(([key, field]) => {
    const meta = columnMeta.get(field as z.ZodType);
    if (!meta) throw new Error(`QSR return field "${key}" has no column (header, kind, width)`);
    return { key, csv: key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), ...meta };
  });
}

export function isPreparedOn(textValue: string): boolean {
  return PREPARED_ON.test(textValue) && isIsoDate(textValue.slice(0, 10));
}

export const returnHeaderSchema = z
  .object({
    formatVersion: z.number().int().min(OLDEST_QSR_FORMAT_VERSION).max(QSR_FORMAT_VERSION),
    council: text(),
    directorate: text(),
    service: text(),
    team: text(),
    tier: z.enum(TIERS),
    planId: z.string().trim().min(1, "the return needs the plan ID"),
    /** sha256 (hex) of the plan rows the return was built from: two returns of one plan compare by it. */
    planHash: z.string().regex(/^[0-9a-f]{64}$/, "plan hash: 64 hex digits"),
    planYear: z.string().regex(/^\d{4}\/\d{2}$/, "plan year like 2024/25"),
    period: z
      .string()
      .refine(isPeriodLabel, 'a reporting period like "2024/25 Q2"')
      .meta({ pattern: "^\\d{4}/\\d{2} Q[1-4]$", description: "UK financial-year quarter, e.g. 2024/25 Q2 (Q1 = April-June)" }),
    reportingDate: isoDate,
    preparedBy: z.string().trim().min(1, "who prepared the return"),
    preparedOn: z
      .string()
      .refine(isPreparedOn, "prepared on: yyyy-mm-dd or yyyy-mm-ddThh:mm:ssZ")
      .meta({ pattern: PREPARED_ON.source, description: "yyyy-mm-dd or a UTC time yyyy-mm-ddThh:mm[:ss]Z; the latest return for a plan and period wins" }),
    status: z.enum(RETURN_STATUSES),
    // v2: the plan's sign-off (blank when not signed off). The fingerprint is of the signed-off values as they stand (agreed
    // changes taken back): collect --signoffs flags a return whose fingerprint is not the BI team's record.
    signedOffBy: text(),
    signedOffOn: z.union([isoDate, z.literal("")]).default(""),
    signOffFingerprint: z
      .string()
      .regex(/^([0-9a-f]{64})?$/, "sign-off fingerprint: 64 hex digits or blank")
      .default(""),
  })
  .refine((h) => !isPeriodLabel(h.period) || financialYearLabel(parsePeriod(h.period).startYear) === h.planYear, {
    message: "the period is not in the plan year",
    path: ["period"],
  });

function isPeriodLabel(value: string): boolean {
  try {
    parsePeriod(value);
    return /^\d{4}\/\d{2} Q[1-4]$/.test(value);
  } catch {
    return false;
  }
}

export const returnActionSchema = z.object({
  id: column(z.string().trim().min(1, "an action needs an ID"), "Action ID", "text", 14),
  action: column(text(), "Action", "longText", 44),
  parentLink: column(text(), "Link to parent plan", "text", 14),
  corporatePriority: column(text(), "Corporate Plan priority", "text", 12),
  leadOfficer: column(text(), "Lead officer", "text", 18),
  dueDate: column(optionalDate(), "Due date", "date", 11),
  revisedDueDate: column(optionalDate(), "Revised due date", "date", 11),
  completedDate: column(optionalDate(), "Completed date", "date", 11),
  percentComplete: column(z.number().min(0).max(100).nullable().default(null), "% complete", "percent", 9),
  selfAssessedRag: column(z.enum(SELF_RAGS).nullable().default(null), "Self-assessed RAG", "choice", 10),
  status: column(z.enum(ACTION_STATUSES), "Action status", "choice", 18),
  progress: column(text(), "Progress narrative", "longText", 40),
  slippageReason: column(text(), "Reason for slippage", "longText", 28),
  correctiveAction: column(text(), "Corrective action", "longText", 28),
  recoveryDate: column(optionalDate(), "Recovery date", "date", 11),
  exception: column(z.boolean().default(false), "Exception", "flag", 10),
  sourceCell: column(text(), "Plan cell", "text", 12),
});

export const returnMeasureSchema = z.object({
  id: column(z.string().trim().min(1, "a measure needs an ID"), "Measure ID", "text", 12),
  name: column(text(), "Measure", "longText", 40),
  type: column(z.enum(MEASURE_TYPES), "Type", "choice", 16),
  keyMeasure: column(z.boolean().default(false), "Key measure", "flag", 8),
  polarity: column(z.enum(POLARITIES).nullable().default(null), "Polarity", "choice", 9),
  unit: column(text(), "Unit", "text", 8),
  frequency: column(z.enum(FREQUENCIES).nullable(), "Frequency", "choice", 10),
  parentLink: column(text(), "Link to parent plan", "text", 14),
  corporatePriority: column(text(), "Corporate Plan priority", "text", 12),
  accountableOfficer: column(text(), "Accountable officer", "text", 18),
  baseline: column(num(), "Baseline", "number", 10),
  annualTarget: column(num(), "Annual target", "number", 10),
  target: column(num(), "Target this quarter", "number", 10),
  actual: column(num(), "Actual this quarter", "number", 10),
  /** What direction of travel compares with: the previous quarter (Q2, Q3) or the baseline (Q1, Q4). */
  comparedWith: column(num(), "Compared with", "number", 10),
  rag: column(z.enum(RAGS), "RAG", "choice", 10),
  previousRag: column(z.enum(RAGS).nullable().default(null), "RAG previous quarter", "choice", 10),
  direction: column(z.enum(DIRECTIONS), "Direction of travel", "choice", 14),
  provisional: column(z.boolean().default(false), "Provisional", "flag", 10),
  comments: column(text(), "Comments", "longText", 28),
  redReason: column(text(), "Reason if Red", "longText", 28),
  correctiveAction: column(text(), "Corrective action", "longText", 28),
  recoveryDate: column(optionalDate(), "Recovery date", "date", 11),
  exception: column(z.boolean().default(false), "Exception", "flag", 10),
  sourceCell: column(text(), "Plan cell", "text", 12),
});

const EXCEPTION_ITEM_TYPES = ["Action", "Measure"] as const;

/** The first two columns of the exception, target-change and history tables: which item a row is about. */
const itemColumns = {
  itemType: column(z.enum(EXCEPTION_ITEM_TYPES), "Action or measure", "choice", 10),
  id: column(z.string().trim().min(1), "ID", "text", 14),
};

export const returnExceptionSchema = z.object({
  ...itemColumns,
  rule: column(z.string().min(1), "Why it is an exception", "longText", 36),
  status: column(z.string().min(1), "Status", "choice", 18),
  reason: column(text(), "Reason", "longText", 32),
  correctiveAction: column(text(), "Corrective action", "longText", 32),
  recoveryDate: column(optionalDate(), "Recovery date", "date", 11),
  /** What is still missing, e.g. "reason for slippage; recovery date"; blank when complete. */
  missing: column(text(), "Still missing", "longText", 28),
  sourceCell: column(text(), "Plan cell", "text", 12),
});

/** v2: a change to a signed-off value agreed since sign-off (who, when, why). */
export const returnTargetChangeSchema = z.object({
  ...itemColumns,
  field: column(z.string().min(1), "What changed", "text", 16),
  was: column(text(), "Signed-off value", "text", 14),
  now: column(text(), "Agreed value", "text", 14),
  agreedBy: column(text(), "Agreed by", "text", 22),
  agreedOn: column(optionalDate(), "Agreed on", "date", 11),
  reason: column(text(), "Reason", "longText", 40),
});

/** v2: an item's recorded position in an earlier quarter of the year (from the plan's Updates table). */
export const returnHistorySchema = z.object({
  ...itemColumns,
  period: column(z.string().min(1), "Period", "text", 12),
  status: column(text(), "Status", "text", 30),
  percentComplete: column(z.number().min(0).max(100).nullable().default(null), "% complete", "percent", 9),
  selfAssessedRag: column(z.enum(SELF_RAGS).nullable().default(null), "Self-assessed RAG", "choice", 10),
  target: column(num(), "Target", "number", 10),
  actual: column(num(), "Actual", "number", 10),
  direction: column(text(), "Direction of travel", "text", 14),
  narrative: column(text(), "Narrative", "longText", 40),
  updatedBy: column(text(), "Updated by", "text", 18),
  updatedOn: column(optionalDate(), "Updated on", "date", 11),
});

export const qsrReturnSchema = z.object({
  header: returnHeaderSchema,
  actions: z.array(returnActionSchema),
  measures: z.array(returnMeasureSchema),
  exceptions: z.array(returnExceptionSchema),
  targetChanges: z.array(returnTargetChangeSchema).default([]),
  history: z.array(returnHistorySchema).default([]),
});

type ReturnHeader = z.infer<typeof returnHeaderSchema>;
export type ReturnAction = z.infer<typeof returnActionSchema>;
export type ReturnMeasure = z.infer<typeof returnMeasureSchema>;
export type ReturnException = z.infer<typeof returnExceptionSchema>;
export type ReturnTargetChange = z.infer<typeof returnTargetChangeSchema>;
export type ReturnHistory = z.infer<typeof returnHistorySchema>;
export type QsrReturn = z.infer<typeof qsrReturnSchema>;

export const RETURN_ACTION_COLUMNS: ReturnColumn[] = returnColumnsOf(returnActionSchema);

export const RETURN_MEASURE_COLUMNS: ReturnColumn[] = returnColumnsOf(returnMeasureSchema);

export const RETURN_EXCEPTION_COLUMNS: ReturnColumn[] = returnColumnsOf(returnExceptionSchema);

export const RETURN_TARGET_CHANGE_COLUMNS: ReturnColumn[] = returnColumnsOf(returnTargetChangeSchema);

export const RETURN_HISTORY_COLUMNS: ReturnColumn[] = returnColumnsOf(returnHistorySchema);

/** Labels of the Return sheet (column A) and header fields, in the order shown; optional rows may be absent (older formats). */
export const RETURN_HEADER_FIELDS: { key: keyof ReturnHeader; label: string; csv: string; optional?: boolean }[] = [
  { key: "formatVersion", label: "Format version", csv: "format_version" },
  { key: "council", label: "Council", csv: "council" },
  { key: "directorate", label: "Directorate", csv: "directorate" },
  { key: "service", label: "Service", csv: "service" },
  { key: "team", label: "Team", csv: "team" },
  { key: "tier", label: "Tier", csv: "tier" },
  { key: "planId", label: "Plan ID", csv: "plan_id" },
  { key: "planHash", label: "Plan content hash", csv: "plan_hash" },
  { key: "planYear", label: "Plan year", csv: "plan_year" },
  { key: "period", label: "Period", csv: "period" },
  { key: "reportingDate", label: "Reporting date", csv: "reporting_date" },
  { key: "preparedBy", label: "Prepared by", csv: "prepared_by" },
  { key: "preparedOn", label: "Prepared on", csv: "prepared_on" },
  { key: "status", label: "Status", csv: "status" },
  { key: "signedOffBy", label: "Signed off by", csv: "signed_off_by", optional: true },
  { key: "signedOffOn", label: "Signed off on", csv: "signed_off_on", optional: true },
  { key: "signOffFingerprint", label: "Sign-off fingerprint", csv: "sign_off_fingerprint", optional: true },
];

/** Sheet names of the return workbook (and CSV file stems). */
export const RETURN_SHEETS = { header: "Return", actions: "Actions", measures: "Measures", exceptions: "Exceptions", targetChanges: "Changes to targets", history: "Earlier quarters" } as const;
