// The task pane's entry: once Office is ready, check the host can run Golden Thread, then render the
// pane over the Excel adapter in the Office theme (as the yo office React template does).
import * as React from "react";
import { createRoot } from "react-dom/client";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { ExcelWorkbook } from "../excel/adapter";
import { checkExcelRequirements } from "../excel/requirements";
import { App } from "./components/App";
import { createPaneServices } from "./services";
import { isDarkBackground } from "./theme";

function themeOfOffice() {
  const theme = Office.context?.officeTheme as { bodyBackgroundColor?: string } | undefined;
  return isDarkBackground(theme?.bodyBackgroundColor) ? webDarkTheme : webLightTheme;
}

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
  const render = () => root.render(<App services={services} theme={themeOfOffice()} />);
  render();
  // Follow the theme when the user changes it while the pane is open (where Office supports it).
  try {
    Office.context.document?.addHandlerAsync?.(Office.EventType.OfficeThemeChanged, render);
  } catch {
    // Older hosts have no theme-changed event; the theme is read at each open.
  }
});
