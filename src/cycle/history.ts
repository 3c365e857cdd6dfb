// Recording the quarter: each action's and measure's position for one period, as rows of the
// Updates table, with who and when. Recording a period again replaces that period's rows only;
// every other row is kept exactly as it was (Sefton: plans are reported every quarter and the
// Assistant Director sees the path, not one point).
import { IsoDate } from "../model/dates";
import { financialYearLabel, parsePeriod, Period, periodLabel } from "../model/period";
import { Plan, Update, UPDATE_COLUMNS } from "../model/plan";
import { actionStatuses, measureStatuses, ReturnSettings } from "../qsr/rowStatuses";
import { columnLetter, parseCell } from "../workbook/a1";
import { cellOf } from "../workbook/columnDesign";
import { isBlank } from "../workbook/cellValues";
import { CellValue, TableSnapshot } from "../workbook/port";

class PeriodError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PeriodError";
  }
}

/** Parses the period and refuses one outside the plan year: a 2023/24 record in a 2024/25 plan would sit in the wrong year's history. */
export function periodInPlanYear(text: string, planYear: string, where = "--period"): Period {
  let p: Period;
  try {
    p = parsePeriod(text);
  } catch (e) {
    throw new PeriodError(`${where}: ${(e as Error).message}`);
  }
  if (financialYearLabel(p.startYear) !== planYear.trim())
    throw new PeriodError(
      `${where}: ${periodLabel(p)} is outside the plan year ${planYear} (record ${planYear} Q1 to Q4 in this plan; ${financialYearLabel(p.startYear)} belongs in that year's plan)`,
    );
  return p;
}

/** The Updates rows for one period: every action, then every measure, in plan order. */
export function quarterRows(plan: Plan, settings: ReturnSettings, period: Period, updatedBy: string, updatedOn: IsoDate): Update[] {
  const label = periodLabel(period);
  const who = updatedBy.trim();
  const actions = actionStatuses(plan, period, settings).map(({ row, status }): Update => ({
    period: label,
    itemId: row.id,
    status,
    percentComplete: row.percentComplete,
    selfAssessedRag: row.selfAssessedRag,
    target: null,
    value: null,
    direction: "",
    narrative: row.progress,
    updatedBy: who,
    updatedOn,
  }));
  const measures = measureStatuses(plan, period, settings).map((m): Update => ({
    period: label,
    itemId: m.row.id,
    status: m.rag,
    percentComplete: null,
    selfAssessedRag: null,
    target: m.target,
    value: m.actual,
    direction: m.direction,
    narrative: m.row.comments,
    updatedBy: who,
    updatedOn,
  }));
  return [...actions, ...measures];
}

const norm = (s: unknown) =>
  String(s ?? "")
    .trim()
    .toLowerCase();

export interface HistoryNote {
  sheet: string;
  cell: string;
  message: string;
}

export interface MergedHistory {
  /** The table's rows after recording, in its own column order. */
  rows: CellValue[][];
  /** The same as an edit: the data rows (0-based) that go (this period's, and blank ones) and the rows added at the end. */
  remove: number[];
  append: CellValue[][];
  /** Rows of this period that were replaced. */
  replaced: number;
  added: number;
  kept: number;
  /** Model columns the table lacks (a format v1 table): those values are not recorded. */
  missingColumns: string[];
  /** Kept rows worth a look: an ID not in the plan, a period that is not one. Nothing is dropped for them. */
  notes: HistoryNote[];
}

function periodKey(v: CellValue): string | null {
  if (isBlank(v)) return null;
  try {
    return periodLabel(parsePeriod(String(v)));
  } catch {
    return null;
  }
}

/**
 * The Updates table with this period's rows replaced by `rows`. Rows of other periods (and rows the
 * add-in cannot read) stay exactly as they were, in their place; the new rows go at the end.
 */
export function mergeHistory(table: TableSnapshot, period: Period, rows: Update[], knownIds: ReadonlySet<string>, file?: string): MergedHistory {
  const label = periodLabel(period);
  const headers = table.headers.map(norm);
  const periodAt = headers.indexOf(norm(UPDATE_COLUMNS[0].meta.header));
  const idAt = headers.indexOf(norm(UPDATE_COLUMNS[1].meta.header));
  const start = parseCell(table.range.replace(/^.*!/, "").split(":")[0]);
  const where = (row: number, index: number) => `${columnLetter(start.col + Math.max(0, index))}${row}`;
  if (periodAt < 0 || idAt < 0) {
    throw new PeriodError(
      `${file ? `${file} ` : ""}${table.sheet}!${where(start.row, 0)}: table ${table.name} has no "${UPDATE_COLUMNS[periodAt < 0 ? 0 : 1].meta.header}" column, so its history cannot be told apart by period; nothing was written`,
    );
  }
  const notes: HistoryNote[] = [];
  const kept: CellValue[][] = [];
  const remove: number[] = [];
  let replaced = 0;
  table.rows.forEach((r, i) => {
    if (r.every(isBlank)) {
      // The blank row an empty table keeps goes; a blank row among others stays where it is (the
      // table may have been read in part, so "blank" is only blank in the columns read).
      if (table.rows.length === 1) remove.push(i);
      return;
    }
    const row = start.row + 1 + i;
    const p = periodKey(r[periodAt]);
    if (p === label) {
      replaced++;
      remove.push(i);
      return;
    }
    kept.push(r);
    if (p === null)
      notes.push({
        sheet: table.sheet,
        cell: where(row, periodAt),
        message: `${file ? `${file} ` : ""}${table.sheet}!${where(row, periodAt)}: period ${JSON.stringify(r[periodAt])} is not a reporting period like "2024/25 Q2"; the row is kept as it is`,
      });
    else if (!knownIds.has(String(r[idAt] ?? "").trim()))
      notes.push({
        sheet: table.sheet,
        cell: where(row, idAt),
        message: `${file ? `${file} ` : ""}${table.sheet}!${where(row, idAt)}: history for ${JSON.stringify(r[idAt])}, which is not an action or measure in this plan; the row is kept as it is`,
      });
  });
  const byHeader = new Map(UPDATE_COLUMNS.map((c) => [norm(c.meta.header), c]));
  const missingColumns = UPDATE_COLUMNS.filter((c) => !headers.includes(norm(c.meta.header))).map((c) => c.meta.header);
  const added = rows.map((u) =>
    table.headers.map((h) => {
      const c = byHeader.get(norm(h));
      return c ? cellOf(c.meta.kind, (u as Record<string, unknown>)[c.key]) : null;
    }),
  );
  return { rows: [...kept, ...added], remove, append: added, replaced, added: added.length, kept: kept.length, missingColumns, notes };
}

/** The periods already recorded in the table (so the pane can ask before replacing one). */
export function recordedPeriods(table: TableSnapshot): string[] {
  const at = table.headers.map(norm).indexOf(norm(UPDATE_COLUMNS[0].meta.header));
  if (at < 0) return [];
  return [...new Set(table.rows.map((r) => periodKey(r[at])).filter((p): p is string => p !== null))];
}

/** Each item's recorded quarters of the year before `period`, oldest first (what the return carries as history). */
export function earlierQuarters(updates: readonly Update[], period: Period): Update[] {
  return updates
    .flatMap((u) => {
      const p = periodKey(u.period);
      if (!p) return [];
      const parsed = parsePeriod(p);
      return parsed.startYear === period.startYear && parsed.quarter < period.quarter ? [{ ...u, period: p }] : [];
    })
    .sort((a, b) => a.period.localeCompare(b.period)); // stable: within a quarter, the table's order
}
