// What the task pane shows and asks for, as plain data. services.ts fills these from the workbook and
// the domain core; the views only ever see these shapes and the PaneServices functions.
import type { RecordQuarterResult } from "../app/recordQuarter";
import type { RollForwardSummary } from "../cycle/rollForward";
import type { CellValue } from "../workbook/port";

export type WorkbookKind = "empty" | "loose" | "plan";

export interface WorkbookSummary {
  kind: WorkbookKind;
  tier?: string;
  formatVersion?: number;
  planId?: string;
  planYear?: string;
  /** Quarter the ReportingDate cell is in, e.g. "2024/25 Q2". */
  reportingPeriod?: string;
  /** Problems reading a structured plan (sheet, cell and what is wrong). */
  problems: string[];
}

export interface NewPlanRequest {
  tier: string;
  planYear: string;
  planId: string;
  directorate: string;
  service: string;
  team: string;
  owner: string;
  /** Register measure IDs or Corporate Plan priority IDs, comma-separated: the plan starts with those measures, filled in from the register. */
  fromRegister?: string;
}

/** One column of a loose sheet and the plan field it is proposed to fill (null: keep in Unmapped). */
export interface ProposedColumn {
  index: number;
  header: string;
  field: string | null;
  /** 0..1: how sure the proposal is. */
  confidence: number;
}

export interface ProposedTable {
  /** A stable key for corrections, e.g. "Sheet1!A3". */
  key: string;
  sheet: string;
  /** What the rows become. */
  target: "actions" | "measures" | "unmapped";
  headerRow: number;
  rowCount: number;
  columns: ProposedColumn[];
  /** The first few data rows as they are in the sheet. */
  preview: CellValue[][];
}

export interface FieldChoice {
  key: string;
  header: string;
}

export interface ConversionProposal {
  /** Tier of the plan being converted (the user confirms it; links are judged by it). */
  tier: string;
  tables: ProposedTable[];
  /** The fields a column can map to, by target. */
  fields: { actions: FieldChoice[]; measures: FieldChoice[] };
  /** Date cells that could not be read as dates, for the user to review before converting. */
  unparsedDates: { sheet: string; cell: string; text: string; field: string }[];
}

export interface ConversionResult {
  actions: number;
  measures: number;
  /** What was kept in the Unmapped sheet, so nothing is lost. */
  unmapped: { sheet: string; header: string; cells: number }[];
  notes: string[];
}

export type Severity = "error" | "warning" | "info";

export interface FindingView {
  ruleId: string;
  /** SMART criterion or "Golden thread". */
  criterion: string;
  severity: Severity;
  sheet: string;
  cell: string;
  actionId?: string;
  /** The column the finding is about, as its header reads ("Annual target"); absent for whole-row or plan-wide findings. */
  field?: string;
  message: string;
  hint?: string;
}

export interface CheckResult {
  findings: FindingView[];
  checkedActions: number;
  checkedAt: string;
}

// The thread map, status counts and return gaps are the use cases' own shapes.
export type { ThreadTier, ThreadNode } from "../rules/goldenThread/threadMap";
export type { GoldenThreadMap, RegisterUpdate } from "../app/goldenThread";
export type { Counts, StatusCounts } from "../app/status";
export type { MeasureTrendView } from "../app/trends";
export type { ReturnGap as QsrGap } from "../app/qsr";
import type { GoldenThreadMap } from "../app/goldenThread";
import type { StatusCounts } from "../app/status";
import type { MeasureTrendView } from "../app/trends";
import type { ReturnGap as QsrGap } from "../app/qsr";

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** A return the roll-up could not take, and where: the same rows as the roll-up's Rejects sheet. */
export interface ReturnReject {
  file: string;
  sheet: string;
  cell: string;
  reason: string;
}

export interface CollectedReturns {
  /** The roll-up workbook, ready to download. */
  file: ExportedFile;
  /** The quarter rolled up, e.g. "2024/25 Q2" ("" when no return could be read). */
  period: string;
  counts: { returns: number; actions: number; measures: number; exceptions: number; missing: number };
  rejects: ReturnReject[];
}

/** The BI team's Corporate Plan Overview Report, built in the pane from returns (and, optionally, earlier roll-ups and the register). */
export interface CorporateReportResult {
  period: string;
  /** The self-contained HTML page and the print-ready workbook, ready to download. */
  html: ExportedFile;
  workbook: ExportedFile;
  priorities: { id: string; title: string; measures: number; red: number; amber: number; green: number; exceptions: number; slipped: number }[];
  returns: number;
  draftsLeftOut: string[];
  dataQuality: number;
  rejects: ReturnReject[];
}

