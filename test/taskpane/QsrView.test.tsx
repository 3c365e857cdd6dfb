/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { QsrView } from "../../src/taskpane/components/QsrView";
import type { ExportedFile } from "../../src/taskpane/paneModel";
import { fakeServices } from "./fakeServices";
import { renderInPane } from "./render";

test("lists what exceptions need for the chosen quarter, and exports the return", async () => {
  const services = fakeServices();
  const saved: ExportedFile[] = [];
  renderInPane(<QsrView services={services} save={(f) => saved.push(f)} />);
  expect(await screen.findByText("Every exception has its reason, corrective action and recovery date.")).toBeTruthy();
  fireEvent.change(screen.getByRole("combobox", { name: "Return for" }), { target: { value: "2024/25 Q2" } });
  const gap = await screen.findByRole("button", { name: "KPI-01 (Measures!AA7)" });
  fireEvent.click(gap);
  expect(services.selected).toEqual(["Measures!AA7"]);
  fireEvent.click(screen.getByRole("button", { name: "Export return (xlsx)" }));
  expect(await screen.findByText("Saved QSR OSP-ASC-2024 2024-25 Q2.xlsx.")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Export return (JSON)" }));
  await waitFor(() => expect(saved.map((f) => f.fileName)).toEqual(["QSR OSP-ASC-2024 2024-25 Q2.xlsx", "QSR OSP-ASC-2024 2024-25 Q2.json"]));
});

test("the BI team collects many returns, sees the counts and the rejects, and downloads the roll-up", async () => {
  const saved: ExportedFile[] = [];
  renderInPane(<QsrView services={fakeServices()} save={(f) => saved.push(f)} />);
  const input = (await screen.findByLabelText("Choose the returns to collect")) as HTMLInputElement;
  const files = [new File([new Uint8Array([1])], "a.xlsx"), new File([new Uint8Array([2])], "b.xlsx"), new File(["x"], "notes.txt")];
  fireEvent.change(input, { target: { files } });
  expect(await screen.findByText(/^2 returns collected: 8 measures, 8 actions, 1 exception; 1 rejected/)).toBeTruthy();
  const rejects = screen.getByRole("table", { name: "Rejected returns" });
  expect(rejects.textContent).toContain("notes.txt");
  expect(rejects.textContent).toContain("not a return workbook");
  expect(saved).toEqual([]);
  fireEvent.click(screen.getByRole("button", { name: "Download QSR roll-up 2024-25 Q2.xlsx" }));
  expect(saved.map((f) => f.fileName)).toEqual(["QSR roll-up 2024-25 Q2.xlsx"]);
});
