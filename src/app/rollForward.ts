// Roll forward: next year's plan from this one, written into a new workbook; this year's is only read.
import type { Framework } from "../model/framework";
import { RollForwardError, rollForward as roll, RollForwardSummary } from "../cycle/rollForward";
import { defaultReportingDate, planDesign } from "../workbook/design";
import type { WorkbookPort } from "../workbook/port";
import { detectWorkbookKind } from "../workbook/readPlan";
import { openPlan, returnSettings } from "./plan";

export interface RollForwardRequest {
  fileName: string;
  /** The next financial year, e.g. "2025/26". */
  year: string;
  /** The council framework for next year's Settings sheet (its plan year becomes `year`). */
  framework: Framework;
}

export interface RollForwardResult {
  planId: string;
  planYear: string;
  summary: RollForwardSummary;
}

/** Reads `from` (never writes it) and writes next year's plan into the empty workbook `to`. */
export async function rollForwardPlan(from: WorkbookPort, to: WorkbookPort, request: RollForwardRequest): Promise<RollForwardResult> {
  const open = await openPlan(from, request.fileName);
  if (open.errors.length > 0)
    throw new RollForwardError(
      `${request.fileName}: ${open.errors.length} cell(s) cannot be read, so they would be carried forward blank; fix them first:\n${open.errors.map((e) => `  ${e.message}`).join("\n")}`,
    );
  const rolled = roll(open.plan, returnSettings(open, request.framework), request.year);
  if (detectWorkbookKind(await to.read()).kind !== "empty") throw new RollForwardError(`next year's plan goes into a new, empty workbook`);
  const framework = { ...request.framework, planYear: rolled.details.planYear };
  await to.apply(
    planDesign({ details: rolled.details, framework, actions: rolled.actions, measures: rolled.measures, register: rolled.register, reportingDate: defaultReportingDate(rolled.details.planYear) }),
  );
  return { planId: rolled.details.planId, planYear: rolled.details.planYear, summary: rolled.summary };
}
