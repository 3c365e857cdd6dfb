// The same print layout inside Excel: a plan applied through the office.js adapter (against the
// Excel double) gets the print scale, repeated titles, print areas and hidden format stamp the
// file adapter writes.
import { createFakeOffice } from "../doubles/excel/fakeExcel";
import { ExcelWorkbook } from "../../src/excel/adapter";
import { planDesign } from "../../src/workbook/design";
import { SHEETS } from "../../src/workbook/names";
import { planFieldRow } from "../../src/workbook/layout";
import { handPickedActions, handPickedMeasures, sampleDetails, seftonFramework } from "../workbook/samplePlan";

async function appliedInExcel(design: ReturnType<typeof planDesign>) {
  const fake = createFakeOffice();
  const workbook = new ExcelWorkbook({ run: (batch) => fake.Excel.run({ delayForCellEdit: true }, batch as never), requirements: fake.Office.context.requirements });
  await workbook.apply(design);
  return fake;
}

test("a plan applied in Excel prints like the file: tables at 80% with titles repeated, the Plan a portrait page, working sheets out", async () => {
  const fake = await appliedInExcel(planDesign({ details: sampleDetails(), framework: seftonFramework(), actions: handPickedActions(), measures: handPickedMeasures() }));
  const layout = (name: string) => fake.workbook.sheet(name).pageLayout;
  for (const name of [SHEETS.actions, SHEETS.measures]) {
    expect(layout(name)).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { scale: 80 },
      printTitleRows: "1:1",
      printTitleColumns: "A:B",
      printOrder: "OverThenDown",
      printArea: null,
    });
  }
  expect(layout(SHEETS.plan)).toMatchObject({ orientation: "Portrait", zoom: { horizontalFitToPages: 1 }, printArea: expect.stringMatching(/^A1:B\d+$/) });
  for (const name of [SHEETS.updates, SHEETS.register, SHEETS.settings]) expect(layout(name).printArea).toBe("A1048576");
  expect([...fake.workbook.sheet(SHEETS.plan).hiddenRows]).toEqual([planFieldRow("formatVersion")]);
});

test("a plan with actions but no measures leaves its Measures sheet out of Excel's print too", async () => {
  const fake = await appliedInExcel(planDesign({ details: sampleDetails(), framework: seftonFramework(), actions: handPickedActions() }));
  expect(fake.workbook.sheet(SHEETS.measures).pageLayout.printArea).toBe("A1048576");
  expect(fake.workbook.sheet(SHEETS.actions).pageLayout.printArea).toBeNull();
});
