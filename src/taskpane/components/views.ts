// The pane's views, in the order of the tab list.
export const VIEWS = [
  { id: "home", label: "Home" },
  { id: "create", label: "Create" },
  { id: "convert", label: "Convert" },
  { id: "check", label: "Check" },
  { id: "thread", label: "Golden thread" },
  { id: "status", label: "Status" },
  { id: "qsr", label: "QSR" },
  { id: "year", label: "Year" },
  { id: "report", label: "Report" },
  { id: "settings", label: "Settings" },
] as const;

export type ViewId = (typeof VIEWS)[number]["id"];
