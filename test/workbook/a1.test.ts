// The one A1-address module: letters and numbers round-trip, boxes are the same whichever way they
// are written, sheet names come back as the sheet was called, and bad addresses are refused by name.
import fc from "fast-check";
import { boxAddress, cellAddress, columnLetter, columnNumber, MAX_COLUMN, MAX_ROW, parseBox, parseCell, parseSheetBox, sheetPrefix } from "../../src/workbook/a1";

const column = fc.integer({ min: 1, max: MAX_COLUMN });
const row = fc.integer({ min: 1, max: MAX_ROW });
const sheetName = fc.stringMatching(/^[A-Za-z0-9 '&()_.-]{1,31}$/).filter((s) => s.trim() === s && !s.startsWith("'") && !s.endsWith("'"));

describe("column letters", () => {
  it("known columns", () => {
    expect([1, 26, 27, 52, 53, 702, 703, MAX_COLUMN].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
    expect(columnNumber("xfd")).toBe(MAX_COLUMN);
  });
  it("letter and number round-trip for every column Excel has", () => {
    fc.assert(fc.property(column, (c) => columnNumber(columnLetter(c)) === c));
  });
  it("letters sort like the columns they name (shorter first)", () => {
    fc.assert(
      fc.property(column, column, (a, b) => {
        const [x, y] = [columnLetter(a), columnLetter(b)];
        const order = x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
        return Math.sign(order) === Math.sign(a - b);
      }),
    );
  });
  it("refuses what is not a column", () => {
    expect(() => columnLetter(0)).toThrow("column 0 is not a column number");
    expect(() => columnLetter(1.5)).toThrow("not a column number");
    expect(() => columnNumber("A1")).toThrow('"A1" is not a column');
    expect(() => columnNumber("")).toThrow("is not a column");
  });
});

describe("cells and boxes", () => {
  it("reads the forms Excel and office.js write", () => {
    expect(parseCell("B7")).toEqual({ row: 7, col: 2 });
    expect(parseCell("$B$7")).toEqual({ row: 7, col: 2 });
    expect(parseCell("=Settings!$B$2")).toEqual({ sheet: "Settings", row: 2, col: 2 });
    expect(parseBox("A1:C9")).toEqual({ top: 1, left: 1, bottom: 9, right: 3 });
    expect(parseBox("C9:A1")).toEqual({ top: 1, left: 1, bottom: 9, right: 3 });
    expect(parseBox("B7")).toEqual({ top: 7, left: 2, bottom: 7, right: 2 });
    expect(parseBox("Actions!A1:T40")).toEqual({ sheet: "Actions", top: 1, left: 1, bottom: 40, right: 20 });
    expect(parseBox("'Plan details'!$B$2")).toEqual({ sheet: "Plan details", top: 2, left: 2, bottom: 2, right: 2 });
    expect(parseBox("'Team''s plan'!A1:B2").sheet).toBe("Team's plan");
  });
  it("a box written out and read back is the same box, with or without its sheet", () => {
    fc.assert(
      fc.property(row, row, column, column, fc.option(sheetName, { nil: undefined }), (r1, r2, c1, c2, sheet) => {
        const box = { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
        const withSheet = sheet === undefined ? box : { sheet, ...box };
        expect(parseBox(boxAddress(withSheet))).toEqual(withSheet);
      }),
    );
  });
  it("a cell written out and read back is the same cell", () => {
    fc.assert(fc.property(row, column, (r, c) => expect(parseCell(cellAddress(r, c))).toEqual({ row: r, col: c })));
  });
  it("quotes sheet names a formula could not read bare", () => {
    expect(sheetPrefix("Actions")).toBe("Actions!");
    expect(sheetPrefix("Plan details")).toBe("'Plan details'!");
    expect(sheetPrefix("AB12")).toBe("'AB12'!");
    expect(sheetPrefix("Team's plan")).toBe("'Team''s plan'!");
  });
  it("refuses bad addresses, naming them", () => {
    expect(() => parseCell("B")).toThrow('"B" is not a cell address like B7');
    expect(() => parseCell("7")).toThrow("is not a cell address");
    expect(() => parseCell("B0")).toThrow("rows count from 1");
    expect(() => parseCell("XFE1")).toThrow("beyond Excel's last cell");
    expect(() => parseBox("A1:B2:C3")).toThrow('"A1:B2:C3" is not a range like A1:C9');
    expect(() => parseBox("A1:")).toThrow("is not a cell address");
    expect(() => parseSheetBox("A1:B2")).toThrow('"A1:B2" is not a sheet address like Actions!A1:T40');
  });
});
