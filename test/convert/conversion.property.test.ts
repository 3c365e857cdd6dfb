// Property: for any messy loose sheet, conversion places every non-empty cell exactly once, leaves
// the snapshot as it was, and converting again (inside Excel or from the written plan) gives the
// same rows, with no duplicates.
import fc from "fast-check";
import { isoToSerial } from "../../src/model/dates";
import { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/workbook/port";
import { columnLetter } from "../../src/workbook/a1";
import { conservationProblems } from "./conservation";
import { convert, rowsOf, unmappedOf, withPlan } from "./roundTrip";

type Cell = { v: CellValue; f?: string };

const STRONG_HEADERS = [
  "Key action",
  "Action",
  "Improvement",
  "Lead officer",
  "Responsible person",
  "Timescale",
  "Deadline",
  "Target date",
  "Outcome",
  "Ref",
  "No.",
  "RAG",
  "Progress",
  "Link to directorate plan",
  "Performance measures or project milestones",
  "Key milestones",
  "Measure",
  "KPI",
  "Target",
  "Baseline",
  "Polarity",
  "Good is",
  "Q1",
  "Q2 actual",
  "Frequency",
  "Start date",
  "% complete",
];
const OTHER_HEADERS = ["Notes", "Budget £k", "Risk", "Équipe ✓", "Comments", "", "Data source", "Unit", "Key measure"];
const LOOSE_DATES = ["31 March 2020", "31/03/2025", "March 2025", "Q3 2024/25", "2024/25", "Spring 2010", "Ongoing", "Ongoing to March 2011", "03/04/2025", "12/31/2025", "TBC", "Q2", "end of year"];

const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom(
    "Deliver the new housing strategy",
    "Jane Smith",
    "Residents see faster decisions",
    "G",
    "Amber",
    "red",
    "Yes",
    "n/a",
    "High",
    "Lower is better",
    "Monthly",
    "  ",
    "Ωμέγα ✓ 漢字",
    "85%",
    "1,200",
  ),
);
const value: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ v: null }) },
  { weight: 3, arbitrary: text.map((v) => ({ v })) },
  { weight: 2, arbitrary: fc.constantFrom(...LOOSE_DATES).map((v) => ({ v })) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 5000 }).map((v) => ({ v })) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((v) => ({ v, f: "0%" })) },
  { weight: 1, arbitrary: fc.integer({ min: isoToSerial("2020-01-01"), max: isoToSerial("2027-12-31") }).map((v) => ({ v, f: "dd/mm/yyyy" })) },
  { weight: 1, arbitrary: fc.boolean().map((v) => ({ v })) },
);

interface Messy {
  titleRows: number;
  mergedTitle: boolean;
  gapRows: number;
  headerColumn: number;
  headers: string[];
  data: Cell[][];
  blankRowAt: number;
  sideNotes: (string | null)[];
  verticalMerge: { column: number; from: number; length: number } | null;
  footer: string | null;
  secondTable: boolean;
}

const messy: fc.Arbitrary<Messy> = fc
  .record({
    titleRows: fc.integer({ min: 0, max: 2 }),
    mergedTitle: fc.boolean(),
    gapRows: fc.integer({ min: 0, max: 2 }),
    headerColumn: fc.integer({ min: 1, max: 3 }),
    headers: fc
      .tuple(fc.constantFrom(...STRONG_HEADERS), fc.constantFrom(...STRONG_HEADERS), fc.array(fc.constantFrom(...STRONG_HEADERS, ...OTHER_HEADERS), { maxLength: 4 }))
      .map(([a, b, rest]) => [a, b, ...rest]),
    rows: fc.integer({ min: 0, max: 7 }),
    blankRowAt: fc.integer({ min: -1, max: 6 }),
    sideNotes: fc.array(fc.option(fc.constantFrom("check with finance", "see minutes 4/5", "★ note"), { nil: null }), { maxLength: 7 }),
    merge: fc.option(fc.record({ column: fc.nat(), from: fc.nat(), length: fc.integer({ min: 2, max: 3 }) }), { nil: null }),
    footer: fc.option(fc.constantFrom("Approved 01/04/2024", "Key: G = on track"), { nil: null }),
    secondTable: fc.boolean(),
    cells: fc.array(value, { minLength: 80, maxLength: 80 }),
  })
  .map((r) => {
    const width = r.headers.length;
    const data = Array.from({ length: r.rows }, (_, i) => Array.from({ length: width }, (_, j) => r.cells[(i * width + j) % r.cells.length]));
    const verticalMerge =
      r.merge && r.rows >= 2 ? { column: r.merge.column % width, from: r.merge.from % (r.rows - 1), length: Math.min(r.merge.length, r.rows - (r.merge.from % (r.rows - 1))) } : null;
    return {
      titleRows: r.titleRows,
      mergedTitle: r.mergedTitle,
      gapRows: r.gapRows,
      headerColumn: r.headerColumn,
      headers: r.headers,
      data,
      blankRowAt: r.blankRowAt,
      sideNotes: r.sideNotes,
      verticalMerge,
      footer: r.footer,
      secondTable: r.secondTable,
    };
  });

