// The direction-of-travel formula, evaluated by HyperFormula, gives exactly what directionOfTravel gives.
import { MEASURE_COLUMNS } from "../../src/model/plan";
import { directionOfTravel } from "../../src/status/direction";
import { directionFormula } from "../../src/status/direction.formula";
import { periodOfDate } from "../../src/model/period";
import { lastYearFigure } from "../../src/status/history";
import { measureBatch, MeasureBatch } from "./arbitraries";
import { assertNoDisagreement, cellValue, measureSheet } from "./statusSheet";
import { MeasureInput, measure } from "./fixtures";

const sheet = measureSheet();
afterAll(() => sheet.destroy());
const kinds = new Map(MEASURE_COLUMNS.map((c) => [c.key, c.meta.kind]));
const cell = (m: MeasureInput, key: string) => cellValue((m as Record<string, unknown>)[key], kinds.get(key)!);

function mismatches({ settings, quarter, measures, history }: MeasureBatch): unknown[] {
  const fromSheet = sheet.evaluate(settings, measures, cell, directionFormula, history);
  const period = periodOfDate(settings.reportingDate);
  return measures.flatMap((m, i) => {
    const fromTs = directionOfTravel(m, quarter, lastYearFigure(history, m.id, period));
    return fromSheet[i] === fromTs ? [] : [{ measure: m, quarter, fromTs, fromSheet: fromSheet[i] }];
  });
}

it("HyperFormula agrees with directionOfTravel on thousands of random, edge-biased measures", () => {
  let rows = 0;
  assertNoDisagreement(measureBatch, (batch) => ((rows += batch.measures.length), mismatches(batch)), 40);
  expect(rows).toBeGreaterThan(2000);
});

it("agrees on the hand-picked edges, each quarter's comparator included", () => {
  const series = { baseline: 50, q1Actual: 52, q2Actual: 52, q3Actual: 49, q4Actual: 55 };
  const cases: [string, MeasureInput, string][] = [
    ["2024-06-30", measure(series), "Improving"],
    ["2024-09-30", measure(series), "Maintained"],
    ["2024-12-31", measure(series), "Declining"],
    ["2025-03-31", measure({ ...series, q3Actual: 60 }), "Improving"],
    ["2024-09-30", measure({ ...series, polarity: "Low", q2Actual: 51 }), "Improving"],
    ["2024-09-30", measure({ polarity: "Target", annualTarget: 100, q1Actual: 94, q2Actual: 106 }), "Maintained"],
    ["2024-09-30", measure({ q1Actual: 0.1 + 0.2, q2Actual: 0.3 }), "Maintained"],
    ["2024-09-30", measure({ ...series, polarity: null }), "M"],
    ["2024-09-30", measure({ ...series, frequency: "Annual" }), "M"],
    ["2024-09-30", measure({ ...series, polarity: "Target" }), "M"],
    ["2024-09-30", measure({ q2Actual: 1 }), "M"],
  ];
  cases.forEach(([reportingDate, m, expected]) => {
    const [fromSheet] = sheet.evaluate({ reportingDate, greenWithin: 0, amberWithin: 5, slippageMonths: 3 }, [m], cell, directionFormula);
    expect([reportingDate, m, fromSheet]).toEqual([reportingDate, m, expected]);
  });
});
