import { CsvError, MAX_PROBLEMS } from "../../src/csv/csvError";
import { ACTIONS_CSV_HEADERS, detectCsvKind, MEASURES_CSV_HEADERS, readActionsCsv, readMeasuresCsv } from "../../src/csv/planCsv";
import { toCsv } from "../../src/csv/parse";

const MEASURE_HEADER = MEASURES_CSV_HEADERS.join(",");
const ACTION_HEADER = ACTIONS_CSV_HEADERS.join(",");

/** Error text from reading, or "" when it reads cleanly. */
function problemsOf(read: () => unknown): string {
  try {
    read();
    return "";
  } catch (e) {
    expect(e).toBeInstanceOf(CsvError);
    return (e as Error).message;
  }
}

describe("readMeasuresCsv", () => {
  const text =
    "\uFEFF" +
    `${MEASURE_HEADER},green_within,notes\r\n` +
    `KPI-01,Percentage of children with a plan,Key Result,high,Quarterly,%,78.5,80,,,,,79,81.25,,,5,anything\r\n` +
    `"KPI-02","Households in temporary accommodation, end of quarter",performance indicator,LOW,monthly,number,"1,234",1000,1100,1050,,,1300,,,,,\r\n` +
    `CI-01,Population,Contextual Indicator,,Annual,number,,,,,,,,,,,,\r\n`;

  it("reads each row into the model, keeping file, line and column letters", () => {
    const [m1, m2, m3] = readMeasuresCsv(text, "measures.csv");
    expect(m1).toMatchObject({
      id: "KPI-01",
      type: "Key Result",
      polarity: "High",
      frequency: "Quarterly",
      baseline: 78.5,
      annualTarget: 80,
      q1Target: null,
      q1Actual: 79,
      q2Actual: 81.25,
      greenWithin: 5,
      amberWithin: null,
    });
    expect(m1.source).toEqual(expect.objectContaining({ file: "measures.csv", sheet: "measures.csv", row: 2 }));
    expect(m1.source.columns).toMatchObject({ id: "A", name: "B", q2Actual: "N", greenWithin: "Q" });
    expect(m2).toMatchObject({ name: "Households in temporary accommodation, end of quarter", type: "Performance Indicator", polarity: "Low", frequency: "Monthly", baseline: 1234, q1Target: 1100 });
    expect(m3).toMatchObject({ type: "Contextual Indicator", polarity: null, frequency: "Annual", baseline: null, keyMeasure: false });
    expect(m3.source.row).toBe(4);
  });

  it("accepts headers in any case, in any order, with spaces for underscores", () => {
    const reordered = MEASURES_CSV_HEADERS.slice()
      .reverse()
      .map((h) => h.toUpperCase().replace("_", " "))
      .join(",");
    const rows = readMeasuresCsv(`${reordered}\n,,,42,,,,,80,,,Quarterly,High,Key Result,Measure X,KPI-9\n`, "m.csv");
    expect(rows[0]).toMatchObject({ id: "KPI-9", q4Actual: null, q1Actual: 42, annualTarget: 80, polarity: "High" });
    expect(rows[0].source.columns).toMatchObject({ id: "P", q1Actual: "D" });
  });

  it("reads back what toCsv writes", () => {
    const written = toCsv([[...MEASURES_CSV_HEADERS], ["M-1", 'The "best" measure, really', "Key Result", "Target", "Quarterly", "%", 99.5, 100, null, null, null, null, 101, null, null, null]]);
    expect(readMeasuresCsv(written, "m.csv")[0]).toMatchObject({ name: 'The "best" measure, really', polarity: "Target", q1Actual: 101 });
  });

  it("names file, row and column for a figure that is not a number", () => {
    const bad = `${MEASURE_HEADER}\nK1,A,Key Result,High,Quarterly,%,1,2,,,,,,,,\nK2,B,Key Result,High,Quarterly,%,1,2,,,,,,twelve,,\n`;
    expect(problemsOf(() => readMeasuresCsv(bad, "measures.csv"))).toBe('measures.csv row 3, column q2_actual: "twelve" is not a number');
  });

  it("collects every problem in the file into one error", () => {
    const bad = `${MEASURE_HEADER}\n` + `K1,A,Key Result,Up,Quarterly,%,1,2,,,,,,,,\n` + `K2,B,KPI,High,Weekly,%,1,2,,,,,,,,\n` + `K3,C,Key Result,High,Quarterly,%,95%,£20,,,,,,,,\n`;
    expect(problemsOf(() => readMeasuresCsv(bad, "measures.csv")).split("\n")).toEqual([
      'measures.csv row 2, column polarity: "Up" is not a polarity (write High, Low or Target)',
      'measures.csv row 3, column type: "KPI" is not a type (write Key Result, Performance Indicator or Contextual Indicator)',
      'measures.csv row 3, column frequency: "Weekly" is not a frequency (write Monthly, Quarterly or Annual)',
      'measures.csv row 4, column baseline: "95%" is not a number (leave out the % sign)',
      'measures.csv row 4, column annual_target: "£20" is not a number (leave out the currency sign)',
    ]);
  });

  it("stops listing after 20 problems and says how many more", () => {
    const rows = Array.from({ length: 25 }, (_, i) => `K${i},A,Key Result,High,Quarterly,%,x,,,,,,,,,`);
    const message = problemsOf(() => readMeasuresCsv(`${MEASURE_HEADER}\n${rows.join("\n")}\n`, "big.csv")).split("\n");
    expect(message).toHaveLength(MAX_PROBLEMS + 1);
    expect(message[MAX_PROBLEMS]).toBe("big.csv: and 5 more problems");
    expect(message[0]).toBe('big.csv row 2, column baseline: "x" is not a number');
  });

  it("reports a missing required column by name", () => {
    const header = MEASURES_CSV_HEADERS.filter((h) => h !== "polarity" && h !== "q4_actual").join(",");
    expect(problemsOf(() => readMeasuresCsv(`${header}\n`, "m.csv"))).toBe(`m.csv row 1: missing required columns polarity, q4_actual (a measures CSV needs ${MEASURE_HEADER})`);
  });

  it("reports the same column twice", () => {
    expect(problemsOf(() => readMeasuresCsv(`${MEASURE_HEADER},Q2 Actual\n`, "m.csv"))).toBe("m.csv row 1, column Q2 Actual: is the same column as N (q2_actual); keep one");
  });

  it("reports a blank ID with the model's own words, and a repeated ID", () => {
    const bad = `${MEASURE_HEADER}\n,A,Key Result,High,Quarterly,%,,,,,,,,,,\nK1,B,Key Result,High,Quarterly,%,,,,,,,,,,\nK1,C,Key Result,High,Quarterly,%,,,,,,,,,,\n`;
    expect(problemsOf(() => readMeasuresCsv(bad, "m.csv")).split("\n")).toEqual([
      "m.csv row 2, column id: a measure needs an ID",
      'm.csv row 4, column id: "K1" is already used on row 3; IDs must be unique',
    ]);
  });

  it("reports a row with more values than headers (an unquoted comma)", () => {
    const bad = `${MEASURE_HEADER}\nK1,Spend, in £,Key Result,High,Quarterly,%,,,,,,,,,,\n`;
    expect(problemsOf(() => readMeasuresCsv(bad, "m.csv"))).toBe("m.csv row 2: has 17 values but the header has 16 columns (is a comma inside a value not in quotes?)");
  });

  it("reports broken quoting with its line, and an empty file", () => {
    expect(problemsOf(() => readMeasuresCsv(`${MEASURE_HEADER}\nK1,"open,,,\n`, "m.csv"))).toBe('m.csv row 2: a quoted value is never closed (missing ")');
    expect(problemsOf(() => readMeasuresCsv("\uFEFF\r\n", "m.csv"))).toMatch(/^m\.csv: the file is empty; the first line must be the column headers/);
  });

  it("a short row reads its missing trailing cells as blank", () => {
    expect(readMeasuresCsv(`${MEASURE_HEADER}\nK1,A,Key Result,High,Quarterly\n`, "m.csv")[0]).toMatchObject({ id: "K1", unit: "", q4Actual: null });
  });
});

