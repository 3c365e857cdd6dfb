// A small signed-off-able plan on a file (ExcelJS) or on the Excel double, for the planning-year tests.
import { ExcelWorkbook } from "../../src/excel/adapter";
import { Action, Measure } from "../../src/model/plan";
import { cycleActions, cycleMeasures } from "./plans";

export { cycleActions, cycleMeasures };
import { planDesign } from "../../src/workbook/design";
import type { WorkbookPort } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { createFakeOffice, FakeOffice } from "../doubles/excel/fakeExcel";
import { sampleDetails, seftonFramework } from "../workbook/samplePlan";

export const framework = seftonFramework();

export const FILE = "plan.xlsx";

export async function planFile(overrides: { actions?: Action[]; measures?: Measure[]; formatVersion?: number } = {}): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.create(FILE);
  await wb.apply(
    planDesign({ details: sampleDetails({ formatVersion: overrides.formatVersion ?? 2 }), framework, actions: overrides.actions ?? cycleActions(), measures: overrides.measures ?? cycleMeasures() }),
  );
  return wb;
}

/** Saves and reopens: what a user gets from the file. */
export async function reopen(wb: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(await wb.toBuffer(), FILE);
}

export async function planOnDouble(
  design = planDesign({ details: sampleDetails({ formatVersion: 2 }), framework, actions: cycleActions(), measures: cycleMeasures() }),
): Promise<{ fake: FakeOffice; port: WorkbookPort }> {
  const fake = createFakeOffice();
  const port = new ExcelWorkbook({ run: (batch) => fake.Excel.run({ delayForCellEdit: true }, batch as never), requirements: fake.Office.context.requirements });
  await port.apply(design);
  fake.workbook.resetStats();
  return { fake, port };
}
