// Cumulative and annual measures across the year: the YTD target, YTD actual and Compared with
// cells (which RAG and direction read) agree with ytdTarget, ytdActual and comparatorFor, at every
// quarter, with the history's edges: none, a quarter missing, a row without a figure, year-end.
import fc from "fast-check";
import { periodOfDate, Quarter, quarterEnd } from "../../src/model/period";
import { comparatorFor, directionOfTravel } from "../../src/status/direction";
import { directionFormula } from "../../src/status/direction.formula";
import { HistoryRow, lastYearFigure } from "../../src/status/history";
import { measureRag, ytdActual, ytdTarget } from "../../src/status/rag";
import { ragFormula, ytdActualFormula, ytdTargetFormula } from "../../src/status/rag.formula";
import { comparedWithFormula } from "../../src/status/direction.formula";
import { vsTargetFormula } from "../../src/status/againstTarget.formula";
import { quarterAgainstTarget } from "../../src/status/trend";
import { MEASURE_COLUMNS } from "../../src/model/plan";
import { measureBatch, MeasureBatch } from "./arbitraries";
import { assertNoDisagreement, cellValue, HISTORY_REF, measureSheet, StatusSettings } from "./statusSheet";
import { measure, MeasureInput } from "./fixtures";

const sheet = measureSheet();
afterAll(() => sheet.destroy());
const kinds = new Map(MEASURE_COLUMNS.map((c) => [c.key, c.meta.kind]));
const cell = (m: MeasureInput, key: string) => cellValue((m as Record<string, unknown>)[key], kinds.get(key)!);
const blankAsNull = (v: unknown) => (v === "" || v === null ? null : v);
/** HyperFormula hands back cell values rounded to 10 significant digits; the statuses use the full value. */
// and reads vanishingly small doubles (below 1e-200, never a council figure) as nothing: the random figures include them.
const subnormal = (v: unknown) => typeof v === "number" && v !== 0 && Math.abs(v) < 1e-200;
const sameFigure = (a: unknown, b: unknown) =>
  a === b || subnormal(a) || subnormal(b) || (typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)));

function figureMismatches({ settings, quarter, measures, history }: MeasureBatch): unknown[] {
  const period = periodOfDate(settings.reportingDate);
  const target = sheet.evaluate(settings, measures, cell, ytdTargetFormula, history);
  const actual = sheet.evaluate(settings, measures, cell, ytdActualFormula, history);
  const compared = sheet.evaluate(settings, measures, cell, (ref) => comparedWithFormula(ref, HISTORY_REF), history);
  // The batch's quarter's "vs target" column (over many batches every quarter comes up).
  const vsTarget = sheet.evaluate(settings, measures, cell, (ref) => vsTargetFormula(ref, quarter), history);
  return measures.flatMap((m, i) => {
    const want = [ytdTarget(m, quarter), ytdActual(m, quarter), comparatorFor(m, quarter, lastYearFigure(history, m.id, period)), quarterAgainstTarget(m, quarter)];
    const got = [target[i], actual[i], compared[i], vsTarget[i]].map(blankAsNull);
    return want.every((w, k) => sameFigure(w, got[k])) ? [] : [{ measure: m, quarter, want, got }];
  });
}

it("HyperFormula's YTD target, YTD actual, Compared with and vs target agree with the TypeScript on random measures and histories", () => {
  let rows = 0;
  assertNoDisagreement(measureBatch, (batch) => ((rows += batch.measures.length), figureMismatches(batch)), 8);
  expect(rows).toBeGreaterThan(400);
});

const Q_END = (q: Quarter) => quarterEnd({ startYear: 2024, quarter: q });
const settingsAt = (q: Quarter): StatusSettings => ({ reportingDate: Q_END(q), greenWithin: 0, amberWithin: 5, slippageMonths: 3 });

/** RAG and direction from the sheet and from TypeScript, for one measure at one quarter. */
function both(m: MeasureInput & { id: string }, q: Quarter, history: HistoryRow[]): { sheet: unknown[]; ts: unknown[] } {
  const s = settingsAt(q);
  const [rag] = sheet.evaluate(s, [m], cell, ragFormula, history);
  const [direction] = sheet.evaluate(s, [m], cell, directionFormula, history);
  const lastYear = lastYearFigure(history, m.id, periodOfDate(s.reportingDate));
  return { sheet: [rag, direction], ts: [measureRag(m, q, s), directionOfTravel(m, q, lastYear)] };
}

