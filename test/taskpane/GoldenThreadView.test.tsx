/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, screen, within } from "@testing-library/react";
import { GoldenThreadView } from "../../src/taskpane/components/GoldenThreadView";
import { fakeServices } from "./fakeServices";
import { renderInPane } from "./render";

test("shows the tree from priority to actions with broken and unserved links in words", async () => {
  const services = fakeServices();
  renderInPane(<GoldenThreadView services={services} />);
  const tree = await screen.findByRole("tree", { name: /Golden thread from Corporate Plan/ });
  expect(within(tree).getByRole("treeitem", { name: /^CP2 ?: Care and support that empowers people \(Corporate\)/ })).toBeTruthy();
  expect(within(tree).getByRole("treeitem", { name: /^OSP-01 ?: Recommission home care \(Operational\)$/ })).toBeTruthy();
  expect(within(tree).getByRole("treeitem", { name: /^DSP-ASC-02 ?: Grow shared lives \(Directorate\).*Nothing serves this/ })).toBeTruthy();
  const broken = screen.getByRole("region", { name: "Broken links: 1" });
  fireEvent.click(within(broken).getByRole("button", { name: "OSP-09" }));
  expect(services.selected).toEqual(["Actions!D13"]);
  expect(screen.getByRole("region", { name: "Priorities and parent actions nothing serves: 1" })).toBeTruthy();
});

test("imports the parent plan from a file", async () => {
  const services = fakeServices();
  renderInPane(<GoldenThreadView services={services} />);
  await screen.findByRole("tree");
  const input = screen.getByLabelText("Import the parent plan (xlsx)") as HTMLInputElement;
  const file = new File([new Uint8Array([80, 75, 3, 4])], "DSP ASC 2024.xlsx");
  fireEvent.change(input, { target: { files: [file] } });
  expect(await screen.findByText("Parent plan: DSP ASC 2024.xlsx")).toBeTruthy();
  expect(services.calls).toEqual(["importParentPlan DSP ASC 2024.xlsx"]);
});

test("after importing the parent plan, updates this plan's Register from it once the user confirms how many entries replace how many", async () => {
  const services = fakeServices();
  renderInPane(<GoldenThreadView services={services} />);
  await screen.findByRole("tree");
  expect(screen.queryByRole("button", { name: /Update this plan's Register/ })).toBeNull();
  const file = new File([new Uint8Array([80, 75, 3, 4])], "DSP ASC 2024.xlsx");
  fireEvent.change(screen.getByLabelText("Import the parent plan (xlsx)"), { target: { files: [file] } });

  fireEvent.click(await screen.findByRole("button", { name: "Update this plan's Register from DSP-ASC-2024" }));
  const ask = screen.getByRole("alertdialog", { name: "Replace the Register?" });
  expect(ask.textContent).toMatch(/Replace the 7 entries in this plan's Register with 12 entries from DSP-ASC-2024/);
  fireEvent.click(within(ask).getByRole("button", { name: "Cancel" }));
  expect(services.calls).toEqual(["importParentPlan DSP ASC 2024.xlsx"]);

  fireEvent.click(screen.getByRole("button", { name: "Update this plan's Register from DSP-ASC-2024" }));
  fireEvent.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Replace the Register" }));
  expect(await screen.findByText("The Register now lists 12 entries from DSP-ASC-2024: the link dropdown offers its actions.")).toBeTruthy();
  expect(services.calls).toEqual(["importParentPlan DSP ASC 2024.xlsx", "updateRegister DSP-ASC-2024"]);
});

test("a failed Register update is shown, not swallowed", async () => {
  const services = fakeServices({
    updateRegister: async () => {
      throw new Error('Cannot replace the rows of table "Register": sheet "Register" is protected. Unprotect it first.');
    },
  });
  renderInPane(<GoldenThreadView services={services} />);
  await screen.findByRole("tree");
  fireEvent.change(screen.getByLabelText("Import the parent plan (xlsx)"), { target: { files: [new File([new Uint8Array([80, 75, 3, 4])], "DSP.xlsx")] } });
  fireEvent.click(await screen.findByRole("button", { name: "Update this plan's Register from DSP-ASC-2024" }));
  fireEvent.click(screen.getByRole("button", { name: "Replace the Register" }));
  expect(await screen.findByText(/sheet "Register" is protected/)).toBeTruthy();
});

test("a plan offered as its own parent is refused in words that say what to choose instead, and no parent is set", async () => {
  const refusal = "OSP-ASC-2024.xlsx is plan OSP-ASC-2024 itself: a plan cannot be its own parent. Choose the Directorate plan it delivers.";
  const services = fakeServices({ importParentPlan: async () => Promise.reject(new Error(refusal)) });
  renderInPane(<GoldenThreadView services={services} />);
  await screen.findByRole("tree");
  const file = new File([new Uint8Array([80, 75, 3, 4])], "OSP-ASC-2024.xlsx");
  fireEvent.change(screen.getByLabelText("Import the parent plan (xlsx)"), { target: { files: [file] } });
  expect((await screen.findByRole("alert")).textContent).toBe(refusal);
  expect(screen.queryByText(/^Parent plan: OSP-ASC-2024/)).toBeNull();
  expect(screen.queryByRole("button", { name: /Update this plan's Register/ })).toBeNull();
});
