// Reading one source cell as a field value: choices are looked up safely.
import { ACTION_COLUMNS, MEASURE_COLUMNS } from "../../src/model/plan";
import { readField } from "../../src/convert/values";
import { SourceCell } from "../../src/convert/grid";

const column = (key: string) => [...ACTION_COLUMNS, ...MEASURE_COLUMNS].find((c) => c.key === key)!;
const cell = (value: string): SourceCell => ({ value, isDate: false, numberFormat: "General" }) as SourceCell;

test.each(["constructor", "__proto__", "toString", "hasOwnProperty"])("a cell saying %s is not a RAG or a frequency", (text) => {
  expect(readField(cell(text), column("selfAssessedRag")).ok).toBe(false);
  expect(readField(cell(text), column("frequency")).ok).toBe(false);
});

test("RAG and frequency words are read", () => {
  expect(readField(cell(" Amber "), column("selfAssessedRag"))).toEqual({ ok: true, value: "Amber" });
  expect(readField(cell("yearly"), column("frequency"))).toEqual({ ok: true, value: "Annual" });
});
