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
  const gap = await screen.findByRole("button", { name: "Go to Measures!AA7" });
  expect(gap.closest("li")!.querySelector("strong")!.textContent).toBe("Measure KPI-01");
  fireEvent.click(gap);
  expect(services.selected).toEqual(["Measures!AA7"]);
  fireEvent.click(screen.getByRole("button", { name: "Export return (xlsx)" }));
  expect(await screen.findByText("Saved QSR OSP-ASC-2024 2024-25 Q2.xlsx.")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Export return (JSON)" }));
  await waitFor(() => expect(saved.map((f) => f.fileName)).toEqual(["QSR OSP-ASC-2024 2024-25 Q2.xlsx", "QSR OSP-ASC-2024 2024-25 Q2.json"]));
});

test("the return view offers no collecting: that is the BI team's, in their own menu", async () => {
  renderInPane(<QsrView services={fakeServices()} />);
  expect(await screen.findByText("Every exception has its reason, corrective action and recovery date.")).toBeTruthy();
  expect(screen.queryByText(/collect/i)).toBeNull();
  expect(document.querySelector("input[type=file]")).toBeNull();
});
