// The streaming tokenizer and sheet reader give the same cells however the XML is cut into chunks
// (a tag, an entity or a multi-byte character split across two), and refuse what the opener refuses.
import fc from "fast-check";
import { RawCell, Refused, SharedStrings, SheetCells } from "../../../src/xlsx/stream/cells";
import { XmlRefused, XmlTokenizer } from "../../../src/xlsx/stream/xmlTokens";

const SHEET = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="x"><!-- a comment > with a bracket --><sheetData>',
  '<row r="1" spans="1:3"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> caf&#233; &amp; b&lt;r&gt; </t></is></c><c r="B1" s="2"><v>45565</v></c><c r="C1" s="1"/></row>',
  '<row r="3"><c r="B3" t="str"><f>A1&amp;"x"</f><v>fx &quot;q&quot;</v></c><c t="b"><v>1</v></c><c><v>2.5</v></c></row>',
  '<row><c r="A4" t=\'s\'><v>0</v></c><c r="D4"><v><![CDATA[12]]></v></c></row>',
  '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>',
].join("");

type Seen = { row: number; col: number; written: boolean; raw: RawCell } | { merge: string };

function cellsOf(chunks: string[]): Seen[] {
  const seen: Seen[] = [];
  const reader = new SheetCells({ row: () => undefined, cell: (row, col, written, raw) => seen.push({ row, col, written, raw }), merge: (merge) => seen.push({ merge }) }, 1_048_576, 16_384);
  const tokens = new XmlTokenizer(reader);
  for (const c of chunks) tokens.feed(c);
  tokens.end();
  return seen;
}

/** Cuts text at the given offsets (sorted, deduplicated). */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((a) => a % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
}

test("the sheet reader reads cells, positions, values and merges as written", () => {
  const seen = cellsOf([SHEET]);
  expect(seen).toEqual([
    { row: 1, col: 1, written: true, raw: { type: "inlineStr", style: 0, value: " café & b<r> ", rich: false, formula: false } },
    { row: 1, col: 2, written: true, raw: { type: undefined, style: 2, value: "45565", rich: false, formula: false } },
    { row: 1, col: 3, written: false, raw: { type: undefined, style: 1, value: undefined, rich: false, formula: false } },
    { row: 3, col: 2, written: true, raw: { type: "str", style: 0, value: 'fx "q"', rich: false, formula: true } },
    { row: 3, col: 3, written: true, raw: { type: "b", style: 0, value: "1", rich: false, formula: false } },
    { row: 3, col: 4, written: true, raw: { type: undefined, style: 0, value: "2.5", rich: false, formula: false } },
    { row: 4, col: 1, written: true, raw: { type: "s", style: 0, value: "0", rich: false, formula: false } },
    { row: 4, col: 4, written: true, raw: { type: undefined, style: 0, value: "12", rich: false, formula: false } },
    { merge: "A1:B1" },
  ]);
});

test("any cutting of the XML into chunks reads the same cells", () => {
  const whole = cellsOf([SHEET]);
  fc.assert(
    fc.property(fc.array(fc.nat(), { maxLength: 40 }), (at) => {
      expect(cellsOf(cut(SHEET, at))).toEqual(whole);
    }),
    { numRuns: 300 },
  );
});

test("shared strings: plain, rich runs joined, phonetic runs left out, _xHHHH_ undone, empty items kept in place", () => {
  const sst = new SharedStrings();
  const tokens = new XmlTokenizer(sst);
  tokens.feed("<sst><si><t>a &amp; b</t></si><si><r><rPr><b/></rPr><t>Ri</t></r><r><t>ch_x0041_</t></r><rPh><t>ignored</t></rPh></si><si/><si><t/></si><si><t>last</t></si></sst>");
  tokens.end();
  expect(sst.strings).toEqual(["a & b", "RichA", null, "", "last"]);
});

describe("refused", () => {
  const read = (xml: string) => () => cellsOf([xml]);
  test("a DTD or entity declaration", () => {
    expect(read('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet/>')).toThrow(XmlRefused);
    expect(read("<worksheet><sheetData><!ENTITY a 'b'></sheetData></worksheet>")).toThrow(/DTD or entities/);
  });
  test("rows and cells beyond Excel's last row or column, and addresses that are none", () => {
    expect(read('<sheetData><row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>')).toThrow(/beyond Excel's last row/);
    expect(read('<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>')).toThrow(/beyond Excel's last column/);
    expect(read('<sheetData><row r="1"><c r="AAAA1"><v>1</v></c></row></sheetData>')).toThrow(Refused);
    expect(read('<sheetData><row r="1"><c r="1A"><v>1</v></c></row></sheetData>')).toThrow(/not a cell address/);
  });
  test("a tag that never ends, and a part that stops inside one", () => {
    expect(() => cellsOf(["<row r=", "1".repeat(2 << 20)])).toThrow(/longer than/);
    expect(read('<sheetData><row r="1"')).toThrow(/ends in the middle of a tag/);
  });
});
