// The field tables of docs/qsr-format.md, generated from the model so the document cannot drift
// (test/qsr/formatDoc.test.ts; QSR_WRITE_DOC=1 rewrites the section between the markers).
import {
  RETURN_ACTION_COLUMNS,
  RETURN_EXCEPTION_COLUMNS,
  RETURN_HEADER_FIELDS,
  RETURN_HISTORY_COLUMNS,
  RETURN_MEASURE_COLUMNS,
  RETURN_SHEETS,
  RETURN_TARGET_CHANGE_COLUMNS,
  ReturnColumn,
} from "./schema";

export const DOC_START = "<!-- qsr-tables:start (generated from src/qsr/schema.ts) -->";
export const DOC_END = "<!-- qsr-tables:end -->";

const KIND_TEXT: Record<ReturnColumn["kind"], string> = {
  text: "text",
  longText: "text (may hold line breaks)",
  number: "number",
  percent: "number 0-100",
  date: "date",
  flag: "Yes / No",
  choice: "one of a list",
};

function table(title: string, columns: ReturnColumn[]): string {
  const rows = columns.map((c) => `| ${c.header} | \`${c.csv}\` | \`${c.key}\` | ${KIND_TEXT[c.kind]} |`);
  return [`### ${title}`, "", "| Sheet header | CSV column | JSON field | Kind |", "|---|---|---|---|", ...rows].join("\n");
}

export function qsrDocTables(): string {
  const header = [
    `### ${RETURN_SHEETS.header} (header)`,
    "",
    "| Label (column A) | CSV field | JSON field |",
    "|---|---|---|",
    ...RETURN_HEADER_FIELDS.map((f) => `| ${f.label}${f.optional ? " (v2)" : ""} | \`${f.csv}\` | \`header.${f.key}\` |`),
  ].join("\n");
  return [
    DOC_START,
    "",
    header,
    "",
    table(RETURN_SHEETS.actions, RETURN_ACTION_COLUMNS),
    "",
    table(RETURN_SHEETS.measures, RETURN_MEASURE_COLUMNS),
    "",
    table(RETURN_SHEETS.exceptions, RETURN_EXCEPTION_COLUMNS),
    "",
    table(`${RETURN_SHEETS.targetChanges} (v2)`, RETURN_TARGET_CHANGE_COLUMNS),
    "",
    table(`${RETURN_SHEETS.history} (v2)`, RETURN_HISTORY_COLUMNS),
    "",
    DOC_END,
  ].join("\n");
}
