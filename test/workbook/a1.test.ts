// The one A1-address module: letters and numbers round-trip, boxes are the same whichever way they
// are written, sheet names come back as the sheet was called, and bad addresses are refused by name.
import fc from "fast-check";
import {
  boxAddress,
  cellAddress,
  cellNumbers,
  columnLetter,
  columnNumber,
  isFixedSheetBox,
  looksLikeCell,
  MAX_COLUMN,
  MAX_ROW,
  parseBox,
  parseCell,
  parseSheetBox,
  rangeBox,
  sheetPrefix,
} from "../../src/workbook/a1";

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

describe("open ranges (sqrefs, merges, whole rows and columns)", () => {
  it("reads whole columns and whole rows to Excel's edges", () => {
    expect(rangeBox("A:C")).toEqual({ top: 1, left: 1, bottom: MAX_ROW, right: 3 });
    expect(rangeBox("$3:$7")).toEqual({ top: 3, left: 1, bottom: 7, right: MAX_COLUMN });
    expect(rangeBox("Actions!B:B")).toEqual({ sheet: "Actions", top: 1, left: 2, bottom: MAX_ROW, right: 2 });
    expect(rangeBox("A1:XFD1048576")).toEqual({ top: 1, left: 1, bottom: MAX_ROW, right: MAX_COLUMN });
  });
  it("a closed range reads as parseBox reads it", () => {
    fc.assert(
      fc.property(row, row, column, column, fc.boolean(), fc.option(sheetName, { nil: undefined }), (r1, r2, c1, c2, fixed, sheet) => {
        const $ = fixed ? "$" : "";
        const address = `${sheet === undefined ? "" : sheetPrefix(sheet)}${$}${columnLetter(c1)}${$}${r1}:${$}${columnLetter(c2)}${$}${r2}`;
        expect(rangeBox(address)).toEqual(parseBox(address));
      }),
    );
  });
  it("an open end reaches the edge, whichever way round the range is written", () => {
    fc.assert(
      fc.property(column, column, row, row, (c1, c2, r1, r2) => {
        const [a, b] = [columnLetter(c1), columnLetter(c2)];
        const columns = { top: 1, left: Math.min(c1, c2), bottom: MAX_ROW, right: Math.max(c1, c2) };
        const rows = { top: Math.min(r1, r2), left: 1, bottom: Math.max(r1, r2), right: MAX_COLUMN };
        expect(rangeBox(`${a}:${b}`)).toEqual(columns);
        expect(rangeBox(`${b}:${a}`)).toEqual(columns);
        expect(rangeBox(`${r1}:${r2}`)).toEqual(rows);
        expect(rangeBox(`${r2}:${r1}`)).toEqual(rows);
      }),
    );
  });
  it("reads past Excel's edges (for the guard to clamp) and refuses what is not a range", () => {
    expect(rangeBox("XFE1:AAAA9")).toEqual({ top: 1, left: 16385, bottom: 9, right: 18279 });
    for (const bad of ["", ":", "A1:B2:C3", "A1:", "1A", "A-1", "ABCDE1", "A123456789"]) expect(rangeBox(bad)).toBeNull();
  });
});

describe("cells as a worksheet's XML writes them", () => {
  it("letters then digits, in either case, as the numbers parseCell gives", () => {
    fc.assert(
      fc.property(row, column, fc.boolean(), (r, c, lower) => {
        const ref = cellAddress(r, c);
        expect(cellNumbers(lower ? ref.toLowerCase() : ref)).toEqual(parseCell(ref));
      }),
    );
  });
  it("numbers beyond Excel's edges come back for the caller to refuse; anything else is null", () => {
    expect(cellNumbers("XFE1")).toEqual({ row: 1, col: MAX_COLUMN + 1 });
    expect(cellNumbers("A1048577")).toEqual({ row: MAX_ROW + 1, col: 1 });
    expect(cellNumbers("A0")).toEqual({ row: 0, col: 1 });
    for (const bad of ["", "A", "1", "$A$1", "A1:B2", "1A", "A 1", "Ä1", "A1x"]) expect(cellNumbers(bad)).toBeNull();
  });
});

describe("names and plain ranges", () => {
  it("names Excel would read as a cell or as R/C", () => {
    for (const name of ["A1", "xfd10", "AB12", "R", "c"]) expect(looksLikeCell(name)).toBe(true);
    for (const name of ["ParentLinksList", "ABCD1", "A1B", "Rows", "_A1", "RC"]) expect(looksLikeCell(name)).toBe(false);
    fc.assert(fc.property(row, column, (r, c) => looksLikeCell(cellAddress(r, c))));
  });
  it("a fixed box on a named sheet, the form ExcelJS holds as a defined name", () => {
    expect(isFixedSheetBox("Lists!$A$2:$A$4")).toBe(true);
    expect(isFixedSheetBox("'Plan details'!$B$2")).toBe(true);
    for (const other of ["Register[ID]", "Lists!A2:A4", "$A$2:$A$4", "Lists!$A:$A", "Lists!$XFE$1"]) expect(isFixedSheetBox(other)).toBe(false);
  });
});
