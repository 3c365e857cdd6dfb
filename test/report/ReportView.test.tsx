/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// The BI team's Report view: pick returns (and a register), build the CPOR, see each priority's
// headline and download the HTML page and the workbook; once over a double, once over the real services.
import { TextDecoder, TextEncoder } from "util";
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import { parsePeriod } from "../../src/model/period";
import { buildReturn } from "../../src/qsr/buildReturn";
import { returnJson } from "../../src/qsr/files/returnJson";
import { ReportView } from "../../src/taskpane/components/ReportView";
import type { ExportedFile } from "../../src/taskpane/paneModel";
import { createPaneServices } from "../../src/taskpane/services";
import type { WorkbookPort } from "../../src/workbook/port";
import { realisticPlan, SETTINGS } from "../qsr/planFixtures";
import { fakeServices } from "../taskpane/fakeServices";
import { renderInPane } from "../taskpane/render";

const g = globalThis as unknown as Record<string, unknown>;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;

test("builds the report from the chosen files, lists drafts left out, and downloads both forms", async () => {
  const services = fakeServices();
  const saved: ExportedFile[] = [];
  renderInPane(<ReportView services={services} save={(f) => saved.push(f)} />);
  const build = screen.getByRole("button", { name: "Build the report" });
  expect((build as HTMLButtonElement).disabled).toBe(true);
  fireEvent.change(screen.getByLabelText("Returns (xlsx or JSON)"), { target: { files: [new File(["{}"], "DSP-ASC-2024-25-Q2.json"), new File(["{}"], "OSP-ASCO-2024-25-Q2-DRAFT.json")] } });
  fireEvent.change(screen.getByLabelText("Measure register (optional)"), { target: { files: [new File(["{}"], "register.json")] } });
  fireEvent.click(screen.getByRole("button", { name: "Build the report" }));
  expect(await screen.findByText(/^1 return in the report; 1 draft left out \(OSP-ASCO-2024-25-Q2-DRAFT\.json\)/)).toBeTruthy();
  expect(services.calls).toContain("corporateReport DSP-ASC-2024-25-Q2.json,OSP-ASCO-2024-25-Q2-DRAFT.json previous=0 register=register.json");
  const table = screen.getByRole("table", { name: "Each priority this quarter" });
  expect(table.textContent).toContain("CP1: Children & Young People (no measures reported)");
  fireEvent.click(screen.getByRole("button", { name: "Download the report (HTML)" }));
  await screen.findByText("Saved CPOR 2024-25 Q2.html.");
  fireEvent.click(screen.getByRole("button", { name: "Download the workbook" }));
  await screen.findByText("Saved CPOR 2024-25 Q2.xlsx.");
  expect(saved.map((f) => f.fileName)).toEqual(["CPOR 2024-25 Q2.html", "CPOR 2024-25 Q2.xlsx"]);
});

test("over the real services: the Sefton register, every framework priority, a self-contained page", async () => {
  const port = new Proxy({}, { get: () => () => Promise.reject(new Error("the report touched the workbook")) }) as unknown as WorkbookPort;
  const real = createPaneServices(port, { store: null, today: () => new Date("2024-10-20T09:00:00Z") });
  const saved: ExportedFile[] = [];
  renderInPane(<ReportView services={real} save={(f) => saved.push(f)} />);
  const ret = buildReturn(realisticPlan("DSP-ASC", "Adult Social Care", 6, 4), SETTINGS, parsePeriod("2024/25 Q2"), { preparedBy: "A. Director", preparedOn: "2024-10-07", draft: false });
  fireEvent.change(screen.getByLabelText("Returns (xlsx or JSON)"), { target: { files: [new File([returnJson(ret)], "asc.json"), new File(["not a return"], "notes.json")] } });
  const register = fs.readFileSync(path.join(__dirname, "..", "..", "examples", "sefton-measure-register.json"), "utf8");
  fireEvent.change(screen.getByLabelText("Measure register (optional)"), { target: { files: [new File([register], "sefton-measure-register.json")] } });
  fireEvent.click(screen.getByRole("button", { name: "Build the report" }));
  expect(await screen.findByText(/^1 return in the report; 1 rejected; 4 data-quality findings\./, undefined, { timeout: 20000 })).toBeTruthy();
  const rows = screen.getByRole("table", { name: "Each priority this quarter" }).querySelectorAll("tbody tr");
  expect(Array.from(rows).map((r) => r.querySelector("th")!.textContent!.split(":")[0])).toEqual(["CP1", "CP2", "CP3", "CP4", "CP5", "CP6"]);
  expect(screen.getByRole("table", { name: "Rejected returns" }).textContent).toContain("notes.json");
  fireEvent.click(screen.getByRole("button", { name: "Download the report (HTML)" }));
  await screen.findByText("Saved CPOR 2024-25 Q2.html.");
  const html = new TextDecoder().decode(saved[0].bytes);
  expect(html).toMatch(/^<!DOCTYPE html>/);
  expect(html).not.toMatch(/<script|https?:\/\//);
});
