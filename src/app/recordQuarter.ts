// Record the quarter: each action's and measure's position for the period appended to the Updates
// table with who and when. Recording a period again replaces that period's rows (the pane asks
// first), never another period's; nothing else in the plan changes.
import type { IsoDate } from "../model/dates";
import { periodLabel } from "../model/period";
import type { Framework } from "../model/framework";
import { mergeHistory, periodInPlanYear, quarterRows } from "../cycle/history";
import { SHEETS, TABLES } from "../workbook/names";
import type { ReadRequest, WorkbookEdit, WorkbookPort } from "../workbook/port";
import { ACTION_COLUMNS, Column, MEASURE_COLUMNS, UPDATE_COLUMNS } from "../model/plan";
import { planOf, returnSettings } from "./plan";

export interface RecordQuarterRequest {
  fileName: string;
  /** e.g. "2024/25 Q2"; must be in the plan year. */
  period: string;
  updatedBy: string;
  updatedOn: IsoDate;
  /** Replace the period's rows if it was recorded before; false asks first (the result says so, nothing is written). */
  replace: boolean;
  framework?: Framework;
}

export interface RecordQuarterResult {
  period: string;
  /** True when the period was already recorded and `replace` was false: nothing was written. */
  needsConfirmation: boolean;
  added: number;
  replaced: number;
  kept: number;
  /** Columns a format v1 Updates table lacks (their values are not recorded). */
  missingColumns: string[];
  /** History rows worth a look (unknown IDs, periods that are not periods), each naming its cell; all kept. */
  notes: string[];
}

/** What recording needs of the plan: the fields the statuses and the Updates row read, no more (the bulk of a plan is text it does not need). */
const READ: ReadRequest = {
  sheets: [SHEETS.plan, SHEETS.settings],
  tables: [
    { name: TABLES.actions, columns: headersOf(ACTION_COLUMNS, ["id", "startDate", "dueDate", "revisedDueDate", "completedDate", "noLongerViable", "percentComplete", "selfAssessedRag", "progress"]) },
    {
      name: TABLES.measures,
      columns: headersOf(MEASURE_COLUMNS, [
        "id",
        "type",
        "polarity",
        "frequency",
        "cumulative",
        "reportedIn",
        "baseline",
        "annualTarget",
        "q1Target",
        "q2Target",
        "q3Target",
        "q4Target",
        "q1Actual",
        "q2Actual",
        "q3Actual",
        "q4Actual",
        "greenWithin",
        "amberWithin",
        "comments",
      ]),
    },
    // The period and ID tell rows apart; status and actual give the previous RAG and last year's figure.
    { name: TABLES.updates, columns: headersOf(UPDATE_COLUMNS, ["period", "itemId", "status", "value"]) },
    // Its headers only: a plan without it is not read as one.
    { name: TABLES.register, columns: [] },
  ],
};

function headersOf(columns: readonly Column[], keys: readonly string[]): string[] {
  return keys.map((k) => columns.find((c) => c.key === k)!.meta.header);
}

/**
 * Reads only what recording needs and writes only the change: the period's new rows added at the
 * end of the Updates table and the rows it replaces deleted; every other row is left untouched.
 * Inside Excel three syncs whatever the number of rows (WorkbookPort.update).
 */
export async function recordQuarter(port: WorkbookPort, request: RecordQuarterRequest): Promise<RecordQuarterResult> {
  const name = request.fileName;
  if (!request.updatedBy.trim()) throw new Error(`${name}: recording the quarter needs who is recording it`);
  return port.update<RecordQuarterResult>(READ, (snapshot) => {
    const open = planOf(snapshot, name);
    if (open.errors.length > 0)
      throw new Error(`${name}: ${open.errors.length} cell(s) cannot be read, so their values would be recorded as blank; fix them first:\n${open.errors.map((e) => `  ${e.message}`).join("\n")}`);
    const period = periodInPlanYear(request.period, open.plan.details.planYear, `${name}: period`);
    const label = periodLabel(period);
    const table = snapshot.tables.find((t) => t.name.toLowerCase() === TABLES.updates.toLowerCase());
    if (!table) throw new Error(`${name}: no table named ${TABLES.updates}; a plan keeps its quarterly history there`);
    const rows = quarterRows(open.plan, returnSettings(open, request.framework), period, request.updatedBy, request.updatedOn);
    const ids = new Set([...open.plan.actions.map((a) => a.id), ...open.plan.measures.map((m) => m.id)]);
    const merged = mergeHistory(table, period, rows, ids, name);
    const base = { period: label, missingColumns: merged.missingColumns, notes: merged.notes.map((n) => n.message), kept: merged.kept };
    if (merged.replaced > 0 && !request.replace) return { edits: [], result: { ...base, needsConfirmation: true, added: 0, replaced: 0 } };
    const edits: WorkbookEdit[] = [{ kind: "rows", table: table.name, remove: merged.remove, append: merged.append }];
    return { edits, result: { ...base, needsConfirmation: false, added: merged.added, replaced: merged.replaced } };
  });
}
