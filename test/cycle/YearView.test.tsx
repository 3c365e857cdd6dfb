/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// The Year view over the real use cases on the Excel double: sign off, record a quarter, confirm
// before replacing it, preview the roll-forward and make next year's plan (as the pane does, into an
// .xlsx: ExcelJS's Node build, which jest loads, needs uuid's CommonJS face, hence the conditions).
import "../taskpane/textCodecs";
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import { yearServices } from "../../src/app/yearServices";
import type { WorkbookPort } from "../../src/workbook/port";
import { rollForwardFile } from "../../src/taskpane/rollForwardFile";
import type { YearServices } from "../../src/taskpane/paneModel";
import { YearView } from "../../src/taskpane/components/YearView";
import { readPlan } from "../../src/workbook/readPlan";
import { renderInPane } from "../taskpane/render";
import { ExcelWorkbook } from "../../src/excel/adapter";
import { planDesign } from "../../src/workbook/design";
import { createFakeOffice } from "../doubles/excel/fakeExcel";
import { sampleDetails, seftonFramework } from "../workbook/samplePlan";
import { cycleActions, cycleMeasures } from "./plans";

const framework = seftonFramework();

// Not ./helpers: the pane reaches files only through the roll-forward's .xlsx.
async function planOnDouble() {
  const fake = createFakeOffice();
  const port = new ExcelWorkbook({ run: (batch) => fake.Excel.run({ delayForCellEdit: true }, batch as never), requirements: fake.Office.context.requirements });
  await port.apply(planDesign({ details: sampleDetails({ formatVersion: 2 }), framework, actions: cycleActions(), measures: cycleMeasures() }));
  return { fake, port };
}

const today = () => new Date("2024-10-07T09:00:00Z");

/** The pane's year services over the use cases, as src/taskpane/services.ts makes them. */
function yearOf(port: WorkbookPort): YearServices {
  return { ...yearServices(port, "Book1", () => framework, today), rollForward: (year) => rollForwardFile(port, { fileName: "Book1", year, framework }) };
}

test("signs off, records a quarter, asks before replacing it, and previews next year", async () => {
  const { port } = await planOnDouble();
  const opened: string[] = [];
  renderInPane(<YearView services={{ year: yearOf(port) }} today={today} open={async (file) => (opened.push(file.fileName), `${file.fileName} opened.`)} />);
  expect(await screen.findByRole("heading", { name: "The planning year 2024/25" })).toBeTruthy();

  fireEvent.change(screen.getByRole("textbox", { name: /Signed off by/ }), { target: { value: "Jane Smith" } });
  fireEvent.change(screen.getByRole("textbox", { name: /Role/ }), { target: { value: "Director" } });
  fireEvent.change(screen.getByRole("textbox", { name: /Date signed off/ }), { target: { value: "08/04/2024" } });
  fireEvent.click(screen.getByRole("button", { name: "Sign off this plan" }));
  expect((await screen.findByText(/^Signed off: 26 values frozen\. Send this line to the BI team:/)).textContent).toMatch(/ OSP-ASCO-2024,2024\/25,[0-9a-f]{64},Jane Smith,2024-04-08$/);
  expect(await screen.findByText(/^Signed off by Jane Smith \(Director\) on 08\/04\/2024\./)).toBeTruthy();

  fireEvent.change(screen.getByRole("textbox", { name: /Recorded by/ }), { target: { value: "Sam Hughes" } });
  fireEvent.click(screen.getByRole("button", { name: "Record 2024/25 Q1" }));
  expect(await screen.findByText("2024/25 Q1: 5 rows recorded; 0 rows of other periods kept.")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Record 2024/25 Q1" }));
  expect(await screen.findByRole("alertdialog", { name: "Replace this quarter?" })).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Keep it" }));
  expect(readPlan(await port.read(), "Book1").plan.updates).toHaveLength(5);
  fireEvent.click(screen.getByRole("button", { name: "Record 2024/25 Q1" }));
  fireEvent.click(await screen.findByRole("button", { name: "Replace 2024/25 Q1" }));
  expect(await screen.findByText("2024/25 Q1: 5 rows recorded (replacing 5); 0 rows of other periods kept.")).toBeTruthy();

  fireEvent.click(screen.getByRole("button", { name: "Preview roll forward" }));
  expect(await screen.findByText("Carried forward, original due date kept: A-1")).toBeTruthy();
  expect(screen.getByText("Delivered, listed not copied: A-2")).toBeTruthy();

  fireEvent.click(screen.getByRole("button", { name: "Make next year's plan" }));
  expect(await screen.findByText("OSP-ASCO-2025 2025-26.xlsx opened. This workbook is not changed.", {}, { timeout: 20_000 })).toBeTruthy();
  expect(opened).toEqual(["OSP-ASCO-2025 2025-26.xlsx"]);
});

test("a sign-off date that is not a date is refused in words, and nothing is frozen", async () => {
  const { port } = await planOnDouble();
  renderInPane(<YearView services={{ year: yearOf(port) }} today={today} />);
  await screen.findByRole("heading", { name: "The planning year 2024/25" });
  fireEvent.change(screen.getByRole("textbox", { name: /Signed off by/ }), { target: { value: "Jane Smith" } });
  fireEvent.change(screen.getByRole("textbox", { name: /Role/ }), { target: { value: "Director" } });
  fireEvent.change(screen.getByRole("textbox", { name: /Date signed off/ }), { target: { value: "April" } });
  fireEvent.click(screen.getByRole("button", { name: "Sign off this plan" }));
  expect(await screen.findByText(/Date signed off: "April" is not a date; type it as dd\/mm\/yyyy\./)).toBeTruthy();
  expect(readPlan(await port.read(), "Book1").plan.cycle?.signOff).toBeNull();
});
