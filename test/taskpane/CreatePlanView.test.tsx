/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import { CreatePlanView } from "../../src/taskpane/components/CreatePlanView";
import { fakeServices } from "./fakeServices";
import { renderInPane } from "./render";

test("creates a plan of the chosen tier and year from the framework", async () => {
  const services = fakeServices();
  renderInPane(<CreatePlanView services={services} onNavigate={jest.fn()} />);
  expect(await screen.findByText("Framework: Sefton Council 2024/25 (change it in Settings).")).toBeTruthy();
  const create = screen.getByRole("button", { name: "Create plan" }) as HTMLButtonElement;
  expect(create.disabled).toBe(true); // no plan ID yet
  fireEvent.change(screen.getByRole("combobox", { name: "Tier" }), { target: { value: "Team" } });
  expect(screen.getByRole("textbox", { name: "Team" })).toBeTruthy(); // team plans name their team
  fireEvent.change(screen.getByRole("combobox", { name: "Plan year" }), { target: { value: "2025/26" } });
  fireEvent.change(screen.getByRole("textbox", { name: /Plan ID/ }), { target: { value: " TP-HC-2025 " } });
  fireEvent.click(create);
  expect(await screen.findByText(/The Team plan TP-HC-2025 for 2025\/26 is ready/)).toBeTruthy();
  expect(services.calls).toEqual(["createPlan Team 2025/26 TP-HC-2025"]);
});

test("offers the framework's plan year and the next one, in the 2024/25 form", async () => {
  renderInPane(<CreatePlanView services={fakeServices()} onNavigate={jest.fn()} />);
  await screen.findByText(/Framework: Sefton/);
  const options = Array.from((screen.getByRole("combobox", { name: "Plan year" }) as HTMLSelectElement).options).map((o) => o.value);
  expect(options).toEqual(["2024/25", "2025/26"]);
});

test("says which measure register the Measure ID list comes from", async () => {
  const services = fakeServices();
  const { unmount } = renderInPane(<CreatePlanView services={services} onNavigate={jest.fn()} />);
  expect(await screen.findByText("Measure IDs are offered from the example Sefton register shipped with Golden Thread (change it in Settings).")).toBeTruthy();
  unmount();
  await services.importRegister("wirral-register.json", JSON.stringify({ council: "Wirral Council", measures: [] }));
  renderInPane(<CreatePlanView services={services} onNavigate={jest.fn()} />);
  expect(await screen.findByText("Measure IDs are offered from wirral-register.json (change it in Settings).")).toBeTruthy();
});

test("with no measure register, says IDs are typed freely and offers no register measures to start with", async () => {
  const services = fakeServices();
  await services.useNoRegister();
  renderInPane(<CreatePlanView services={services} onNavigate={jest.fn()} />);
  expect(await screen.findByText("No measure register: measure IDs are typed freely (change it in Settings).")).toBeTruthy();
  expect(screen.queryByRole("textbox", { name: /Start with register measures/ })).toBeNull();
});

test("the plan can start with register measures, passed as typed", async () => {
  const services = fakeServices();
  renderInPane(<CreatePlanView services={services} onNavigate={jest.fn()} />);
  await screen.findByText(/Measure IDs are offered from/);
  fireEvent.change(screen.getByRole("textbox", { name: /Plan ID/ }), { target: { value: "OSP-ASC-2024" } });
  fireEvent.change(screen.getByRole("textbox", { name: /Start with register measures/ }), { target: { value: "SM15, CP2" } });
  fireEvent.click(screen.getByRole("button", { name: "Create plan" }));
  await screen.findByText(/is ready/);
  expect(services.calls).toEqual(["createPlan Operational 2024/25 OSP-ASC-2024 fromRegister=SM15, CP2"]);
});
