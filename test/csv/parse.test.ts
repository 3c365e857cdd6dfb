import fc from "fast-check";
import { CsvSyntaxError, parseCsv, parseCsvRecords, toCsv } from "../../src/csv/parse";

describe("parseCsv", () => {
  it("splits fields and records, LF or CRLF", () => {
    expect(parseCsv("a,b,c\n1,2,3\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
    expect(parseCsv("a,b\r\n1,2\r\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("a,b\r\n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
  it("drops a UTF-8 byte-order mark", () => {
    expect(parseCsv("\uFEFFid,name\nX,Y")).toEqual([
      ["id", "name"],
      ["X", "Y"],
    ]);
  });
  it("keeps empty fields, including a trailing one", () => {
    expect(parseCsv("a,,c\n,,\n1,2,")).toEqual([
      ["a", "", "c"],
      ["", "", ""],
      ["1", "2", ""],
    ]);
  });
  it("unquotes quoted fields: commas, doubled quotes and line breaks inside", () => {
    expect(parseCsv('id,text\n1,"Reduce, reuse"\n2,"The ""best"" plan"\n3,"two\r\nlines"\n')).toEqual([
      ["id", "text"],
      ["1", "Reduce, reuse"],
      ["2", 'The "best" plan'],
      ["3", "two\r\nlines"],
    ]);
    expect(parseCsv('""')).toEqual([]); // a lone empty field is a blank line
    expect(parseCsv('a,""\n')).toEqual([["a", ""]]);
  });
  it("skips blank lines", () => {
    expect(parseCsv("a\n\n\nb\n\n")).toEqual([["a"], ["b"]]);
  });
  it("records the line each record starts on, counting line breaks inside quotes", () => {
    const records = parseCsvRecords('h1,h2\n"multi\nline",x\n\nlast,y\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 5]);
  });
  it("rejects an unclosed quote, naming the line it opened on", () => {
    expect(() => parseCsv('a,b\n1,"never closed\n2,3\n')).toThrow(new CsvSyntaxError(2, 'a quoted value is never closed (missing ")'));
  });
  it("rejects text after a closing quote", () => {
    expect(() => parseCsv('a\n"x"y\n')).toThrow("line 2: unexpected text after a closing quote");
  });
  it("leaves a quote inside an unquoted field as it is", () => {
    expect(parseCsv('a,5" pipe\n')).toEqual([["a", '5" pipe']]);
  });
});

describe("toCsv", () => {
  it("quotes only where needed and writes CRLF", () => {
    expect(
      toCsv([
        ["id", "text", "n"],
        ["A", 'say "hi", then go', 3],
        ["B", null, true],
      ]),
    ).toBe('id,text,n\r\nA,"say ""hi"", then go",3\r\nB,,true\r\n');
    expect(toCsv([[" padded", "line\nbreak"]])).toBe('" padded","line\nbreak"\r\n');
  });
  it("round-trips through parseCsv", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r", " ", "é", "\r\n") });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
      { numRuns: 2000 },
    );
  });
});
