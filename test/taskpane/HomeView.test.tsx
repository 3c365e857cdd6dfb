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

test("a structured plan names its tier, ID, year and format version and offers the check", async () => {
  const onNavigate = renderHome({ kind: "plan", tier: "Team", formatVersion: 1, planId: "TP-HC-2024", planYear: "2024/25", reportingPeriod: "2024/25 Q2", problems: ["Settings!B2: ReportingDate is not a date"] });
  expect((await screen.findByTestId("workbook-kind")).textContent).toBe("This is a structured Team plan (TP-HC-2024, 2024/25) in format version 1.");
  expect(screen.getByText("Reporting period: 2024/25 Q2.")).toBeTruthy();
  expect(screen.getByText("Settings!B2: ReportingDate is not a date")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Check plan" }));
  fireEvent.click(screen.getByRole("button", { name: "See statuses" }));
  expect(onNavigate.mock.calls).toEqual([["check"], ["status"]]);
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
