/** @jest-environment jsdom */
// The pane offers the views that apply to the open workbook: an empty workbook create or convert,
// a loose plan convert, a structured plan check, thread, status, year and return; the BI team's
// tools sit in their own menu whatever the workbook.
import "./domStubs";
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import type { WorkbookKind, WorkbookSummary } from "../../src/taskpane/paneModel";
import { computeAccessibleName } from "dom-accessibility-api";
import { fakeServices } from "./fakeServices";

const SUMMARY: Record<WorkbookKind, WorkbookSummary> = {
  empty: { kind: "empty", problems: [] },
  loose: { kind: "loose", problems: [] },
  plan: { kind: "plan", tier: "Directorate", formatVersion: 2, planId: "DSP-ASC-2024", planYear: "2024/25", problems: [] },
};

async function tabsFor(kind: WorkbookKind): Promise<string[]> {
  render(<App services={fakeServices({ detect: async () => SUMMARY[kind] })} theme={webLightTheme} />);
  await screen.findByTestId("workbook-kind");
  const nav = screen.getByRole("navigation", { name: "Views for this workbook" });
  return within(nav)
    .getAllByRole("tab")
    .map((t) => computeAccessibleName(t));
}

test("an empty workbook offers create and convert, and nothing that needs a plan", async () => {
  expect(await tabsFor("empty")).toEqual(["Home", "Create", "Convert"]);
});

test("a loose plan offers convert only", async () => {
  expect(await tabsFor("loose")).toEqual(["Home", "Convert"]);
});

test("a structured plan offers check, thread, status, year and return, and not create or convert", async () => {
  expect(await tabsFor("plan")).toEqual(["Home", "Check", "Golden thread", "Status", "Year", "Return"]);
});

test("the BI team's tools are in their own menu, not among the tabs, whatever the workbook", async () => {
  for (const kind of ["empty", "plan"] as const) {
    const { unmount } = render(<App services={fakeServices({ detect: async () => SUMMARY[kind] })} theme={webLightTheme} />);
    await screen.findByTestId("workbook-kind");
    expect(screen.queryByRole("tab", { name: "Framework settings" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "BI team" }));
    const items = (await screen.findAllByRole("menuitemradio")).map((i) => i.textContent);
    expect(items).toEqual(["Collect and report", "Framework settings"]);
    fireEvent.click(screen.getByRole("menuitemradio", { name: "Framework settings" }));
    expect(await screen.findByRole("heading", { name: "Settings", level: 2 })).toBeTruthy();
    unmount();
  }
});

test("once converted, Home looks again and the tabs become the plan's; Convert is no longer offered", async () => {
  let kind: WorkbookKind = "loose";
  render(<App services={fakeServices({ detect: async () => SUMMARY[kind] })} theme={webLightTheme} />);
  await screen.findByTestId("workbook-kind");
  fireEvent.click(screen.getByRole("tab", { name: "Convert" }));
  kind = "plan";
  await act(async () => {
    fireEvent.click(screen.getByRole("tab", { name: "Home" }));
  });
  expect(await screen.findByRole("tab", { name: "Check" })).toBeTruthy();
  expect(screen.queryByRole("tab", { name: "Convert" })).toBeNull();
  expect(screen.getByTestId("workbook-kind").textContent).toBe("This is a structured Directorate plan (DSP-ASC-2024, 2024/25).");
});
