/** @jest-environment jsdom */
import "./domStubs";
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { webDarkTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { isDarkBackground } from "../../src/taskpane/theme";
import { statusColour } from "../../src/taskpane/statusColours";
import { fakeServices } from "./fakeServices";

test("tabs move between views and a view keeps its results when you come back", async () => {
  render(<App services={fakeServices()} theme={webDarkTheme} />);
  expect(await screen.findByTestId("workbook-kind")).toBeTruthy();
  fireEvent.click(screen.getByRole("tab", { name: "Check" }));
  fireEvent.click(screen.getByRole("button", { name: "Run the checks" }));
  await screen.findByTestId("check-summary");
  fireEvent.click(screen.getByRole("tab", { name: "Status" }));
  expect(await screen.findByRole("heading", { name: "Status" })).toBeTruthy();
  fireEvent.click(screen.getByRole("tab", { name: "Check" }));
  expect(screen.getByTestId("check-summary").textContent).toMatch(/^4 findings/);
});

test("Home's next step opens the view it names", async () => {
  render(<App services={fakeServices()} theme={webDarkTheme} />);
  fireEvent.click(await screen.findByRole("button", { name: "Check plan" }));
  expect(screen.getByRole("tab", { name: "Check" }).getAttribute("aria-selected")).toBe("true");
});

test("the Office theme decides light or dark", () => {
  expect(isDarkBackground("#292929")).toBe(true);
  expect(isDarkBackground("#FFFFFF")).toBe(false);
  expect(isDarkBackground("#E6E6E6")).toBe(false);
  expect(isDarkBackground(undefined)).toBe(false);
});

test("each status family gets a colour, and unknown labels a neutral one", () => {
  expect(statusColour("Green")).toEqual(statusColour("Improving"));
  expect(statusColour("Red")).toEqual(statusColour("Slipped (more than 3 months)"));
  expect(statusColour("Amber")).not.toEqual(statusColour("Red"));
  expect(statusColour("M")).toEqual(statusColour("No longer viable"));
  expect(statusColour("Data only")).toEqual(statusColour("Scheduled for future quarters"));
  expect(statusColour("Slipped (less than 3 months)")).toEqual(statusColour("Amber"));
  expect(statusColour("Delivered")).toEqual(statusColour("Green"));
});
