// The column tables of docs/workbook-format.md, generated from the model so the doc cannot drift
// (test/workbook/formatDoc.test.ts compares them and can rewrite them).
import { ACTION_COLUMNS, Column, LISTS, MEASURE_COLUMNS, PLAN_DETAILS_FIELDS, REGISTER_COLUMNS, UPDATE_COLUMNS } from "../model/plan";
import { columnLetter } from "./a1";
import { SETTINGS_ROWS, SETTINGS_SHEET } from "./layout";
import { listName, PARENT_LINKS_LIST, STATUS_COLUMNS, TABLES } from "./names";
import { FIGURE_HEADERS } from "../status/measureFigures";
import { AGAINST_TARGET_COLUMN, TREND_COLUMN } from "./design";
import { VS_TARGET_QUARTERS, vsTargetHeader } from "../status/againstTarget.formula";

const KIND: Record<Column["meta"]["kind"], string> = {
  id: "text (ID)",
  text: "text",
  longText: "text (wrapped)",
  date: "date (serial, dd/mm/yyyy)",
  number: "number",
  percent: "number 0-100",
  choice: "choice",
  flag: "Yes / No",
};

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

function columnTable(columns: Column[], statusRows: string[][] = []): string {
  const lines = ["| Column | Header | Type | Required | Dropdown list | Input message (what good looks like) |", "|---|---|---|---|---|---|"];
  columns.forEach((c, i) => {
    lines.push(
      `| ${columnLetter(i + 1)} | ${cell(c.meta.header)} | ${KIND[c.meta.kind]} | ${c.meta.required ? "yes" : ""} | ${c.meta.list ? `\`${listName(c.meta.list)}\`` : ""} | ${cell(c.meta.prompt)} |`,
    );
  });
  statusRows.forEach(([header, what], j) => {
    lines.push(`| ${columnLetter(columns.length + j + 1)} | ${header} | ${what} | | | (locked) |`);
  });
  return lines.join("\n");
}

/** Generated sections of the doc, by marker name. */
function formatDocSections(): Record<string, string> {
  return {
    actions: columnTable(ACTION_COLUMNS, [
      [STATUS_COLUMNS.actionStatus, "formula: `actionStatusFormula` (src/status)"],
      [STATUS_COLUMNS.smartCheck, "text written by the SMART checker"],
    ]),
    measures: columnTable(MEASURE_COLUMNS, [
      [STATUS_COLUMNS.rag, "formula: `ragFormula` (src/status)"],
      [STATUS_COLUMNS.direction, "formula: `directionFormula` (src/status)"],
      [FIGURE_HEADERS.ytdTarget, "formula: `ytdTargetFormula` (src/status): the target the RAG uses this quarter"],
      [FIGURE_HEADERS.ytdActual, "formula: `ytdActualFormula` (src/status): the figure the RAG rates this quarter"],
      [FIGURE_HEADERS.comparedWith, "formula: `comparedWithFormula` (src/status): what direction of travel compares with"],
      [TREND_COLUMN, "no value: an Excel 2010 sparkline of the row's Q1-Q4 actuals (`x14:sparklineGroups`, see below)"],
      ...VS_TARGET_QUARTERS.map((q): [string, string] => [
        vsTargetHeader(q),
        `formula: \`vsTargetFormula\` (src/status): how far Q${q}'s actual is better (+) or worse (-) than its target, as a % of the target`,
      ]),
      [AGAINST_TARGET_COLUMN, "no value: an Excel 2010 sparkline of the row's Q1-Q4 vs target % on one scale, -25% to +25% (the axis is the target; misses in red below it)"],
    ]),
    updates: columnTable(UPDATE_COLUMNS),
    register: columnTable(REGISTER_COLUMNS),
    planDetails: [
      "| Row | Label (column A) | Value (column B) | Guidance (column C) |",
      "|---|---|---|---|",
      ...PLAN_DETAILS_FIELDS.map((f, i) => `| ${i + 2} | ${f.label} | \`${f.key}\`${f.narrative ? " (narrative)" : ""} | ${cell(f.prompt)} |`),
    ].join("\n"),
    settings: [
      "| Row | Label (column A) | Defined name of column B | Meaning |",
      "|---|---|---|---|",
      ...SETTINGS_ROWS.map((s, i) => `| ${SETTINGS_SHEET.firstSettingRow + i} | ${s.label} | ${s.name ? `\`${s.name}\`` : ""} | ${cell(s.guidance)} |`),
      `| ${SETTINGS_SHEET.prioritiesHeaderRow} | table \`${TABLES.priorities}\`: ID, Priority, Description | | The framework's corporate priorities. |`,
    ].join("\n"),
    lists: [
      "| Defined name | Values |",
      "|---|---|",
      ...Object.entries(LISTS).map(([list, values]) => `| \`${listName(list as keyof typeof LISTS)}\` | ${values.join(", ")} |`),
      `| \`${PARENT_LINKS_LIST}\` | \`=${TABLES.register}[${REGISTER_COLUMNS[0].meta.header}]\`: the Register table's IDs, growing with it |`,
    ].join("\n"),
  };
}

const MARKER = (name: string, edge: "start" | "end") => `<!-- generated:${name}:${edge} -->`;

/** The doc text with every generated section replaced by the model's current version. */
export function regenerateFormatDoc(doc: string): string {
  let text = doc;
  for (const [name, body] of Object.entries(formatDocSections())) {
    const start = MARKER(name, "start");
    const end = MARKER(name, "end");
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`docs/workbook-format.md: missing the ${start} ... ${end} markers`);
    text = `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
  }
  return text;
}
