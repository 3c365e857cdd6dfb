// The ribbon's Record the quarter on the Excel double: it records the reporting date's quarter into
// the Updates table, and a quarter recorded before is never replaced from the ribbon (it cannot ask):
// nothing is written and the notice says how to replace it in the pane.
import { recordQuarterCommand, RIBBON_RECORDER } from "../../src/commands/ribbon";
import { ExcelWorkbook } from "../../src/excel/adapter";
import { createPaneServices } from "../../src/taskpane/services";
import { planDesign } from "../../src/workbook/design";
import { readPlan } from "../../src/workbook/readPlan";
import { cycleActions, cycleMeasures } from "../cycle/plans";
import { createFakeOffice } from "../doubles/excel/fakeExcel";
import { sampleDetails, seftonFramework } from "../workbook/samplePlan";

async function ribbonOnPlan() {
  const fake = createFakeOffice();
  const port = new ExcelWorkbook({ run: (batch) => fake.Excel.run({ delayForCellEdit: true }, batch as never), requirements: fake.Office.context.requirements });
  await port.apply(planDesign({ details: sampleDetails({ formatVersion: 2 }), framework: seftonFramework(), actions: cycleActions(), measures: cycleMeasures() }));
  return { port, services: createPaneServices(port, { store: null, workbookName: "Book1", today: () => new Date("2024-10-07T09:00:00Z") }) };
}

test("records the reporting date's quarter, and refuses to replace it a second time, changing nothing", async () => {
  const { port, services } = await ribbonOnPlan();
  await services.setReportingQuarter("2024/25 Q2");

  const first = await recordQuarterCommand(services);
  expect(first).toEqual({ title: "Recorded 2024/25 Q2", message: "5 rows added to the Updates sheet for 2024/25 Q2; 0 rows of other quarters kept." });
  const updates = readPlan(await port.read(), "Book1").plan.updates;
  expect(updates.map((u) => [u.period, u.updatedBy])).toEqual(Array(5).fill(["2024/25 Q2", RIBBON_RECORDER]));

  const before = JSON.stringify(await port.read());
  const again = await recordQuarterCommand(services);
  expect(again.title).toBe("Record the quarter: 2024/25 Q2 is already recorded");
  expect(again.message).toContain("Nothing was changed");
  expect(again.message).toContain("open the Golden Thread pane, choose Year and Record 2024/25 Q2; it asks before replacing");
  expect(JSON.stringify(await port.read())).toBe(before);
});

test("without the planning year the ribbon says where to go instead", async () => {
  await expect(recordQuarterCommand({ reportingQuarters: async () => ({ options: [], current: "2024/25 Q1" }) })).rejects.toThrow("open the Golden Thread pane and choose Year");
});
