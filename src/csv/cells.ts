// One CSV cell to the model value for its field kind. Blank cells become undefined so the model's
// own default applies (null for figures and dates, false for flags). Problems come back as text.
import { isIsoDate } from "../model/dates";
import { Column, LISTS } from "../model/plan";

type CellResult = { value: unknown } | { problem: string };

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function parseNumberCell(text: string): CellResult {
  if (PLAIN_NUMBER.test(text)) return { value: Number(text) };
  if (GROUPED_NUMBER.test(text)) return { value: Number(text.replace(/,/g, "")) };
  const hint = /%$/.test(text) ? " (leave out the % sign)" : /^[£$€]/.test(text) ? " (leave out the currency sign)" : "";
  return { problem: `${JSON.stringify(text)} is not a number${hint}` };
}

function parseDateCell(text: string): CellResult {
  const m = ISO_DATE_TIME.exec(text);
  if (m && isIsoDate(m[1])) return { value: m[1] };
  if (m) return { problem: `${JSON.stringify(text)} is not a real date` };
  return { problem: `${JSON.stringify(text)} is not a date (write yyyy-mm-dd, e.g. 2024-06-30)` };
}

function parseFlagCell(text: string): CellResult {
  const t = text.toLowerCase();
  if (t === "yes" || t === "true") return { value: true };
  if (t === "no" || t === "false") return { value: false };
  return { problem: `${JSON.stringify(text)} is not yes or no` };
}

function listText(values: readonly string[]): string {
  return values.length < 2 ? values.join("") : `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}

function parseChoiceCell(text: string, column: Column): CellResult {
  const list = column.meta.list;
  if (list === undefined || list === "ParentLinks") return { value: text }; // free text checked elsewhere
  const values = LISTS[list];
  const found = values.find((v) => v.toLowerCase() === text.toLowerCase());
  if (found !== undefined) return { value: found };
  return { problem: `${JSON.stringify(text)} is not a ${column.meta.header.toLowerCase()} (write ${listText(values)})` };
}

/** Text fields keep a blank as "", so a blank ID meets the model's own "needs an ID" rule. */
function isTextual(column: Column): boolean {
  const { kind, list } = column.meta;
  return kind === "id" || kind === "text" || kind === "longText" || (kind === "choice" && (list === undefined || list === "ParentLinks"));
}

/** The model value for a cell of `column`; a blank figure, date, flag or list choice is undefined. */
export function parseCell(raw: string, column: Column): CellResult {
  const text = raw.trim();
  if (text === "") return { value: isTextual(column) ? "" : undefined };
  switch (column.meta.kind) {
    case "number":
    case "percent":
      return parseNumberCell(text);
    case "date":
      return parseDateCell(text);
    case "flag":
      return parseFlagCell(text);
    case "choice":
      return parseChoiceCell(text, column);
    default:
      return { value: text };
  }
}