export interface FrameworkSummary {
  council: string;
  planYear: string;
  priorities: { id: string; title: string }[];
  tolerances: string;
  slippageMonths: number;
  source: string;
}

/** The measure register the pane offers Measure IDs from and checks plans against. */
export interface RegisterSummary {
  council: string;
  measures: number;
  /** The file it was imported from, or "the example Sefton register shipped with Golden Thread". */
  source: string;
  example: boolean;
  /** The user chose no register: Measure IDs are typed freely and Check makes no register comparison. */
  none: boolean;
  /** Why the register saved before could not be read; the example is in use instead. */
  unreadable?: string;
}

export type Progress = (done: number, total: number, step: string) => void;

/** Everything the pane can do. One implementation talks to Excel (services.ts); tests pass doubles. */
export interface PaneServices {
  detect(): Promise<WorkbookSummary>;
  createPlan(request: NewPlanRequest): Promise<void>;
  proposeConversion(): Promise<ConversionProposal>;
  convert(proposal: ConversionProposal, onProgress?: Progress): Promise<ConversionResult>;
  runCheck(): Promise<CheckResult>;
  selectCell(sheet: string, cell: string): Promise<void>;
  goldenThread(): Promise<GoldenThreadMap>;
  importParentPlan(fileName: string, bytes: ArrayBuffer): Promise<GoldenThreadMap>;
  /** Replaces this plan's Register with the imported parent plan's actions and the Corporate Plan's priorities; the map after. */
  updateRegister(parentPlanId: string): Promise<GoldenThreadMap>;
  reportingQuarters(): Promise<{ options: string[]; current: string }>;
  setReportingQuarter(period: string): Promise<void>;
  statusCounts(): Promise<StatusCounts>;
  /** Each measure's quarters so far (actual, target, RAG), for the trend chart. */
  measureTrends(): Promise<MeasureTrendView[]>;
  qsrGaps(period: string): Promise<QsrGap[]>;
  exportReturn(period: string, format: "xlsx" | "csv" | "json"): Promise<ExportedFile>;
  collectReturns(files: { name: string; bytes: ArrayBuffer }[]): Promise<CollectedReturns>;
  /** The CPOR from returns; `previous` are earlier roll-up JSON files of the year, `register` the measure register JSON. */
  corporateReport(request: { returns: { name: string; bytes: ArrayBuffer }[]; previous: { name: string; text: string }[]; register?: { name: string; text: string } }): Promise<CorporateReportResult>;
  importFramework(fileName: string, text: string): Promise<FrameworkSummary>;
  currentFramework(): Promise<FrameworkSummary>;
  /** The measure register: kept between sessions like the framework; the example Sefton register until one is imported. */
  importRegister(fileName: string, text: string): Promise<RegisterSummary>;
  currentRegister(): Promise<RegisterSummary>;
  useExampleRegister(): Promise<RegisterSummary>;
  /** No register at all, kept between sessions: for a council without one (the example is Sefton's). */
  useNoRegister(): Promise<RegisterSummary>;
  /** Appends blank rows to the plan's Actions or Measures table, formulas, dropdowns and protection kept. */
  addRows(table: "Actions" | "Measures", count: number): Promise<void>;
  /** The planning year (Year view); optional so hosts and fakes without it still build. */
  year?: YearServices;
}

/** Sign off, record the quarter and roll forward, over src/app/signOff, recordQuarter and rollForward. */
export interface YearServices {
  /** Who signed the plan off and when, or null; the periods already in the Updates table; the plan year. */
  yearState(): Promise<{ planYear: string; signedOff: { by: string; role: string; on: string } | null; recorded: string[] }>;
  /** Signs the open plan off; `on` is yyyy-mm-dd. The record line is for the BI team. */
  signOff(request: { by: string; role: string; on: string }): Promise<{ frozen: number; recordLine: string }>;
  /** Records the quarter; with replace false a period already recorded is not written (needsConfirmation). */
  recordQuarter(request: { period: string; by: string; replace: boolean }): Promise<RecordQuarterResult>;
  /** What next year's plan would hold; nothing is written. */
  previewRollForward(year: string): Promise<RollForwardSummary>;
  /** Next year's plan as an .xlsx file, and what it carried; the open workbook is only read. */
  rollForward(year: string): Promise<{ file: ExportedFile; summary: RollForwardSummary }>;
}
