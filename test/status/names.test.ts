// The derived settings, evaluated by HyperFormula, against the TypeScript period helpers, and
// HyperFormula's date numbering against Excel's.
import { HyperFormula } from "hyperformula";
import { isoToSerial, serialToIso } from "../../src/model/dates";
import { periodOfDate, quarterEnd } from "../../src/model/period";
import { reportingQuarterEndFormula, reportingQuarterFormula } from "../../src/status/names";

const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
hf.addSheet("Dates");
const sheet = hf.getSheetId("Dates")!;
afterAll(() => hf.destroy());

function evaluate(rows: (string | number)[][]): unknown[][] {
  hf.setSheetContent(sheet, rows);
  return hf.getSheetValues(sheet);
}

it("HyperFormula numbers dates as Excel does (1900 system, 31 March 2024 = 45382)", () => {
  expect(isoToSerial("2024-03-31")).toBe(45382);
  expect(isoToSerial("2024-01-01")).toBe(45292);
  const first = isoToSerial("1990-01-01");
  const rows = Array.from({ length: 2500 }, (_, i) => {
    const iso = serialToIso(first + i * 23);
    const [y, m, d] = iso.split("-").map(Number);
    return [`=DATE(${y},${m},${d})`];
  });
  const values = evaluate(rows).map((r) => r[0]);
  values.forEach((v, i) => expect(v).toBe(first + i * 23));
});

it("ReportingQuarter and ReportingQuarterEnd match periodOfDate / quarterEnd on every day of 2023-2026", () => {
  const toFormula = (f: string, serial: number) => f.replace(/ReportingDate/g, String(serial));
  const serials: number[] = [];
  for (let s = isoToSerial("2023-01-01"); s <= isoToSerial("2026-12-31"); s++) serials.push(s);
  const values = evaluate(serials.map((s) => [toFormula(reportingQuarterFormula(), s), toFormula(reportingQuarterEndFormula(), s)]));
  serials.forEach((s, i) => {
    const period = periodOfDate(serialToIso(s));
    expect([serialToIso(s), values[i][0], values[i][1]]).toEqual([serialToIso(s), period.quarter, isoToSerial(quarterEnd(period))]);
  });
});

it("the formula suggested in the issue, MOD(INT((MONTH-4)/3),4)+1, is not portable: HyperFormula's INT truncates", () => {
  // February: Excel floors INT(-2/3) to -1 (quarter 4); HyperFormula truncates to 0 (quarter 1).
  const [[suggested, ours]] = evaluate([["=MOD(INT((2-4)/3),4)+1", reportingQuarterFormula().replace("MONTH(ReportingDate)", "2")]]);
  expect(ours).toBe(4);
  expect(suggested).toBe(1);
});
