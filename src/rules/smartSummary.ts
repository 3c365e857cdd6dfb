// The "SMART check" column of the Actions table, written as values when a check runs so that a
// printed plan shows its quality too: "✓ SMART", or which criteria fail and how many issues.
import type { Action, Located } from "../model/plan";
import { CRITERIA, Criterion, Finding } from "./types";

export const SMART_PASS = "✓ SMART";

/** One summary per action, in the order given. Info findings do not count against an action. */
export function smartSummary(findings: readonly Finding[], actions: readonly Located<Action>[]): string[] {
  const byPlace = new Map<string, number>();
  for (let i = 0; i < actions.length; i++) byPlace.set(placeKey(actions[i].source.file, actions[i].source.sheet, actions[i].source.row, actions[i].id), i);
  const criteria: Set<Criterion>[] = actions.map(() => new Set());
  const issues = new Array<number>(actions.length).fill(0);
  const errors = new Array<number>(actions.length).fill(0);
  for (const f of findings) {
    if (f.severity === "info" || f.row === undefined || f.actionId === undefined) continue;
    const i = byPlace.get(placeKey(f.file, f.sheet, f.row, f.actionId));
    if (i === undefined) continue;
    criteria[i].add(f.criterion);
    issues[i]++;
    if (f.severity === "error") errors[i]++;
  }
  return actions.map((_a, i) => summaryText(criteria[i], issues[i], errors[i]));
}

function placeKey(file: string | undefined, sheet: string, row: number, id: string): string {
  return `${file ?? ""}\u0000${sheet}\u0000${row}\u0000${String(id).trim().toUpperCase()}`;
}

/** "✗ Specific, Time-bound (3 issues)" when any error; "⚠ ..." when only warnings. */
export function summaryText(failed: ReadonlySet<Criterion>, issues: number, errors: number): string {
  if (issues === 0) return SMART_PASS;
  const names = CRITERIA.filter((c) => failed.has(c)).join(", ");
  return `${errors > 0 ? "✗" : "⚠"} ${names} (${issues} issue${issues === 1 ? "" : "s"})`;
}

/**
 * The column as a table writes it: one value per table row from `firstDataRow`, with rows that hold
 * no action left blank (readers skip empty rows, so actions and table rows need not line up).
 */
export function smartSummaryColumn(findings: readonly Finding[], actions: readonly Located<Action>[], firstDataRow: number, rowCount: number): string[] {
  const summary = smartSummary(findings, actions);
  const column = new Array<string>(rowCount).fill("");
  for (let i = 0; i < actions.length; i++) {
    const r = actions[i].source.row - firstDataRow;
    if (r >= 0 && r < rowCount) column[r] = summary[i];
  }
  return column;
}
