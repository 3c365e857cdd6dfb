// How long creating, saving, opening and reading a full plan workbook takes (ExcelJS files).
import { Action, actionSchema, Measure, measureSchema } from "../src/model/plan";
import { newPlanDetails } from "../src/app/create";
import { frameworkSchema } from "../src/model/framework";
import { planDesign } from "../src/workbook/design";
import { readPlan } from "../src/workbook/readPlan";
import { XlsxWorkbook } from "../src/xlsx/adapter";
import { BenchRow, timeMsAsync } from "./table";

const framework = frameworkSchema.parse({ council: "Bench Council", planYear: "2024/25", priorities: [{ id: "CP1", title: "Priority" }] });
// The plan details a new plan gets (the create use case), as the add-in would write them.
const details = newPlanDetails({ tier: "Operational", planId: "OSP-BENCH", planYear: "2024/25" }, framework);

function plan(actionCount: number, measureCount: number): { actions: Action[]; measures: Measure[] } {
  const actions = Array.from({ length: actionCount }, (_, i) =>
    actionSchema.parse({ id: `A${i}`, action: `Deliver item ${i}`, parentLink: "CP1", leadOfficer: "Sam", startDate: "2024-04-01", dueDate: "2025-03-31", percentComplete: i % 100 }),
  );
  const measures = Array.from({ length: measureCount }, (_, i) =>
    measureSchema.parse({ id: `M${i}`, name: `Measure ${i}`, polarity: "High", annualTarget: 100, q1Actual: 90 + (i % 20), q2Actual: 95 }),
  );
  return { actions, measures };
}

export async function bench(): Promise<BenchRow[]> {
  const { actions, measures } = plan(200, 85);
  let buffer: Buffer = Buffer.alloc(0);
  const create = await timeMsAsync(async () => {
    const wb = XlsxWorkbook.create();
    await wb.apply(planDesign({ details, framework, actions, measures }));
    buffer = await wb.toBuffer();
  });
  const read = await timeMsAsync(async () => {
    const wb = await XlsxWorkbook.fromBuffer(buffer, "bench.xlsx");
    readPlan(await wb.read(), "bench.xlsx");
  });
  return [
    { area: "workbook", measure: "create + save plan (200 actions, 85 measures)", value: Math.round(create), unit: "ms" },
    { area: "workbook", measure: "open + readPlan (200 actions, 85 measures)", value: Math.round(read), unit: "ms" },
    { area: "workbook", measure: "plan file size (200 actions, 85 measures)", value: Math.round(buffer.length / 1024), unit: "KiB" },
  ];
}
