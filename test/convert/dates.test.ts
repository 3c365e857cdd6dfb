import { isoToSerial } from "../../src/model/dates";
import { parseLooseDate } from "../../src/convert/dates";

describe("parseLooseDate: the forms loose plans use", () => {
  const cases: [string, string | null, "exact" | "inferred" | "none"][] = [
    ["31 March 2020", "2020-03-31", "exact"],
    ["31st March 2020", "2020-03-31", "exact"],
    ["Friday 31 March 2023", "2023-03-31", "exact"],
    ["31-Mar-2025", "2025-03-31", "exact"],
    ["31/03/2025", "2025-03-31", "exact"],
    ["31.03.25", "2025-03-31", "exact"],
    ["2025-03-31", "2025-03-31", "exact"],
    ["By 31 March 2025", "2025-03-31", "exact"],
    ["March 2025", "2025-03-31", "inferred"],
    ["Feb 2024", "2024-02-29", "inferred"],
    ["Mar-25", "2025-03-31", "inferred"],
    ["end of March 2025", "2025-03-31", "inferred"],
    ["Q3 2024/25", "2024-12-31", "inferred"],
    ["2024/25 Q4", "2025-03-31", "inferred"],
    ["Quarter 2 2025/26", "2025-09-30", "inferred"],
    ["Q1 24/25", "2024-06-30", "inferred"],
    ["2024/25", "2025-03-31", "inferred"],
    ["2024-2025", "2025-03-31", "inferred"],
    ["H1 2024/25", "2024-09-30", "inferred"],
    ["Spring 2010", "2010-05-31", "inferred"],
    ["Summer 2024", "2024-08-31", "inferred"],
    ["Autumn 2024", "2024-11-30", "inferred"],
    ["Winter 2024/25", "2025-02-28", "inferred"],
    ["Ongoing to March 2011", "2011-03-31", "inferred"],
    ["April 2024 - March 2025", "2025-03-31", "inferred"],
    ["31 March 2025 (revised)", "2025-03-31", "inferred"],
    ["2025", "2025-12-31", "inferred"],
    ["Ongoing", null, "none"],
    ["On-going", null, "none"],
    ["TBC", null, "none"],
    ["Quarterly", null, "none"],
    ["when funding allows", null, "none"],
    ["31/02/2025", null, "none"],
  ];
  test.each(cases)("%s", (text, date, certainty) => {
    const read = parseLooseDate(text);
    expect(read.certainty).toBe(certainty);
    expect(read.date).toBe(date);
    if (certainty === "exact") expect(read.note).toBe("");
    else expect(read.note).toContain(text);
  });

  test("UK order always: 03/04/2025 is 3 April, never 4 March", () => {
    expect(parseLooseDate("03/04/2025")).toEqual({ date: "2025-04-03", certainty: "exact", note: "" });
    expect(parseLooseDate("4/3/25").date).toBe("2025-03-04");
  });

  test("a US-order date is refused, not swapped", () => {
    const read = parseLooseDate("12/31/2025");
    expect(read.date).toBeNull();
    expect(read.note).toMatch(/US order/);
  });

  test("Excel serials shown as dates are exact; bare numbers are at best inferred", () => {
    const serial = isoToSerial("2025-03-31");
    expect(parseLooseDate(serial, { isDate: true })).toEqual({ date: "2025-03-31", certainty: "exact", note: "" });
    expect(parseLooseDate(serial + 0.5, { isDate: true }).date).toBe("2025-03-31");
    expect(parseLooseDate(serial).certainty).toBe("inferred");
    expect(parseLooseDate(2026)).toMatchObject({ date: "2026-12-31", certainty: "inferred" });
    expect(parseLooseDate(3.5)).toMatchObject({ date: null, certainty: "none" });
  });

  test("a quarter, month or year end alone needs the plan year", () => {
    expect(parseLooseDate("Q3").certainty).toBe("none");
    expect(parseLooseDate("Q3", { planYear: "2024/25" }).date).toBe("2024-12-31");
    expect(parseLooseDate("March", { planYear: "2024/25" }).date).toBe("2025-03-31");
    expect(parseLooseDate("September", { planYear: 2024 }).date).toBe("2024-09-30");
    expect(parseLooseDate("31st March", { planYear: "2024/25" }).date).toBe("2025-03-31");
    expect(parseLooseDate("year end", { planYear: "2024/25" }).date).toBe("2025-03-31");
  });

  test("a range or a sentence takes its latest date, the deadline", () => {
    expect(parseLooseDate("Review 01/06/2024 then 30/09/2024").date).toBe("2024-09-30");
    expect(parseLooseDate("Phase 1 Q1 2024/25, phase 2 Q3 2024/25").date).toBe("2024-12-31");
  });
});
