/** @jest-environment jsdom */
import "./domStubs";
import * as React from "react";
import { render, screen, fireEvent } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { HomeView } from "../../src/taskpane/components/HomeView";
import type { WorkbookSummary } from "../../src/taskpane/paneModel";
import { fakeServices } from "./fakeServices";

function renderHome(summary: WorkbookSummary) {
  const onNavigate = jest.fn();
  const services = fakeServices({ detect: async () => summary });
  render(
    <FluentProvider theme={webLightTheme}>
      <HomeView services={services} onNavigate={onNavigate} />
    </FluentProvider>,
  );
  return onNavigate;
}

test("an empty workbook offers to create a plan", async () => {
  const onNavigate = renderHome({ kind: "empty", problems: [] });
  expect(await screen.findByText("This workbook is empty.")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Create a plan" }));
  expect(onNavigate).toHaveBeenCalledWith("create");
  expect(screen.queryByRole("button", { name: "Check plan" })).toBeNull();
});

test("a loose plan offers conversion", async () => {
  const onNavigate = renderHome({ kind: "loose", problems: [] });
  fireEvent.click(await screen.findByRole("button", { name: "Convert this plan" }));
  expect(onNavigate).toHaveBeenCalledWith("convert");
});

test("a structured plan names its tier, ID and year (not its format version) and offers the check, statuses and quarterly update", async () => {
  const onNavigate = renderHome({
    kind: "plan",
    tier: "Team",
    formatVersion: 1,
    planId: "TP-HC-2024",
    planYear: "2024/25",
    reportingPeriod: "2024/25 Q2",
    problems: ["Settings!B2: ReportingDate is not a date"],
  });
  expect((await screen.findByTestId("workbook-kind")).textContent).toBe("This is a structured Team plan (TP-HC-2024, 2024/25).");
  expect(screen.getByText("Reporting period: 2024/25 Q2.")).toBeTruthy();
  expect(screen.getByText("Settings!B2: ReportingDate is not a date")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Check plan" }));
  fireEvent.click(screen.getByRole("button", { name: "See statuses" }));
  fireEvent.click(screen.getByRole("button", { name: "Quarterly update" }));
  expect(onNavigate.mock.calls).toEqual([["check"], ["status"], ["year"]]);
});

test("a failure to read the workbook is shown as an alert", async () => {
  const services = fakeServices({ detect: async () => Promise.reject(new Error("Excel is busy editing a cell")) });
  render(
    <FluentProvider theme={webLightTheme}>
      <HomeView services={services} onNavigate={jest.fn()} />
    </FluentProvider>,
  );
  expect((await screen.findByRole("alert")).textContent).toContain("Excel is busy editing a cell");
});

test("a structured plan can add rows to Actions or Measures (5 by default)", async () => {
  const services = fakeServices({});
  render(
    <FluentProvider theme={webLightTheme}>
      <HomeView services={services} onNavigate={jest.fn()} />
    </FluentProvider>,
  );
  const count = (await screen.findByLabelText("Number of rows")) as HTMLInputElement;
  expect(count.value).toBe("5");
  fireEvent.click(screen.getByRole("button", { name: "Add rows" }));
  expect((await screen.findByRole("status")).textContent).toBe("Added 5 blank rows at the end of the Actions table.");
  fireEvent.change(screen.getByLabelText("Table"), { target: { value: "Measures" } });
  fireEvent.change(count, { target: { value: "12" } });
  fireEvent.click(screen.getByRole("button", { name: "Add rows" }));
  expect((await screen.findByText("Added 12 blank rows at the end of the Measures table.")).getAttribute("role")).toBe("status");
  expect(services.calls).toEqual(["addRows Actions 5", "addRows Measures 12"]);
  fireEvent.change(count, { target: { value: "0" } });
  expect((screen.getByRole("button", { name: "Add rows" }) as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByText("A whole number from 1 to 5000")).toBeTruthy();
});

test("an empty workbook offers no Add rows", async () => {
  renderHome({ kind: "empty", problems: [] });
  await screen.findByText("This workbook is empty.");
  expect(screen.queryByRole("button", { name: "Add rows" })).toBeNull();
});

test("a failure to add rows is shown as an alert naming the table", async () => {
  const services = fakeServices({ addRows: async () => Promise.reject(new Error('Cannot add rows: there is no table called "Measures" in this workbook.')) });
  render(
    <FluentProvider theme={webLightTheme}>
      <HomeView services={services} onNavigate={jest.fn()} />
    </FluentProvider>,
  );
  fireEvent.click(await screen.findByRole("button", { name: "Add rows" }));
  expect((await screen.findByRole("alert")).textContent).toContain('no table called "Measures"');
});
