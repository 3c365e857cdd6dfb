/** @jest-environment jsdom */
// Issue 10, item 7: a ribbon notice Office could not show in a dialog reaches the user in the pane.
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import { UNSHOWN_NOTICE_KEY } from "../../src/commands/notify";
import { UnshownNotice } from "../../src/taskpane/components/UnshownNotice";
import { renderInPane } from "./render";

test("the pane shows the notice the dialog could not, once, and Dismiss clears it", () => {
  localStorage.setItem(
    UNSHOWN_NOTICE_KEY,
    JSON.stringify({
      title: "Check plan: 2 findings",
      message: "1 error, 1 warning.",
      problem: 'Golden Thread could not show "Check plan: 2 findings": the notice window was declined or blocked. Allow it.',
    }),
  );
  renderInPane(<UnshownNotice />);
  expect(screen.getByRole("status", { name: "Ribbon command result" }).textContent).toContain(
    "Check plan: 2 findings1 error, 1 warning.(Shown here because the notice window was declined or blocked. Allow it.)",
  );
  fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
  expect(screen.queryByRole("status", { name: "Ribbon command result" })).toBeNull();
  expect(localStorage.getItem(UNSHOWN_NOTICE_KEY)).toBeNull();
});

test("nothing waiting, or something unreadable, shows nothing", () => {
  localStorage.setItem(UNSHOWN_NOTICE_KEY, "{not json");
  const { container } = renderInPane(<UnshownNotice />);
  expect(container.textContent).toBe("");
});
