/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// (ExcelJS's Node build, which jest loads, needs uuid's CommonJS face, not the browser ESM one.)
// Roll forward from the pane on the Excel double: next year's plan is made as an .xlsx and opened as
// a new workbook (or downloaded), carrying what the use case carries; the open workbook is only read.
import "./textCodecs";
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import { ExcelWorkbook } from "../../src/excel/adapter";
import { YearView } from "../../src/taskpane/components/YearView";
import type { ExportedFile } from "../../src/taskpane/paneModel";
import { createPaneServices } from "../../src/taskpane/services";
import { planDesign } from "../../src/workbook/design";
import { readPlan } from "../../src/workbook/readPlan";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { cycleActions, cycleMeasures } from "../cycle/plans";
import { createFakeOffice } from "../doubles/excel/fakeExcel";
import { sampleDetails, seftonFramework } from "../workbook/samplePlan";
import { renderInPane } from "./render";

test("Make next year's plan opens the 2025/26 plan as a new workbook and leaves this one as it was", async () => {
  const fake = createFakeOffice();
  const port = new ExcelWorkbook({ run: (batch) => fake.Excel.run({ delayForCellEdit: true }, batch as never), requirements: fake.Office.context.requirements });
  await port.apply(planDesign({ details: sampleDetails({ formatVersion: 2 }), framework: seftonFramework(), actions: cycleActions(), measures: cycleMeasures() }));
  const before = JSON.stringify(await port.read());
  const services = createPaneServices(port, { store: null, workbookName: "OSP ASCO 2024-25.xlsx", today: () => new Date("2025-03-20T09:00:00Z") });
  const opened: ExportedFile[] = [];
  const open = async (file: ExportedFile) => (opened.push(file), `${file.fileName} opened as a new workbook.`);
  renderInPane(<YearView services={services} today={() => new Date("2025-03-20T09:00:00Z")} open={open} />);
  await screen.findByRole("heading", { name: "The planning year 2024/25" });
  fireEvent.click(screen.getByRole("button", { name: "Make next year's plan" }));

  expect(await screen.findByText("OSP-ASCO-2025 2025-26.xlsx opened as a new workbook. This workbook is not changed.", {}, { timeout: 20_000 })).toBeTruthy();
  expect(screen.getByText("Carried forward, original due date kept: A-1")).toBeTruthy();
  expect(screen.getByText("Delivered, listed not copied: A-2")).toBeTruthy();
  expect(JSON.stringify(await port.read())).toBe(before);

  const next = await XlsxWorkbook.fromBuffer(opened[0].bytes, opened[0].fileName);
  const { plan } = readPlan(await next.read(), opened[0].fileName);
  expect(plan.details.planYear).toBe("2025/26");
  expect(plan.actions.map((a) => a.id)).toEqual(["A-1"]);
  expect(plan.cycle?.signOff ?? null).toBeNull();
});