describe("a cumulative measure (council tax collected, £m year to date)", () => {
  const taxCollected = { ...measure({ cumulative: true, annualTarget: 120, baseline: 115, q1Actual: 31, q2Actual: 62, q3Actual: 88, q4Actual: 121 }), id: "KPI-CT-01" };
  const lastYear: HistoryRow[] = [
    { period: "2023/24 Q1", itemId: "KPI-CT-01", value: 30 },
    { period: "2023/24 Q2", itemId: "KPI-CT-01", value: 63 },
    { period: "2023/24 Q3", itemId: "KPI-CT-01", value: 88 },
    { period: "2023/24 Q4", itemId: "KPI-CT-01", value: 115 },
  ];

  it("is judged at each quarter against the annual target's share to date and compared with the same quarter last year", () => {
    const expected: [Quarter, string, string][] = [
      [1, "Green", "Improving"], // 31 against 30 due; last year 30
      [2, "Green", "Declining"], // 62 against 60; last year 63
      [3, "Amber", "Maintained"], // 88 against 90 (2.2% short); last year 88
      [4, "Green", "Improving"], // 121 against 120; last year 115
    ];
    for (const [q, rag, direction] of expected) {
      const { sheet: got, ts } = both(taxCollected, q, lastYear);
      expect({ q, got, ts }).toEqual({ q, got: [rag, direction], ts: [rag, direction] });
    }
  });

  it("with no history has no direction until year-end, when last year's outturn (the baseline) is the comparison", () => {
    const got = ([1, 2, 3, 4] as Quarter[]).map((q) => both(taxCollected, q, []));
    expect(got.map((g) => g.sheet[1])).toEqual(["M", "M", "M", "Improving"]);
    expect(got.map((g) => g.ts[1])).toEqual(["M", "M", "M", "Improving"]);
  });

  it("with a quarter missing from the history (or recorded without a figure) has no direction that quarter only", () => {
    const gappy = lastYear.filter((h) => h.period !== "2023/24 Q2").map((h) => (h.period === "2023/24 Q3" ? { ...h, value: null } : h));
    const got = ([1, 2, 3, 4] as Quarter[]).map((q) => both(taxCollected, q, gappy));
    expect(got.map((g) => g.sheet[1])).toEqual(["Improving", "M", "M", "Improving"]);
    expect(got.map((g) => g.ts[1])).toEqual(got.map((g) => g.sheet[1]));
  });

  it("does not take this year's or another measure's history for last year's", () => {
    const wrong: HistoryRow[] = [
      { period: "2024/25 Q2", itemId: "KPI-CT-01", value: 1 },
      { period: "2023/24 Q2", itemId: "KPI-CT-010", value: 1 },
    ];
    expect(both(taxCollected, 2, wrong)).toEqual({ sheet: ["Green", "M"], ts: ["Green", "M"] });
  });

  it("a trajectory target wins over the share", () => {
    const profiled = { ...taxCollected, q1Target: 33 };
    expect(both(profiled, 1, lastYear)).toEqual({ sheet: ["Red", "Improving"], ts: ["Red", "Improving"] });
  });
});

describe("an annual measure (published once a year)", () => {
  const survey = { ...measure({ frequency: "Annual", reportedIn: "Q2", annualTarget: 80, baseline: 76, q2Actual: 79 }), id: "KPI-AS-02" };

  it("is M before its reported-in quarter and rated on that quarter's figure from then to year-end", () => {
    const got = ([1, 2, 3, 4] as Quarter[]).map((q) => both(survey, q, []));
    expect(got.map((g) => g.sheet)).toEqual([
      ["M", "M"],
      ["Amber", "Improving"],
      ["Amber", "Improving"],
      ["Amber", "Improving"],
    ]);
    expect(got.map((g) => g.ts)).toEqual(got.map((g) => g.sheet));
  });

  it("without a reported-in quarter is rated at Q4, as plans before the column were", () => {
    const old = { ...survey, reportedIn: undefined, q2Actual: null, q4Actual: 81 };
    const got = ([1, 2, 3, 4] as Quarter[]).map((q) => both(old, q, []));
    expect(got.map((g) => g.sheet)).toEqual([
      ["M", "M"],
      ["M", "M"],
      ["M", "M"],
      ["Green", "Improving"],
    ]);
    expect(got.map((g) => g.ts)).toEqual(got.map((g) => g.sheet));
  });

  it("reported in its quarter but with no figure yet is M", () => {
    const late = { ...survey, q2Actual: null };
    expect(both(late, 3, [])).toEqual({ sheet: ["M", "M"], ts: ["M", "M"] });
  });
});

it("the edges agree in every quarter for every kind of measure", () => {
  const kinds = fc.record({
    cumulative: fc.constantFrom(true, false, undefined),
    frequency: fc.constantFrom("Quarterly" as const, "Annual" as const, "Monthly" as const),
    reportedIn: fc.constantFrom("Q1" as const, "Q2" as const, "Q3" as const, "Q4" as const, undefined),
    history: fc.constantFrom("none", "full", "gap"),
    quarter: fc.constantFrom(1 as Quarter, 2 as Quarter, 3 as Quarter, 4 as Quarter),
  });
  fc.assert(
    fc.property(kinds, ({ history, quarter, ...k }) => {
      const m = { ...measure({ ...k, annualTarget: 100, baseline: 90, q1Actual: 26, q2Actual: 50, q3Actual: 74, q4Actual: 99 }), id: "K" };
      const rows: HistoryRow[] =
        history === "none" ? [] : ([1, 2, 3, 4] as Quarter[]).filter((q) => history === "full" || q !== quarter).map((q) => ({ period: `2023/24 Q${q}`, itemId: "K", value: 20 * q }));
      const { sheet: got, ts } = both(m, quarter, rows);
      expect(got).toEqual(ts);
    }),
    { numRuns: 120 },
  );
});
