// A small signed-off-able plan on a file (ExcelJS) or on the Excel double, for the planning-year tests.
import { ExcelWorkbook } from "../../src/excel/adapter";
import { Action, actionSchema, Measure, measureSchema } from "../../src/model/plan";
import { planDesign } from "../../src/workbook/design";
import type { WorkbookPort } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { createFakeOffice, FakeOffice } from "../doubles/excel/fakeExcel";
import { sampleDetails, seftonFramework } from "../workbook/samplePlan";

export const framework = seftonFramework();

export function cycleActions(): Action[] {
  return [
    actionSchema.parse({ id: "A-1", action: "Open two new extra care schemes", leadOfficer: "Sam Hughes", parentLink: "DSP-ASC-01", measureOfSuccess: "Two schemes open", dueDate: "2024-12-31", percentComplete: 60, selfAssessedRag: "Green", progress: "Site works under way." }),
    actionSchema.parse({ id: "A-2", action: "Deliver the carers strategy", leadOfficer: "Sam Hughes", parentLink: "DSP-ASC-01", dueDate: "2024-09-30", completedDate: "2024-09-01", percentComplete: 100 }),
    actionSchema.parse({ id: "A-3", action: "Move the day service", leadOfficer: "Sam Hughes", parentLink: "DSP-ASC-01", dueDate: "2024-06-30", noLongerViable: true }),
  ];
}

export function cycleMeasures(): Measure[] {
  return [
    measureSchema.parse({ id: "M-1", name: "Reviews completed on time", polarity: "High", unit: "%", frequency: "Quarterly", baseline: 70, annualTarget: 80, q1Target: 72, q2Target: 75, q1Actual: 73, q2Actual: 74, comments: "Improving." }),
    measureSchema.parse({ id: "M-2", name: "Delayed discharges", polarity: "Low", frequency: "Quarterly", baseline: 30, annualTarget: 20, q1Actual: 28, q4Actual: 22 }),
  ];
}

export const FILE = "plan.xlsx";

export async function planFile(overrides: { actions?: Action[]; measures?: Measure[]; formatVersion?: number } = {}): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.create(FILE);
  await wb.apply(planDesign({ details: sampleDetails({ formatVersion: overrides.formatVersion ?? 2 }), framework, actions: overrides.actions ?? cycleActions(), measures: overrides.measures ?? cycleMeasures() }));
  return wb;
}

/** Saves and reopens: what a user gets from the file. */
export async function reopen(wb: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(await wb.toBuffer(), FILE);
}

export async function planOnDouble(design = planDesign({ details: sampleDetails({ formatVersion: 2 }), framework, actions: cycleActions(), measures: cycleMeasures() })): Promise<{ fake: FakeOffice; port: WorkbookPort }> {
  const fake = createFakeOffice();
  const port = new ExcelWorkbook({ run: (batch) => fake.Excel.run({ delayForCellEdit: true }, batch as never), requirements: fake.Office.context.requirements });
  await port.apply(design);
  fake.workbook.resetStats();
  return { fake, port };
}
