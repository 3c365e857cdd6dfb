// The Quarterly Service Report (QSR) return, format v1: one plan, one quarter, as the BI team collects it.
// Modelled once here; the xlsx, CSV and JSON files, the JSON Schema in docs/ and the collector all
// derive from these schemas and column lists.
import { z } from "zod";
import { isIsoDate } from "../model/dates";
import { parsePeriod, financialYearLabel } from "../model/period";
import { TIERS, MEASURE_TYPES, POLARITIES, FREQUENCIES, SELF_RAGS } from "../model/plan";
import { ACTION_STATUSES, DIRECTIONS, RAGS } from "./statusValues";

/** v2 adds the sign-off header rows, Changes to targets since sign-off and each item's earlier quarters (History); v1 returns still read. */
export const QSR_FORMAT_VERSION = 2;
export const OLDEST_QSR_FORMAT_VERSION = 1;
export const RETURN_STATUSES = ["Final", "Draft"] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

const text = () => z.string().default("");
const isoDate = z.string().refine(isIsoDate, "not a date (yyyy-mm-dd)").meta({ format: "date", description: "yyyy-mm-dd" });
const optionalDate = isoDate.nullable().default(null);
const num = z.number().finite().nullable().default(null);
/** yyyy-mm-dd, or a UTC timestamp yyyy-mm-ddThh:mm[:ss]Z so two returns on one day can be ordered. */
const PREPARED_ON = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?Z)?$/;

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
    period: z.string().refine(isPeriodLabel, 'a reporting period like "2024/25 Q2"').meta({ pattern: "^\\d{4}/\\d{2} Q[1-4]$", description: "UK financial-year quarter, e.g. 2024/25 Q2 (Q1 = April-June)" }),
    reportingDate: isoDate,
    preparedBy: z.string().trim().min(1, "who prepared the return"),
    preparedOn: z.string().refine(isPreparedOn, "prepared on: yyyy-mm-dd or yyyy-mm-ddThh:mm:ssZ").meta({ pattern: PREPARED_ON.source, description: "yyyy-mm-dd or a UTC time yyyy-mm-ddThh:mm[:ss]Z; the latest return for a plan and period wins" }),
    status: z.enum(RETURN_STATUSES),
    // v2: the plan's sign-off (blank when not signed off). The fingerprint is of the signed-off values as they stand (agreed
    // changes taken back): collect --signoffs flags a return whose fingerprint is not the BI team's record.
    signedOffBy: text(),
    signedOffOn: z.union([isoDate, z.literal("")]).default(""),
    signOffFingerprint: z.string().regex(/^([0-9a-f]{64})?$/, "sign-off fingerprint: 64 hex digits or blank").default(""),
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
  id: z.string().trim().min(1, "an action needs an ID"),
  action: text(),
  parentLink: text(),
  corporatePriority: text(),
  leadOfficer: text(),
  dueDate: optionalDate,
  revisedDueDate: optionalDate,
  completedDate: optionalDate,
  percentComplete: z.number().min(0).max(100).nullable().default(null),
  selfAssessedRag: z.enum(SELF_RAGS).nullable().default(null),
  status: z.enum(ACTION_STATUSES),
  progress: text(),
  slippageReason: text(),
  correctiveAction: text(),
  recoveryDate: optionalDate,
  exception: z.boolean().default(false),
  sourceCell: text(),
});

export const returnMeasureSchema = z.object({
  id: z.string().trim().min(1, "a measure needs an ID"),
  name: text(),
  type: z.enum(MEASURE_TYPES),
  keyMeasure: z.boolean().default(false),
  polarity: z.enum(POLARITIES).nullable().default(null),
  unit: text(),
  frequency: z.enum(FREQUENCIES).nullable(),
  parentLink: text(),
  corporatePriority: text(),
  accountableOfficer: text(),
  baseline: num,
  annualTarget: num,
  target: num,
  actual: num,
  /** What direction of travel compares with: the previous quarter (Q2, Q3) or the baseline (Q1, Q4). */
  comparedWith: num,
  rag: z.enum(RAGS),
  previousRag: z.enum(RAGS).nullable().default(null),
  direction: z.enum(DIRECTIONS),
  provisional: z.boolean().default(false),
  comments: text(),
  redReason: text(),
  correctiveAction: text(),
  recoveryDate: optionalDate,
  exception: z.boolean().default(false),
  sourceCell: text(),
});

export const EXCEPTION_ITEM_TYPES = ["Action", "Measure"] as const;

export const returnExceptionSchema = z.object({
  itemType: z.enum(EXCEPTION_ITEM_TYPES),
  id: z.string().trim().min(1),
  rule: z.string().min(1),
  status: z.string().min(1),
  reason: text(),
  correctiveAction: text(),
  recoveryDate: optionalDate,
  /** What is still missing, e.g. "reason for slippage; recovery date"; blank when complete. */
  missing: text(),
  sourceCell: text(),
});

/** v2: a change to a signed-off value agreed since sign-off (who, when, why). */
export const returnTargetChangeSchema = z.object({
  itemType: z.enum(EXCEPTION_ITEM_TYPES),
  id: z.string().trim().min(1),
  field: z.string().min(1),
  was: text(),
  now: text(),
  agreedBy: text(),
  agreedOn: optionalDate,
  reason: text(),
});