describe("readActionsCsv", () => {
  it("reads dates, flags and text", () => {
    const text =
      `${ACTION_HEADER}\n` +
      `A-1,Publish the housing strategy,Jo Bloggs,2024-04-01,2024-12-31,,2024-11-15,no\n` +
      `A-2,Open two family hubs,Sam Smith,2024-07-01T00:00:00,2025-03-31,2025-06-30,,YES\n` +
      `A-3,Review the fleet,Alex Jones,,2025-01-31 00:00,,,TRUE\n` +
      `A-4,Train staff,Alex Jones,,,,,\n`;
    const [a1, a2, a3, a4] = readActionsCsv(text, "actions.csv");
    expect(a1).toMatchObject({ id: "A-1", leadOfficer: "Jo Bloggs", startDate: "2024-04-01", dueDate: "2024-12-31", revisedDueDate: null, completedDate: "2024-11-15", noLongerViable: false });
    expect(a2).toMatchObject({ startDate: "2024-07-01", revisedDueDate: "2025-06-30", noLongerViable: true });
    expect(a3).toMatchObject({ dueDate: "2025-01-31", noLongerViable: true });
    expect(a4).toMatchObject({ dueDate: null, noLongerViable: false, parentLink: "" });
    expect(a2.source).toMatchObject({ row: 3, columns: { dueDate: "E", noLongerViable: "H" } });
  });

  it("names the cell for a bad date, an impossible date and a bad flag", () => {
    const bad = `${ACTION_HEADER}\n` + `A-1,Do it,Jo,31/12/2024,2024-12-31,,,no\n` + `A-2,Do it,Jo,,2025-02-29,,,no\n` + `A-3,Do it,Jo,,2025-03-31,,,maybe\n`;
    expect(problemsOf(() => readActionsCsv(bad, "actions.csv")).split("\n")).toEqual([
      'actions.csv row 2, column start_date: "31/12/2024" is not a date (write yyyy-mm-dd, e.g. 2024-06-30)',
      'actions.csv row 3, column due_date: "2025-02-29" is not a real date',
      'actions.csv row 4, column no_longer_viable: "maybe" is not yes or no',
    ]);
  });

  it("accepts optional model columns by their csv names, and checks them with the model", () => {
    const text = `${ACTION_HEADER},percent_complete,self_assessed_rag\nA-1,Do it,Jo,,2025-03-31,,,no,50,amber\nA-2,Do it,Jo,,2025-03-31,,,no,150,\n`;
    expect(problemsOf(() => readActionsCsv(text, "a.csv"))).toMatch(/^a\.csv row 3, column percent_complete: .*100/);
    expect(readActionsCsv(text.split("\n").slice(0, 2).join("\n"), "a.csv")[0]).toMatchObject({ percentComplete: 50, selfAssessedRag: "Amber" });
  });
});

describe("detectCsvKind", () => {
  it("tells measures from actions by their canonical columns", () => {
    expect(detectCsvKind([...MEASURES_CSV_HEADERS])).toBe("measures");
    expect(detectCsvKind([...ACTIONS_CSV_HEADERS, "extra"])).toBe("actions");
    expect(detectCsvKind(["\uFEFFID", "Name", "Polarity"])).toBe("measures");
    expect(detectCsvKind(["id", "action"])).toBe("actions");
  });
  it("returns null for anything else", () => {
    expect(detectCsvKind(["corporate_plan_theme", "measure", "what_is_good"])).toBeNull();
    expect(detectCsvKind(["id"])).toBeNull();
    expect(detectCsvKind([])).toBeNull();
  });
});