/** Lays a messy plan out on a sheet; returns the snapshot. */
function layOut(m: Messy): WorkbookSnapshot {
  const grid = new Map<string, Cell>();
  const merges: string[] = [];
  const put = (row: number, col: number, cell: Cell) => grid.set(`${row},${col}`, cell);
  let row = 1;
  for (let i = 0; i < m.titleRows; i++, row++) {
    put(row, m.headerColumn, { v: `Service plan 2024/25 — part ${i + 1}` });
    if (m.mergedTitle) merges.push(`${columnLetter(m.headerColumn)}${row}:${columnLetter(m.headerColumn + m.headers.length - 1)}${row}`);
  }
  row += m.gapRows;
  const layTable = (headers: string[], data: Cell[][], withExtras: boolean) => {
    headers.forEach((h, j) => put(row, m.headerColumn + j, { v: h === "" ? null : h }));
    const top = row + 1;
    row++;
    data.forEach((cells, i) => {
      if (withExtras && i === m.blankRowAt) row++; // one blank row inside the table
      cells.forEach((c, j) => put(row, m.headerColumn + j, c));
      const note = withExtras ? m.sideNotes[i] : null;
      if (note) put(row, m.headerColumn + headers.length + 1, { v: note });
      row++;
    });
    if (withExtras && m.verticalMerge && m.blankRowAt < 0) {
      const col = m.headerColumn + m.verticalMerge.column;
      const from = top + m.verticalMerge.from;
      const to = from + m.verticalMerge.length - 1;
      for (let r = from + 1; r <= to; r++) put(r, col, { v: null });
      merges.push(`${columnLetter(col)}${from}:${columnLetter(col)}${to}`);
    }
  };
  layTable(m.headers, m.data, true);
  if (m.secondTable) {
    row += 2;
    layTable(["Ref", "Action", "Lead officer"], [[{ v: 1 }, { v: "Second table action" }, { v: "Sam" }]], false);
  }
  if (m.footer) put(row + 2, 1, { v: m.footer });
  let [bottom, right] = [1, 1];
  for (const k of grid.keys()) {
    const [r, c] = k.split(",").map(Number);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  }
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  for (let r = 1; r <= bottom; r++) {
    values.push(Array.from({ length: right }, (_, c) => grid.get(`${r},${c + 1}`)?.v ?? null));
    formats.push(Array.from({ length: right }, (_, c) => grid.get(`${r},${c + 1}`)?.f ?? "General"));
  }
  const sheet: SheetSnapshot = { name: "Plan 2024-25", visibility: "visible", origin: "A1", values, numberFormats: formats, merges };
  return {
    sheets: [sheet, { name: "Notes", visibility: "visible", origin: "B2", values: [["Draft – not for publication", 42]], numberFormats: [["General", "General"]], merges: [] }],
    tables: [],
    names: [],
  };
}

describe("converting messy loose sheets", () => {
  test("every non-empty cell lands exactly once, in a row field, the conversion map or Unmapped", () => {
    fc.assert(
      fc.property(messy, (m) => {
        const snapshot = layOut(m);
        const before = structuredClone(snapshot);
        const result = convert(snapshot);
        expect(conservationProblems(snapshot, result)).toEqual([]);
        expect(snapshot).toEqual(before);
      }),
      { numRuns: 1000 },
    );
  });

  test("converting again, inside Excel or from the written plan, gives the same rows and no duplicates", () => {
    fc.assert(
      fc.property(messy, (m) => {
        const snapshot = layOut(m);
        const first = convert(snapshot);
        const inExcel = withPlan(snapshot, first);
        const second = convert(inExcel);
        expect(rowsOf(second)).toEqual(rowsOf(first));
        expect(unmappedOf(second)).toEqual(unmappedOf(first));
        const third = convert(withPlan(inExcel, second));
        expect(rowsOf(third)).toEqual(rowsOf(first));

        const fromFile = convert(withPlan({ sheets: [], tables: [], names: [] }, first));
        expect(rowsOf(fromFile)).toEqual(rowsOf(first));
        expect(unmappedOf(fromFile)).toEqual(unmappedOf(first));
      }),
      { numRuns: 200 },
    );
  });
});