/** v2: an item's recorded position in an earlier quarter of the year (from the plan's Updates table). */
export const returnHistorySchema = z.object({
  itemType: z.enum(EXCEPTION_ITEM_TYPES),
  id: z.string().trim().min(1),
  period: z.string().min(1),
  status: text(),
  percentComplete: z.number().min(0).max(100).nullable().default(null),
  selfAssessedRag: z.enum(SELF_RAGS).nullable().default(null),
  target: num,
  actual: num,
  direction: text(),
  narrative: text(),
  updatedBy: text(),
  updatedOn: optionalDate,
});

export const qsrReturnSchema = z.object({
  header: returnHeaderSchema,
  actions: z.array(returnActionSchema),
  measures: z.array(returnMeasureSchema),
  exceptions: z.array(returnExceptionSchema),
  targetChanges: z.array(returnTargetChangeSchema).default([]),
  history: z.array(returnHistorySchema).default([]),
});

export type ReturnHeader = z.infer<typeof returnHeaderSchema>;
export type ReturnAction = z.infer<typeof returnActionSchema>;
export type ReturnMeasure = z.infer<typeof returnMeasureSchema>;
export type ReturnException = z.infer<typeof returnExceptionSchema>;
export type ReturnTargetChange = z.infer<typeof returnTargetChangeSchema>;
export type ReturnHistory = z.infer<typeof returnHistorySchema>;
export type QsrReturn = z.infer<typeof qsrReturnSchema>;

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

const col = (key: string, header: string, kind: ReturnColumnKind, width: number): ReturnColumn => ({
  key,
  header,
  csv: key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
  kind,
  width,
});

export const RETURN_ACTION_COLUMNS: ReturnColumn[] = [
  col("id", "Action ID", "text", 14),
  col("action", "Action", "longText", 44),
  col("parentLink", "Link to parent plan", "text", 14),
  col("corporatePriority", "Corporate Plan priority", "text", 12),
  col("leadOfficer", "Lead officer", "text", 18),
  col("dueDate", "Due date", "date", 11),
  col("revisedDueDate", "Revised due date", "date", 11),
  col("completedDate", "Completed date", "date", 11),
  col("percentComplete", "% complete", "percent", 9),
  col("selfAssessedRag", "Self-assessed RAG", "choice", 10),
  col("status", "Action status", "choice", 18),
  col("progress", "Progress narrative", "longText", 40),
  col("slippageReason", "Reason for slippage", "longText", 28),
  col("correctiveAction", "Corrective action", "longText", 28),
  col("recoveryDate", "Recovery date", "date", 11),
  col("exception", "Exception", "flag", 10),
  col("sourceCell", "Plan cell", "text", 12),
];

export const RETURN_MEASURE_COLUMNS: ReturnColumn[] = [
  col("id", "Measure ID", "text", 12),
  col("name", "Measure", "longText", 40),
  col("type", "Type", "choice", 16),
  col("keyMeasure", "Key measure", "flag", 8),
  col("polarity", "Polarity", "choice", 9),
  col("unit", "Unit", "text", 8),
  col("frequency", "Frequency", "choice", 10),
  col("parentLink", "Link to parent plan", "text", 14),
  col("corporatePriority", "Corporate Plan priority", "text", 12),
  col("accountableOfficer", "Accountable officer", "text", 18),
  col("baseline", "Baseline", "number", 10),
  col("annualTarget", "Annual target", "number", 10),
  col("target", "Target this quarter", "number", 10),
  col("actual", "Actual this quarter", "number", 10),
  col("comparedWith", "Compared with", "number", 10),
  col("rag", "RAG", "choice", 10),
  col("previousRag", "RAG previous quarter", "choice", 10),
  col("direction", "Direction of travel", "choice", 14),
  col("provisional", "Provisional", "flag", 10),
  col("comments", "Comments", "longText", 28),
  col("redReason", "Reason if Red", "longText", 28),
  col("correctiveAction", "Corrective action", "longText", 28),
  col("recoveryDate", "Recovery date", "date", 11),
  col("exception", "Exception", "flag", 10),
  col("sourceCell", "Plan cell", "text", 12),
];

export const RETURN_EXCEPTION_COLUMNS: ReturnColumn[] = [
  col("itemType", "Action or measure", "choice", 10),
  col("id", "ID", "text", 14),
  col("rule", "Why it is an exception", "longText", 36),
  col("status", "Status", "choice", 18),
  col("reason", "Reason", "longText", 32),
  col("correctiveAction", "Corrective action", "longText", 32),
  col("recoveryDate", "Recovery date", "date", 11),
  col("missing", "Still missing", "longText", 28),
  col("sourceCell", "Plan cell", "text", 12),
];

export const RETURN_TARGET_CHANGE_COLUMNS: ReturnColumn[] = [
  col("itemType", "Action or measure", "choice", 10),
  col("id", "ID", "text", 14),
  col("field", "What changed", "text", 16),
  col("was", "Signed-off value", "text", 14),
  col("now", "Agreed value", "text", 14),
  col("agreedBy", "Agreed by", "text", 22),
  col("agreedOn", "Agreed on", "date", 11),
  col("reason", "Reason", "longText", 40),
];

export const RETURN_HISTORY_COLUMNS: ReturnColumn[] = [
  col("itemType", "Action or measure", "choice", 10),
  col("id", "ID", "text", 14),
  col("period", "Period", "text", 12),
  col("status", "Status", "text", 18),
  col("percentComplete", "% complete", "percent", 9),
  col("selfAssessedRag", "Self-assessed RAG", "choice", 10),
  col("target", "Target", "number", 10),
  col("actual", "Actual", "number", 10),
  col("direction", "Direction of travel", "text", 14),
  col("narrative", "Narrative", "longText", 40),
  col("updatedBy", "Updated by", "text", 18),
  col("updatedOn", "Updated on", "date", 11),
];

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
