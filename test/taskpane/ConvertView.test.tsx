/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import { ConvertView, confidenceWords } from "../../src/taskpane/components/ConvertView";
import { fakeServices } from "./fakeServices";
import { renderInPane } from "./render";

test("confidence is said in words", () => {
  expect([0.95, 0.7, 0.3, 0].map(confidenceWords)).toEqual(["sure", "likely", "a guess", "no match"]);
});

test("proposes a mapping with a preview, takes a correction, lists unread dates, converts with progress and reports Unmapped", async () => {
  const services = fakeServices();
  const onNavigate = jest.fn();
  renderInPane(<ConvertView services={services} onNavigate={onNavigate} />);
  fireEvent.click(screen.getByRole("button", { name: "Read this workbook" }));
  const ownerSelect = await screen.findByRole("combobox", { name: "Plan column Owner becomes" });
  expect((ownerSelect as HTMLSelectElement).value).toBe("leadOfficer");
  expect(screen.getByText("Review the housing allocations policy")).toBeTruthy(); // preview
  expect(screen.getByRole("heading", { name: "Dates that could not be read (1)" })).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Plan!E7" }));
  expect(services.selected).toEqual(["Plan!E7"]);

  // Correct a column: "What we will do" -> Due date is wrong, but the user may also keep it in Unmapped.
  fireEvent.change(screen.getByRole("combobox", { name: "Plan column What we will do becomes" }), { target: { value: "" } });
  fireEvent.change(screen.getByRole("combobox", { name: /Tier of this plan/ }), { target: { value: "Team" } });
  fireEvent.click(screen.getByRole("button", { name: "Convert" }));
  expect(await screen.findByText("12 actions and 0 measures are now in the plan.")).toBeTruthy();
  expect(services.calls[0]).toBe(`convert Team ${JSON.stringify([["actions", ["id", null, "leadOfficer", null]]])}`);
  expect(screen.getByText("Plan: Notes to self (12 cells)")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Check plan" }));
  expect(onNavigate).toHaveBeenCalledWith("check");
});

test("a sheet can be kept whole in Unmapped", async () => {
  const services = fakeServices();
  renderInPane(<ConvertView services={services} onNavigate={jest.fn()} />);
  fireEvent.click(screen.getByRole("button", { name: "Read this workbook" }));
  fireEvent.change(await screen.findByRole("combobox", { name: "What the rows of Plan are" }), { target: { value: "unmapped" } });
  expect(screen.queryByRole("table", { name: "Column mapping for Plan" })).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "Convert" }));
  await screen.findByText(/are now in the plan/);
  expect(services.calls[0]).toMatch(/^convert Operational \[\["unmapped"/);
});

test("a conversion that would replace a sheet holding data is refused with the use case's words, and the mapping stays for another go", async () => {
  const refusal =
    'Book1: the plan\'s sheets would replace your sheet "Actions", which holds data. Nothing was changed. Rename it (for example to "Actions (original)") or use a new workbook, then try again.';
  renderInPane(<ConvertView services={fakeServices({ convert: async () => Promise.reject(new Error(refusal)) })} onNavigate={jest.fn()} />);
  fireEvent.click(screen.getByRole("button", { name: "Read this workbook" }));
  await screen.findByRole("combobox", { name: "Plan column Owner becomes" });
  fireEvent.click(screen.getByRole("button", { name: "Convert" }));
  expect((await screen.findByRole("alert")).textContent).toContain(refusal);
  expect(screen.getByRole("button", { name: "Convert" })).toBeTruthy();
  expect(screen.getByRole("combobox", { name: "Plan column Owner becomes" })).toBeTruthy();
});
