/** @jest-environment jsdom */
// The pane's trend chart for one measure: actuals with their RAG, targets, and the same figures as
// text, worked out from the measure by measureTrend (the rules the statuses use).
import * as React from "react";
import { screen, within } from "@testing-library/react";
import { measureSchema } from "../../src/model/plan";
import { measureTrend } from "../../src/status/trend";
import { figure, TrendChart, trendSummary } from "../../src/taskpane/components/TrendChart";
import { renderInPane } from "./render";

const tolerances = { greenWithin: 0, amberWithin: 5 };
const reablement = measureSchema.parse({
  id: "ASC-YTD-01",
  name: "People completing a reablement programme (year to date)",
  polarity: "High",
  frequency: "Quarterly",
  cumulative: true,
  unit: "number",
  annualTarget: 1600,
  q1Actual: 410,
  q2Actual: 790,
});

function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((r) => Array.from(r.querySelectorAll("th, td")).map((c) => c.textContent ?? ""));
}

test("a cumulative measure at Q2: actuals with their RAG, the year-to-date targets, later quarters not yet rated", () => {
  renderInPane(<TrendChart id="ASC-YTD-01" name="People completing a reablement programme (year to date)" unit="number" points={measureTrend(reablement, 2, tolerances)} />);
  expect(screen.getByRole("heading", { name: /Trend: ASC-YTD-01/ })).toBeTruthy();
  expect(rowsOf(screen.getByRole("table"))).toEqual([
    ["Q1", "410", "400", "Green"],
    ["Q2", "790", "800", "Amber"],
    ["Q3", "–", "1,200", "not yet"],
    ["Q4", "–", "1,600", "not yet"],
  ]);
  // The chart says in words what it draws; each point carries its RAG as a letter as well as a colour.
  const chart = screen.getByRole("img");
  expect(chart.getAttribute("aria-label")).toBe(
    "ASC-YTD-01 by quarter: Q1 actual 410, target 400, Green; Q2 actual 790, target 800, Amber; Q3 actual not reported, target 1,200; Q4 actual not reported, target 1,600",
  );
  expect(Array.from(chart.querySelectorAll("g[data-rag]")).map((g) => `${g.getAttribute("data-rag")}:${g.querySelector("text")!.textContent}`)).toEqual(["Green:G", "Amber:A"]);
});

test("an annual measure shows its one figure in its reported-in quarter and M before", () => {
  const survey = measureSchema.parse({ id: "SM24", name: "Quality of life", polarity: "High", frequency: "Annual", reportedIn: "Q2", annualTarget: 85, q2Actual: 86 });
  renderInPane(<TrendChart id="SM24" name="Quality of life" points={measureTrend(survey, 3, tolerances)} />);
  expect(rowsOf(screen.getByRole("table"))).toEqual([
    ["Q1", "–", "–", "M"],
    ["Q2", "86", "85", "Green"],
    ["Q3", "–", "–", "Green"],
    ["Q4", "–", "–", "not yet"],
  ]);
});

test("a measure with no figures says so instead of drawing an empty chart", () => {
  const blank = measureSchema.parse({ id: "M1", name: "New measure", polarity: "High", frequency: "Quarterly" });
  renderInPane(<TrendChart id="M1" name="New measure" points={measureTrend(blank, 1, tolerances)} />);
  expect(screen.queryByRole("img")).toBeNull();
  expect(screen.getByText("No figures for this measure yet.")).toBeTruthy();
  expect(trendSummary(measureTrend(blank, 1, tolerances))).toBe("no figures yet");
});

test("figures read as the sheets show them", () => {
  expect([figure(1234.567), figure(0.285), figure(-3), figure(null)]).toEqual(["1,234.57", "0.29", "-3", "–"]);
});
