/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { CheckView, aboutWhat, groupFindings } from "../../src/taskpane/components/CheckView";
import { FINDINGS, fakeServices } from "./fakeServices";
import { renderInPane } from "./render";

test("groups findings by criterion, errors before warnings before info", () => {
  const groups = groupFindings(FINDINGS);
  expect(groups.map((g) => [g.criterion, g.total])).toEqual([
    ["Specific", 2],
    ["Responsible", 1],
    ["Time-bound", 1],
  ]);
  expect(groups[0].bySeverity.map((s) => s.severity)).toEqual(["warning", "info"]);
});

test("runs the check, shows counts by criterion and severity, selects a finding's cell, re-checks", async () => {
  const services = fakeServices();
  renderInPane(<CheckView services={services} />);
  fireEvent.click(screen.getByRole("button", { name: "Run the checks" }));
  expect((await screen.findByTestId("check-summary")).textContent).toBe("4 findings on 3 actions: 2 errors, 1 warning, 1 info.");
  const specific = screen.getByRole("region", { name: "Specific: 2 findings" });
  expect(within(specific).getByText("Warning: 1")).toBeTruthy();
  expect(within(specific).getByText("Info: 1")).toBeTruthy();
  expect(screen.getByRole("heading", { name: "Time-bound (1)" })).toBeTruthy();

  fireEvent.click(screen.getByRole("button", { name: "Go to Actions!G6: No lead officer." }));
  await screen.findByText("Selected Actions!G6 in the sheet.");
  expect(services.selected).toEqual(["Actions!G6"]);

  fireEvent.click(screen.getByRole("button", { name: "Check again" }));
  await waitFor(() => expect(screen.getByTestId("check-summary").textContent).toBe("3 findings on 3 actions: 2 errors, 0 warnings, 1 info."));
  expect(screen.queryByRole("region", { name: /Specific: 2/ })).toBeNull();
});

test("a clean plan says so", async () => {
  renderInPane(<CheckView services={fakeServices({ runCheck: async () => ({ findings: [], checkedActions: 7, checkedAt: "" }) })} />);
  fireEvent.click(screen.getByRole("button", { name: "Run the checks" }));
  expect((await screen.findByTestId("check-summary")).textContent).toBe("No findings: all 7 actions pass the checks.");
});

test("a cell that cannot be selected is reported, not swallowed", async () => {
  renderInPane(<CheckView services={fakeServices({ selectCell: async () => Promise.reject(new Error("Actions!G6: the sheet is protected")) })} />);
  fireEvent.click(screen.getByRole("button", { name: "Run the checks" }));
  fireEvent.click(await screen.findByRole("button", { name: /Go to Actions!G6/ }));
  expect((await screen.findByRole("alert")).textContent).toContain("the sheet is protected");
});

test("a finding is labelled by what it is about, with its cell as a link", async () => {
  renderInPane(<CheckView services={fakeServices()} />);
  fireEvent.click(screen.getByRole("button", { name: "Run the checks" }));
  await screen.findByTestId("check-summary");
  const link = screen.getByRole("button", { name: /^Go to Actions!G6/ });
  expect(link.textContent).toBe("Actions!G6");
  expect(link.closest("li")!.querySelector("strong")!.textContent).toBe("Action OSP-02: Lead officer");
});

test("what a finding is about names the action or measure, or the sheet when it has no ID", () => {
  expect(aboutWhat({ sheet: "Actions", actionId: "DSP-02" })).toBe("Action DSP-02");
  expect(aboutWhat({ sheet: "Measures", actionId: "KPI-01" })).toBe("Measure KPI-01");
  expect(aboutWhat({ sheet: "Plan details" })).toBe("Plan details");
  expect(aboutWhat({ sheet: "Measures", actionId: "SM15", field: "Annual target" })).toBe("Measure SM15: Annual target");
  expect(aboutWhat({ sheet: "Actions", actionId: "DSP-02", field: "Action" })).toBe("Action DSP-02: Action text");
});
