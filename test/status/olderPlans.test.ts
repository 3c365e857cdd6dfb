// Plans made before cumulative and annual measures: no Cumulative, Reported in, YTD or Trend
// columns. They still read without an error and their statuses are what they always were:
// snapshot measures, annual ones rated at Q4 only.
import { Quarter } from "../../src/model/period";
import { measureSchema } from "../../src/model/plan";
import { directionOfTravel } from "../../src/status/direction";
import { measureRag } from "../../src/status/rag";
import { planDesign } from "../../src/workbook/design";
import { readPlan } from "../../src/workbook/readPlan";
import { WorkbookSnapshot } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { sampleDetails, seftonFramework } from "../workbook/samplePlan";

const NEW_COLUMNS = ["Cumulative", "Reported in", "YTD target", "YTD actual", "Compared with", "Trend"];

const measures = [
  measureSchema.parse({ id: "M-SNAP", name: "Snapshot", polarity: "High", frequency: "Quarterly", baseline: 50, annualTarget: 60, q1Actual: 55, q2Actual: 61, q3Actual: 58, q4Actual: 62 }),
  measureSchema.parse({ id: "M-ANN", name: "Annual", polarity: "Low", frequency: "Annual", baseline: 12, annualTarget: 10, q4Actual: 9.5 }),
];

/** The plan as an older version wrote it: the same tables without this version's new columns. */
async function olderSnapshot(): Promise<WorkbookSnapshot> {
  const wb = XlsxWorkbook.create();
  await wb.apply(planDesign({ details: sampleDetails(), framework: seftonFramework(), measures }));
  const snapshot = await (await XlsxWorkbook.fromBuffer(await wb.toBuffer(), "old-plan.xlsx")).read();
  const t = snapshot.tables.find((x) => x.name === "Measures")!;
  const keep = t.headers.map((h, i) => (NEW_COLUMNS.includes(h) ? -1 : i)).filter((i) => i >= 0);
  t.headers = keep.map((i) => t.headers[i]);
  t.rows = t.rows.map((r) => keep.map((i) => r[i]));
  return snapshot;
}

test("an older plan reads without errors, its measures neither cumulative nor reported before Q4", async () => {
  const snapshot = await olderSnapshot();
  expect(snapshot.tables.find((x) => x.name === "Measures")!.headers.filter((h) => NEW_COLUMNS.includes(h))).toEqual([]);
  const read = readPlan(snapshot, "old-plan.xlsx");
  expect(read.errors).toEqual([]);
  expect(read.plan.measures.map((m) => [m.id, m.cumulative, m.reportedIn])).toEqual([
    ["M-SNAP", undefined, undefined],
    ["M-ANN", undefined, undefined],
  ]);
  const tolerances = { greenWithin: 0, amberWithin: 5 };
  const byQuarter = ([1, 2, 3, 4] as Quarter[]).map((q) => read.plan.measures.map((m) => `${measureRag(m, q, tolerances)}/${directionOfTravel(m, q)}`));
  expect(byQuarter).toEqual([
    ["Red/Improving", "M/M"], // 55 against 60; up on the baseline 50
    ["Green/Improving", "M/M"], // 61, up on Q1's 55
    ["Amber/Declining", "M/M"], // 58 (3.3% short), down on Q2
    ["Green/Improving", "Green/Improving"], // year-end: both compare with the baseline
  ]);
});
