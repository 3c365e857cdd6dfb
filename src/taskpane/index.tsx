// The task pane's entry: once Office is ready, check the host can run Golden Thread, then render the
// pane over the Excel adapter in the Office theme (as the yo office React template does).
import * as React from "react";
import { createRoot } from "react-dom/client";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { ExcelWorkbook } from "../excel/adapter";
import { checkExcelRequirements } from "../excel/requirements";
import { App } from "./components/App";
import { createPaneServices } from "./services";
import { followOfficeTheme } from "./theme";

function showProblem(container: HTMLElement, message: string): void {
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.style.cssText = "font-family: sans-serif; padding: 12px";
  p.textContent = message;
  container.replaceChildren(p);
}

void Office.onReady(() => {
  const container = document.getElementById("container")!;
  const check = checkExcelRequirements(Office.context.requirements);
  if (!check.ok) {
    showProblem(container, check.message);
    return;
  }
  const services = createPaneServices(new ExcelWorkbook());
  const root = createRoot(container);
  // Office.context.officeTheme at start and whenever it may have changed (Excel raises no theme event).
  followOfficeTheme(
    () => Office.context?.officeTheme,
    (dark) => root.render(<App services={services} theme={dark ? webDarkTheme : webLightTheme} />),
    window,
  );
});
