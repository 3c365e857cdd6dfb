/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// (ExcelJS's Node build, which jest loads, needs uuid's CommonJS face, not the browser ESM one.)
// The pane's collect (the BI team's Collect and report view) end to end in a DOM: the user picks two xlsx returns and a bad file; the real
// services read them with the browser-safe reader, roll them up with collect() and offer the workbook.
import { TextDecoder, TextEncoder } from "util";
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import ExcelJS from "exceljs";
import { parsePeriod } from "../../src/model/period";
import { buildReturn } from "../../src/qsr/buildReturn";
import { returnWorkbook } from "../../src/qsr/files/returnXlsx";
import { ReportView } from "../../src/taskpane/components/ReportView";
import type { ExportedFile } from "../../src/taskpane/paneModel";
import { createPaneServices } from "../../src/taskpane/services";
import type { WorkbookPort } from "../../src/workbook/port";
import { realisticPlan, SETTINGS } from "../qsr/planFixtures";
import { fakeServices } from "./fakeServices";
import { renderInPane } from "./render";

// jsdom leaves out the encoders every browser has.
const g = globalThis as unknown as Record<string, unknown>;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;

async function returnFile(planId: string, name: string): Promise<File> {
  const r = buildReturn(realisticPlan(planId, "Adult Social Care", 4, 3), SETTINGS, parsePeriod("2024/25 Q2"), { preparedBy: "A. Director", preparedOn: "2024-10-07", draft: false });
  return new File([new Uint8Array((await returnWorkbook(r).xlsx.writeBuffer()) as ArrayBuffer)], name);
}

test("picking two xlsx returns and a bad file gives the roll-up counts, the reject and the roll-up workbook", async () => {
  // Collecting never touches the open workbook.
  const port = new Proxy({}, { get: () => () => Promise.reject(new Error("collect touched the workbook")) }) as unknown as WorkbookPort;
  const real = createPaneServices(port, { store: null, today: () => new Date("2024-10-20T09:00:00Z") });
  const saved: ExportedFile[] = [];
  renderInPane(<ReportView services={{ ...fakeServices(), collectReturns: real.collectReturns }} save={(f) => saved.push(f)} />);
  const input = (await screen.findByLabelText("Returns (xlsx or JSON)")) as HTMLInputElement;
  const files = [await returnFile("DSP-ASC-2024", "asc.xlsx"), await returnFile("OSP-HC-2024", "home care.xlsx"), new File(["Dear BI team, please find attached"], "cover note.xlsx")];
  fireEvent.change(input, { target: { files } });
  fireEvent.click(screen.getByRole("button", { name: "Collect into a roll-up" }));

  expect(await screen.findByText(/^2 returns collected: 6 measures, 8 actions, \d+ exceptions?; 1 rejected/, {}, { timeout: 20_000 })).toBeTruthy();
  expect(screen.getByRole("heading", { name: "Roll-up for 2024/25 Q2" })).toBeTruthy();
  const rows = screen.getAllByRole("row").map((r) => Array.from(r.querySelectorAll("td")).map((c) => c.textContent));
  expect(rows.filter((r) => r.length > 0)).toEqual([["cover note.xlsx", "", "", "not an Excel .xlsx workbook (the file is not a zip package)"]]);

  fireEvent.click(screen.getByRole("button", { name: "Download QSR roll-up 2024-25 Q2.xlsx" }));
  expect(await screen.findByText("Saved QSR roll-up 2024-25 Q2.xlsx.")).toBeTruthy();
  expect(saved).toHaveLength(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(saved[0].bytes) as unknown as ExcelJS.Buffer);
  expect(wb.worksheets.length).toBeGreaterThan(3);
});

test("the BI team collects many returns, sees the counts and the rejects, and downloads the roll-up", async () => {
  const saved: ExportedFile[] = [];
  renderInPane(<ReportView services={fakeServices()} save={(f) => saved.push(f)} />);
  const collect = screen.getByRole("button", { name: "Collect into a roll-up" });
  expect(collect.hasAttribute("disabled")).toBe(true); // nothing chosen yet
  const files = [new File([new Uint8Array([1])], "a.xlsx"), new File([new Uint8Array([2])], "b.xlsx"), new File(["x"], "notes.txt")];
  fireEvent.change(screen.getByLabelText("Returns (xlsx or JSON)"), { target: { files } });
  expect(screen.getByText("3 files: a.xlsx, b.xlsx, notes.txt")).toBeTruthy();
  fireEvent.click(collect);
  expect(await screen.findByText(/^2 returns collected: 8 measures, 8 actions, 1 exception; 1 rejected/)).toBeTruthy();
  const rejects = screen.getByRole("table", { name: "Rejected returns" });
  expect(rejects.textContent).toContain("notes.txt");
  expect(rejects.textContent).toContain("not a return workbook");
  expect(saved).toEqual([]);
  fireEvent.click(screen.getByRole("button", { name: "Download QSR roll-up 2024-25 Q2.xlsx" }));
  expect(await screen.findByText("Saved QSR roll-up 2024-25 Q2.xlsx.")).toBeTruthy();
  expect(saved.map((f) => f.fileName)).toEqual(["QSR roll-up 2024-25 Q2.xlsx"]);
});

test("the report view's file choosers are Fluent buttons, not bare file inputs", () => {
  renderInPane(<ReportView services={fakeServices()} />);
  expect(screen.getAllByRole("button", { name: /Choose (a file|files)…/ })).toHaveLength(3);
  // The native inputs stay for the labels, out of sight and out of the tab order.
  for (const input of Array.from(document.querySelectorAll("input[type=file]"))) expect(input.getAttribute("tabindex")).toBe("-1");
});
