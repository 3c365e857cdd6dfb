// The action status formula, evaluated by HyperFormula, gives exactly what actionStatus gives.
import { ACTION_COLUMNS } from "../../src/model/plan";
import { actionStatus, ActionStatusInput } from "../../src/status/actionStatus";
import { actionStatusFormula } from "../../src/status/actionStatus.formula";
import { actionBatch, ActionBatch } from "./arbitraries";
import { assertNoDisagreement, cellValue, StatusSheet } from "./statusSheet";
import { action } from "./fixtures";

const sheet = new StatusSheet(ACTION_COLUMNS);
afterAll(() => sheet.destroy());
const kinds = new Map(ACTION_COLUMNS.map((c) => [c.key, c.meta.kind]));
const cell = (a: ActionStatusInput, key: string) => cellValue((a as Record<string, unknown>)[key], kinds.get(key)!);

function mismatches({ settings, actions }: ActionBatch): unknown[] {
  const fromSheet = sheet.evaluate(settings, actions, cell, actionStatusFormula);
  return actions.flatMap((a, i) => {
    const fromTs = actionStatus(a, settings.reportingDate, settings.slippageMonths);
    return fromSheet[i] === fromTs ? [] : [{ action: a, settings, fromTs, fromSheet: fromSheet[i] }];
  });
}

it("HyperFormula agrees with actionStatus on thousands of random, edge-biased actions", () => {
  let rows = 0;
  const seen = new Set<unknown>();
  assertNoDisagreement(
    actionBatch,
    (batch) => {
      rows += batch.actions.length;
      batch.actions.forEach((a) => seen.add(actionStatus(a, batch.settings.reportingDate, batch.settings.slippageMonths)));
      return mismatches(batch);
    },
    40,
  );
  expect(rows).toBeGreaterThan(2000);
  expect(seen.size).toBe(7); // every label was exercised
});

it("agrees on the hand-picked edges: month-end clamping, leap years, blank flags", () => {
  const cases: [string, ActionStatusInput, string][] = [
    ["2024-09-30", action({ dueDate: "2024-08-31", revisedDueDate: "2024-11-29" }), "Slipped (less than 3 months)"],
    ["2024-09-30", action({ dueDate: "2024-08-31", revisedDueDate: "2024-11-30" }), "Slipped (more than 3 months)"],
    ["2023-12-31", action({ dueDate: "2023-11-30", revisedDueDate: "2024-02-28" }), "Slipped (less than 3 months)"],
    ["2023-12-31", action({ dueDate: "2023-11-30", revisedDueDate: "2024-02-29" }), "Slipped (more than 3 months)"],
    ["2024-02-28", action({ dueDate: "2023-11-30" }), "Slipped (less than 3 months)"],
    ["2024-02-29", action({ dueDate: "2023-11-30" }), "Slipped (more than 3 months)"],
    ["2024-09-30", action({ noLongerViable: true }), "No longer viable"],
    ["2024-09-30", action({ completedDate: "2024-09-30" }), "Delivered"],
    ["2024-09-30", action({ completedDate: "2024-10-01", dueDate: "2024-12-31" }), "On target"],
    ["2024-09-30", action({ startDate: "2024-10-01", dueDate: "2025-03-31" }), "Scheduled for future quarters"],
    ["2024-08-15", action({ startDate: "2024-09-30", dueDate: "2025-03-31" }), "On target"],
    ["2024-09-30", action(), "No due date"],
    ["2024-09-30", action({ dueDate: "2024-09-30" }), "On target"],
  ];
  cases.forEach(([reportingDate, a, expected]) => {
    const settings = { reportingDate, greenWithin: 0, amberWithin: 5, slippageMonths: 3 };
    const [fromSheet] = sheet.evaluate(settings, [a], cell, actionStatusFormula);
    expect([reportingDate, a, fromSheet]).toEqual([reportingDate, a, expected]);
    expect(mismatches({ settings, actions: [a] })).toEqual([]);
  });
});

it("a blank No longer viable cell counts as No", () => {
  const settings = { reportingDate: "2024-09-30", greenWithin: 0, amberWithin: 5, slippageMonths: 3 };
  const blankFlag = (a: ActionStatusInput, key: string) => (key === "noLongerViable" ? null : cell(a, key));
  expect(sheet.evaluate(settings, [action({ dueDate: "2024-12-31" })], blankFlag, actionStatusFormula)).toEqual(["On target"]);
});
