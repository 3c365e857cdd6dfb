// Check a plan: the SMART and golden-thread rules over its actions and measures, and the SMART check
// column written back so the result shows in the sheet without the add-in.
import type { Plan } from "../model/plan";
import type { RegisterIndex } from "../model/measureRegister";
import { signOffFindings } from "../cycle/findings";
import { checkPlan } from "../rules/engine";
import { countFindings, FindingCounts } from "../rules/report";
import { SMART_PASS, smartSummary, smartSummaryColumn } from "../rules/smartSummary";
import type { Finding } from "../rules/types";
import { parseBox } from "../workbook/a1";
import { STATUS_COLUMNS, TABLES } from "../workbook/names";
import type { WorkbookPort, WorkbookSnapshot } from "../workbook/port";
import { openPlan } from "./plan";
import type { Session } from "./session";

export interface CheckRequest {
  plan: Plan;
  parent?: Plan;
  children?: Plan[];
  register?: RegisterIndex;
}

export interface CheckOutcome {
  findings: Finding[];
  counts: FindingCounts & { actions: number; measures: number; actionsPassing: number };
}

export function checkLoadedPlan(session: Session, request: CheckRequest): CheckOutcome {
  const findings = checkPlan({
    plan: request.plan,
    framework: session.framework,
    settings: session.checkSettings(),
    parent: request.parent,
    children: request.children,
    register: request.register,
  });
  // Values changed after sign-off without an agreed change are errors (src/cycle).
  if (request.plan.cycle) findings.push(...signOffFindings(request.plan, request.plan.cycle));
  const passing = smartSummary(findings, request.plan.actions).filter((s) => s === SMART_PASS).length;
  return {
    findings,
    counts: { ...countFindings(findings), actions: request.plan.actions.length, measures: request.plan.measures.length, actionsPassing: passing },
  };
}

/**
 * Writes the SMART check column of the Actions table: one value per table row, blank rows (added
 * with Add rows, or left empty) blank. Refused, naming the file, when the table or column is missing.
 */
export async function writeSmartColumn(port: WorkbookPort, snapshot: WorkbookSnapshot, plan: Plan, findings: readonly Finding[], fileName: string): Promise<void> {
  const table = snapshot.tables.find((t) => t.name === TABLES.actions);
  if (!table) throw new Error(`${fileName}: no table named ${TABLES.actions}`);
  if (!table.headers.includes(STATUS_COLUMNS.smartCheck)) throw new Error(`${fileName}: the ${TABLES.actions} table has no "${STATUS_COLUMNS.smartCheck}" column to write to`);
  if (table.rows.length === 0) return;
  const firstDataRow = parseBox(table.range).top + 1;
  await port.writeColumn(TABLES.actions, STATUS_COLUMNS.smartCheck, smartSummaryColumn(findings, plan.actions, firstDataRow, table.rows.length));
}

export interface CheckWorkbookRequest {
  fileName: string;
  parent?: Plan;
  children?: Plan[];
  register?: RegisterIndex;
  /** Write the SMART check column into the workbook (the pane and ribbon do; the CLI does with --write). */
  writeColumn: boolean;
}

/** Reads the plan in the workbook, checks it and (when asked) writes its SMART check column. */
export async function checkWorkbook(port: WorkbookPort, session: Session, request: CheckWorkbookRequest): Promise<CheckOutcome & { plan: Plan; readErrors: string[] }> {
  const open = await openPlan(port, request.fileName);
  const outcome = checkLoadedPlan(session, { plan: open.plan, parent: request.parent, children: request.children, register: request.register });
  if (request.writeColumn) await writeSmartColumn(port, open.snapshot, open.plan, outcome.findings, request.fileName);
  return { ...outcome, plan: open.plan, readErrors: open.errors.map((e) => e.message) };
}
