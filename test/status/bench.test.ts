// The status bench's data and rows (no timing assertions: budgets are checked by `npm run bench`).
import { bench, computeStatuses, sampleActions, sampleMeasures } from "../../bench/status";
import { actionStatus, ACTION_STATUSES } from "../../src/status/actionStatus";

it("samples the same data on every run, covering every action status", () => {
  expect(sampleActions(50)).toEqual(sampleActions(50));
  expect(sampleMeasures(50)).toEqual(sampleMeasures(50));
  const seen = new Set(sampleActions(2_000).map((a) => actionStatus(a, "2024-09-30", 3)));
  expect([...seen].sort()).toEqual([...ACTION_STATUSES].sort());
  expect(computeStatuses(sampleActions(2_000), sampleMeasures(500), "2024-09-30", 2)).toBeGreaterThan(0);
});

it("reports the two rows the issue asks for, with their budgets", async () => {
  const rows = await bench();
  expect(rows.map(({ measure, unit, budget }) => ({ measure, unit, budget }))).toEqual([
    { measure: "statuses for 20,000 actions + 5,000 measures", unit: "ms", budget: 100 },
    { measure: "ratio 20,000 / 2,000 rows", unit: "x", budget: 11 },
  ]);
  rows.forEach((r) => expect(r.value).toBeGreaterThan(0));
});
