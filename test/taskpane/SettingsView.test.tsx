/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import { SettingsView } from "../../src/taskpane/components/SettingsView";
import { fakeServices } from "./fakeServices";
import { renderInPane } from "./render";

test("shows the current framework and imports a new one", async () => {
  renderInPane(<SettingsView services={fakeServices()} />);
  expect(await screen.findByRole("heading", { name: "Sefton Council framework, 2024/25" })).toBeTruthy();
  expect(screen.getByText("An action has slipped when it is 3 months or more past its approved due date.")).toBeTruthy();
  const file = new File([JSON.stringify({ council: "Wirral Council", planYear: "2025/26" })], "wirral.json", { type: "application/json" });
  fireEvent.change(screen.getByLabelText(/Import the council's framework file/), { target: { files: [file] } });
  expect(await screen.findByRole("heading", { name: "Wirral Council framework, 2025/26" })).toBeTruthy();
  expect(screen.getByText("From wirral.json.")).toBeTruthy();
});

test("a framework file that does not parse is reported with its name", async () => {
  const services = fakeServices({ importFramework: async (name) => Promise.reject(new Error(`${name}: not valid JSON (Unexpected token)`)) });
  renderInPane(<SettingsView services={services} />);
  await screen.findByRole("heading", { name: /Sefton/ });
  fireEvent.change(screen.getByLabelText(/Import the council's framework file/), { target: { files: [new File(["{"], "broken.json")] } });
  expect((await screen.findByRole("alert")).textContent).toBe("broken.json: not valid JSON (Unexpected token)");
});

test("the measure register: the example Sefton register until the council's is imported, and back to the example", async () => {
  const services = fakeServices();
  renderInPane(<SettingsView services={services} />);
  expect(await screen.findByText("In use: the example Sefton register shipped with Golden Thread, 85 measures.")).toBeTruthy();
  expect(screen.queryByRole("button", { name: "Use the example Sefton register" })).toBeNull();
  const file = new File([JSON.stringify({ formatVersion: 1, council: "Wirral Council", measures: [{ id: "W1", name: "Households in temporary accommodation" }] })], "wirral-register.json");
  fireEvent.change(screen.getByLabelText(/Import the council's measure register/), { target: { files: [file] } });
  expect(await screen.findByText("In use: Wirral Council register from wirral-register.json, 1 measure.")).toBeTruthy();
  expect(screen.getByRole("status").textContent).toBe("Measure register imported.");
  fireEvent.click(screen.getByRole("button", { name: "Use the example Sefton register" }));
  expect(await screen.findByText("In use: the example Sefton register shipped with Golden Thread, 85 measures.")).toBeTruthy();
});

test("a register file that does not parse is reported with its name and the register in use stays", async () => {
  const services = fakeServices({ importRegister: async (name) => Promise.reject(new Error(`${name}: measures[3].unit: expected a string`)) });
  renderInPane(<SettingsView services={services} />);
  await screen.findByText(/In use: the example Sefton register/);
  fireEvent.change(screen.getByLabelText(/Import the council's measure register/), { target: { files: [new File(["{}"], "register.json")] } });
  expect((await screen.findByRole("alert")).textContent).toBe("register.json: measures[3].unit: expected a string");
  expect(screen.getByText(/In use: the example Sefton register/)).toBeTruthy();
});

test("the measure register: no register at all, then the example again", async () => {
  const services = fakeServices();
  renderInPane(<SettingsView services={services} />);
  await screen.findByText(/In use: the example Sefton register/);
  fireEvent.click(screen.getByRole("button", { name: "Use no measure register" }));
  expect(await screen.findByText("No measure register: measure IDs are typed freely.")).toBeTruthy();
  expect(screen.getByRole("status").textContent).toBe("New plans and Check now use no measure register.");
  expect(screen.queryByRole("button", { name: "Use no measure register" })).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "Use the example Sefton register" }));
  expect(await screen.findByText("In use: the example Sefton register shipped with Golden Thread, 85 measures.")).toBeTruthy();
});

test("a saved register that could not be read is said so, with the reason, and the example shown in use", async () => {
  const example = await fakeServices().currentRegister();
  const services = fakeServices({ currentRegister: async () => ({ ...example, unreadable: "wirral-register.json: not valid JSON (Unexpected end of JSON input)" }) });
  renderInPane(<SettingsView services={services} />);
  expect(
    await screen.findByText(
      "The register saved before could not be read (wirral-register.json: not valid JSON (Unexpected end of JSON input)); the example Sefton register is in use. Import yours again.",
    ),
  ).toBeTruthy();
  expect(screen.getByText("In use: the example Sefton register shipped with Golden Thread, 85 measures.")).toBeTruthy();
});
