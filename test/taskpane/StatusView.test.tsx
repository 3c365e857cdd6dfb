/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { StatusView } from "../../src/taskpane/components/StatusView";
import { fakeServices } from "./fakeServices";
import { renderInPane } from "./render";

function countOf(chart: string, label: string): string {
  const list = screen.getByRole("region", { name: chart });
  const row = within(list).getByText(label).closest("li")!;
  return row.lastElementChild!.textContent!;
}

test("shows RAG, direction and action counts as text, and switching quarter sets ReportingDate and updates them", async () => {
  const services = fakeServices();
  renderInPane(<StatusView services={services} />);
  expect((await screen.findByRole("status")).textContent).toBe("Statuses for 2024/25 Q1, reporting date 30/06/2024.");
  expect(countOf("Measures: RAG", "Green")).toBe("4");
  expect(screen.getByRole("list", { name: "Measures: RAG: Green 4, Amber 1, Red 0" })).toBeTruthy();

  const select = screen.getByRole("combobox", { name: /Reporting quarter/ });
  fireEvent.change(select, { target: { value: "2024/25 Q2" } });
  await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Statuses for 2024/25 Q2, reporting date 30/09/2024."));
  expect(services.calls).toContain("setReportingQuarter 2024/25 Q2");
  expect(countOf("Measures: RAG", "Red")).toBe("3");
  expect(countOf("Actions", "Slipped (more than 3 months)")).toBe("1");
});

test("a failure to set the quarter is shown", async () => {
  renderInPane(<StatusView services={fakeServices({ setReportingQuarter: async () => Promise.reject(new Error("Settings!B2 (ReportingDate) is locked")) })} />);
  const select = await screen.findByRole("combobox", { name: /Reporting quarter/ });
  fireEvent.change(select, { target: { value: "2024/25 Q3" } });
  expect((await screen.findByRole("alert")).textContent).toContain("ReportingDate) is locked");
});

test("shows the first measure's trend and another measure's when it is picked", async () => {
  renderInPane(<StatusView services={fakeServices()} />);
  const trend = await screen.findByTestId("measure-trend");
  expect(within(trend).getByRole("heading", { name: /Trend: KPI-01 People completing reablement/ })).toBeTruthy();
  expect(within(trend).getByRole("img").getAttribute("aria-label")).toContain("Q2 actual 790, target 800, Amber");
  fireEvent.change(within(trend).getByRole("combobox", { name: "Measure trend" }), { target: { value: "KPI-02" } });
  expect(within(trend).getByRole("heading", { name: /Trend: KPI-02/ })).toBeTruthy();
  // Not reported yet: only its target is drawn, and the words say so.
  expect(within(trend).getByRole("img").getAttribute("aria-label")).toBe("KPI-02 by quarter: Q2 actual not reported, target 85, M");
  expect(within(trend).getByRole("img").querySelectorAll("circle")).toHaveLength(0);
});
