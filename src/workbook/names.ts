// The names other parts code against: sheets, tables, status columns and defined names of a plan workbook.
import { FieldMeta } from "../model/plan";

export const SHEETS = {
  plan: "Plan",
  actions: "Actions",
  measures: "Measures",
  updates: "Updates",
  register: "Register",
  settings: "Settings",
  lists: "Lists",
} as const;

export const TABLES = {
  actions: "Actions",
  measures: "Measures",
  updates: "Updates",
  register: "Register",
  priorities: "Priorities",
} as const;

/** Columns after the model's own: statuses the sheet works out, and the checker's summary. */
export const STATUS_COLUMNS = {
  actionStatus: "Action status",
  smartCheck: "SMART check",
  rag: "RAG",
  direction: "Direction of travel",
} as const;

type ListName = Exclude<FieldMeta["list"], undefined>;

/** The defined name of a validation list, e.g. Polarities -> PolaritiesList. */
export function listName(list: ListName): string {
  return `${list}List`;
}

export const PARENT_LINKS_LIST = listName("ParentLinks");

/** Single-cell name holding the plan format version (Plan!B2). */
export const FORMAT_VERSION_NAME = "FormatVersion";

/** Label of the format version stamp in column A of the Plan sheet. */
export const FORMAT_VERSION_LABEL = "Format version";
