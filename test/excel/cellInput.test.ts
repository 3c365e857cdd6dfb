// Text must reach Excel as the same text: anything Excel would reinterpret gets an apostrophe.
import { fromExcelValue, needsTextMarker, toExcelInput } from "../../src/excel/cellInput";

const where = () => 'table Actions, data row 3, column "Progress narrative"';

test.each(["=SUM(A1)", "+44 151 934 4000", "- done", "@risk", "007", "12.5%", "£1,000", "March 2025", "Sept 2024", "1/4/2025", "TRUE", "#N/A", "'quoted"])("%s is marked as text", (text) => {
  expect(needsTextMarker(text)).toBe(true);
  expect(toExcelInput(text, "clear", where)).toBe(`'${text}`);
});

test.each(["Deliver the home care framework", "Q3 2024/25", "Ongoing", "Marching band", "Trueman"])("%s goes as it is", (text) => {
  expect(needsTextMarker(text)).toBe(false);
  expect(toExcelInput(text, "clear", where)).toBe(text);
});

test("null clears a cell or, for formula columns, leaves it alone", () => {
  expect(toExcelInput(null, "clear", where)).toBe("");
  expect(toExcelInput(null, "keep", where)).toBeNull();
  expect(toExcelInput(45000, "clear", where)).toBe(45000);
  expect(toExcelInput(false, "clear", where)).toBe(false);
});

test("values Excel cannot hold fail naming the cell", () => {
  expect(() => toExcelInput(Number.NaN, "clear", where)).toThrow('table Actions, data row 3, column "Progress narrative": NaN is not a number Excel can store');
  expect(() => toExcelInput("x".repeat(32_768), "clear", where)).toThrow(/data row 3.*32768 characters is longer than Excel's 32767/);
});

test("empty cells read back as null", () => {
  expect(["", 0, "a", true].map(fromExcelValue)).toEqual([null, 0, "a", true]);
});
