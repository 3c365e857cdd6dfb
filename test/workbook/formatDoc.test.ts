// docs/workbook-format.md's column tables are generated from the model; this keeps them equal.
import * as fs from "fs";
import * as path from "path";
import { ACTION_COLUMNS, LISTS, MEASURE_COLUMNS, PLAN_DETAILS_FIELDS, REGISTER_COLUMNS, UPDATE_COLUMNS } from "../../src/model/plan";
import { regenerateFormatDoc } from "../../src/workbook/formatDoc";
import { STATUS_COLUMNS } from "../../src/workbook/names";

const DOC = path.join(__dirname, "..", "..", "docs", "workbook-format.md");

test("the format doc's generated tables match the model (UPDATE_FORMAT_DOC=1 rewrites them)", () => {
  const doc = fs.readFileSync(DOC, "utf8");
  const fresh = regenerateFormatDoc(doc);
  if (process.env.UPDATE_FORMAT_DOC === "1") fs.writeFileSync(DOC, fresh);
  else expect(doc).toBe(fresh);
});

test("the format doc names every column, plan field, list and status column of the model", () => {
  const doc = fs.readFileSync(DOC, "utf8");
  const headers = [...ACTION_COLUMNS, ...MEASURE_COLUMNS, ...UPDATE_COLUMNS, ...REGISTER_COLUMNS].map((c) => c.meta.header);
  for (const h of [...headers, ...Object.values(STATUS_COLUMNS)]) expect(doc).toContain(`| ${h.replace(/\|/g, "\\|")} |`);
  for (const f of PLAN_DETAILS_FIELDS) expect(doc).toContain(`| ${f.label} |`);
  for (const list of Object.keys(LISTS)) expect(doc).toContain(`\`${list}List\``);
  expect(doc).toContain("ReportingDate");
});

test("regenerating refuses a doc that lost its markers", () => {
  expect(() => regenerateFormatDoc("# no markers")).toThrow("docs/workbook-format.md: missing the <!-- generated:actions:start -->");
});
