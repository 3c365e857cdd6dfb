// The RAG formula, evaluated by HyperFormula, gives exactly what measureRag gives.
import { MEASURE_COLUMNS } from "../../src/model/plan";
import { measureRag } from "../../src/status/rag";
import { ragFormula } from "../../src/status/rag.formula";
import { measureBatch, MeasureBatch } from "./arbitraries";
import { assertNoDisagreement, cellValue, measureSheet } from "./statusSheet";
import { MeasureInput, measure } from "./fixtures";

const sheet = measureSheet();
afterAll(() => sheet.destroy());
const kinds = new Map(MEASURE_COLUMNS.map((c) => [c.key, c.meta.kind]));
const cell = (m: MeasureInput, key: string) => cellValue((m as Record<string, unknown>)[key], kinds.get(key)!);

function mismatches({ settings, quarter, measures, history = [] }: Omit<MeasureBatch, "history" | "measures"> & { measures: MeasureInput[]; history?: MeasureBatch["history"] }): unknown[] {
  const fromSheet = sheet.evaluate(settings, measures, cell, ragFormula, history);
  const defaults = { greenWithin: settings.greenWithin, amberWithin: settings.amberWithin };
  return measures.flatMap((m, i) => {
    const fromTs = measureRag(m, quarter, defaults);
    return fromSheet[i] === fromTs ? [] : [{ measure: m, quarter, defaults, fromTs, fromSheet: fromSheet[i] }];
  });
}

it("HyperFormula agrees with measureRag on thousands of random, edge-biased measures", () => {
  let rows = 0;
  assertNoDisagreement(measureBatch, (batch) => ((rows += batch.measures.length), mismatches(batch)), 40);
  expect(rows).toBeGreaterThan(2000);
});

it("agrees on the hand-picked edges", () => {
  const settings = { reportingDate: "2024-09-30", greenWithin: 0, amberWithin: 5, slippageMonths: 3 };
  const measures = [
    measure({ annualTarget: 100, q2Actual: 95 }),
    measure({ annualTarget: 100, q2Actual: 94.999999999 }),
    measure({ annualTarget: 0.3, q2Actual: 0.285 }),
    measure({ annualTarget: 0, q2Actual: 0 }),
    measure({ polarity: "Low", annualTarget: 0, q2Actual: 0.001 }),
    measure({ polarity: "Target", annualTarget: 100, q2Actual: 105 }),
    measure({ polarity: "Target", annualTarget: 100, q2Actual: 94.9 }),
    measure({ annualTarget: -100, q2Actual: -105 }),
    measure({ annualTarget: 12_345_678.91, q2Actual: 12_345_678.91 - 617_283.9455 }),
    measure({ type: "Contextual Indicator", annualTarget: 1, q2Actual: 1 }),
    measure({ frequency: "Annual", annualTarget: 1, q2Actual: 1 }),
    measure({ polarity: null, annualTarget: 1, q2Actual: 1 }),
    measure({ annualTarget: 1 }),
    measure({ q2Target: 90, annualTarget: 100, q2Actual: 90, greenWithin: 1, amberWithin: 2 }),
  ];
  const result = sheet.evaluate(settings, measures, cell, ragFormula);
  expect(result).toEqual(["Amber", "Red", "Amber", "Green", "Red", "Amber", "Red", "Amber", "Amber", "Data only", "M", "M", "M", "Green"]);
  expect(mismatches({ settings, quarter: 2, measures })).toEqual([]);
});
