// The pane's views. "plan" views sit in the tab row and are offered only for the kinds of workbook
// they can act on; the BI team's tools sit in their own menu, whatever the workbook.
import type { WorkbookKind } from "../paneModel";

export const VIEWS = [
  { id: "home", label: "Home", group: "plan", for: ["empty", "loose", "plan"] },
  { id: "create", label: "Create", group: "plan", for: ["empty"] },
  { id: "convert", label: "Convert", group: "plan", for: ["empty", "loose"] },
  { id: "check", label: "Check", group: "plan", for: ["plan"] },
  { id: "thread", label: "Golden thread", group: "plan", for: ["plan"] },
  { id: "status", label: "Status", group: "plan", for: ["plan"] },
  { id: "year", label: "Year", group: "plan", for: ["plan"] },
  { id: "qsr", label: "Return", group: "plan", for: ["plan"] },
  { id: "report", label: "Collect and report", group: "bi", for: ["empty", "loose", "plan"] },
  { id: "settings", label: "Framework settings", group: "bi", for: ["empty", "loose", "plan"] },
] as const satisfies readonly { id: string; label: string; group: "plan" | "bi"; for: readonly WorkbookKind[] }[];

export type ViewId = (typeof VIEWS)[number]["id"];

/** The tabs for a workbook of this kind; before the workbook has been looked at, Home alone. */
export function planViewsFor(kind: WorkbookKind | null): (typeof VIEWS)[number][] {
  return VIEWS.filter((v) => v.group === "plan" && (kind === null ? v.id === "home" : (v.for as readonly WorkbookKind[]).includes(kind)));
}

export const BI_VIEWS = VIEWS.filter((v) => v.group === "bi");
