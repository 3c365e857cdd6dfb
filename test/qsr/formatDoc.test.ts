import * as fs from "fs";
import * as path from "path";
import { DOC_END, DOC_START, qsrDocTables } from "../../src/qsr/formatDoc";
import { RETURN_MEASURE_COLUMNS } from "../../src/qsr/schema";

const file = path.join(__dirname, "..", "..", "docs", "qsr-format.md");

it("docs/qsr-format.md field tables match the model", () => {
  if (process.env.QSR_WRITE_DOC === "1") {
    const old = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, old.slice(0, old.indexOf(DOC_START)) + qsrDocTables() + old.slice(old.indexOf(DOC_END) + DOC_END.length));
  }
  const text = fs.readFileSync(file, "utf8");
  const start = text.indexOf(DOC_START);
  const end = text.indexOf(DOC_END);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  expect(text.slice(start, end + DOC_END.length)).toBe(qsrDocTables());
  for (const c of RETURN_MEASURE_COLUMNS) expect(text).toContain(`\`${c.csv}\``);
});
