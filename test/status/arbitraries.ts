// Random status inputs, biased towards the edges where the two faces could disagree: values
// exactly on band edges, a hair either side of the 9-decimal rounding, month ends and leap days.
import fc from "fast-check";
import { addMonths, IsoDate, isoToSerial, serialToIso } from "../../src/model/dates";
import { MEASURE_TYPES, POLARITIES, FREQUENCIES, QUARTERS } from "../../src/model/plan";
import { Period, Quarter, periodLabel, periodOfDate, quarterEnd } from "../../src/model/period";
import { HistoryRow, sameQuarterLastYear } from "../../src/status/history";
import { actualFor, ratedQuarter, targetFor } from "../../src/status/rag";
import { ActionStatusInput } from "../../src/status/actionStatus";
import { StatusSettings } from "./statusSheet";
import { MeasureInput } from "./fixtures";

/** Figures as councils have them (whole numbers, pence, £m budgets, percentages) and arbitrary doubles. */
const figure: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100),
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }).map((n) => n / 100),
  // Arbitrary doubles, but not the near-zero ones (e.g. 1e-298): no council figure is that small, and
  // HyperFormula's precision epsilon reads them as 0 where Excel and TypeScript do not.
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => (Math.abs(x) < 1e-6 ? 0 : x)),
  fc.constantFrom(0, 0.1, 0.2, 0.3, 0.285, 0.015, 1, 100, -100),
);

const tolerance: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 2.5, 5, 10, 15),
  fc.integer({ min: 0, max: 300 }).map((n) => n / 10),
);

/** `arb` or null (blank), blank `nullPercent`% of the time. */
const maybe = <T>(arb: fc.Arbitrary<T>, nullPercent = 50): fc.Arbitrary<T | null> => fc.oneof({ weight: nullPercent, arbitrary: fc.constant(null) }, { weight: 100 - nullPercent, arbitrary: arb });

const EDGE_KINDS = ["none", "exact", "pence", "hair", "belowRounding", "roundingHalf", "mirror"] as const;
type EdgeKind = (typeof EDGE_KINDS)[number];
/** Nudges around the 9-decimal rounding: 1e-9 survives it, 4e-10 rounds away, 5e-10 is the half. */
const HAIR: Record<EdgeKind, number> = { none: 0, exact: 0, pence: 0, hair: 1e-9, belowRounding: 4e-10, roundingHalf: 5e-10, mirror: 0 };

interface Edge {
  kind: EdgeKind;
  /** Which side of the target (Target polarity) and which way to nudge. */
  side: 1 | -1;
  nudge: 1 | -1;
  band: "green" | "amber";
}

const edge: fc.Arbitrary<Edge> = fc.record({
  kind: fc.constantFrom(...EDGE_KINDS),
  side: fc.constantFrom(1 as const, -1 as const),
  nudge: fc.constantFrom(1 as const, -1 as const),
  band: fc.constantFrom("green" as const, "amber" as const),
});

function nudged(x: number, e: Edge): number {
  return e.kind === "pence" ? Math.round(x * 100) / 100 : x + e.nudge * HAIR[e.kind];
}

const measureFields = fc.record({
  type: fc.constantFrom(...MEASURE_TYPES, "Performance Indicator", "Key Result"),
  polarity: maybe(fc.constantFrom(...POLARITIES), 15),
  frequency: fc.constantFrom(...FREQUENCIES, "Quarterly", "Monthly"),
  baseline: maybe(figure, 15),
  annualTarget: maybe(figure, 15),
  q1Target: maybe(figure, 65),
  q2Target: maybe(figure, 65),
  q3Target: maybe(figure, 65),
  q4Target: maybe(figure, 65),
  q1Actual: maybe(figure, 20),
  q2Actual: maybe(figure, 20),
  q3Actual: maybe(figure, 20),
  q4Actual: maybe(figure, 20),
  greenWithin: maybe(tolerance, 75),
  amberWithin: maybe(tolerance, 75),
  // Blank in older plans: undefined (column absent) and blank cells both read as snapshot / Q4.
  cumulative: fc.constantFrom(true, false, undefined),
  reportedIn: fc.constantFrom(...QUARTERS, undefined, undefined),
});

/** Puts the rated quarter's actual on (or a hair from) a band edge, and its comparator on (or a hair from) the actual. */
function withEdges(m: MeasureInput, reportingQuarter: Quarter, s: StatusSettings, rag: Edge, travel: Edge): MeasureInput {
  const out = { ...m };
  const q = ratedQuarter(out, reportingQuarter) ?? reportingQuarter;
  const target = targetFor(out, q);
  if (rag.kind !== "none" && target !== null) {
    const pct = rag.band === "green" ? (out.greenWithin ?? s.greenWithin) : (out.amberWithin ?? s.amberWithin);
    const worse = out.polarity === "Low" ? 1 : out.polarity === "Target" ? rag.side : -1;
    out[`q${q}Actual`] = nudged(target + (worse * Math.abs(target) * pct) / 100, rag);
  }
  const now = actualFor(out, q);
  if (travel.kind !== "none" && now !== null) {
    const comparator = out.frequency === "Annual" || out.cumulative === true || (q !== 2 && q !== 3) ? "baseline" : q === 2 ? "q1Actual" : "q2Actual";
    // "mirror": the same distance from the target on the other side.
    out[comparator] = travel.kind === "mirror" ? (target === null ? now : 2 * target - now) : nudged(now, travel);
  }
  return out;
}

const isoIn = (from: IsoDate, to: IsoDate) => fc.integer({ min: isoToSerial(from), max: isoToSerial(to) }).map(serialToIso);

const settings: fc.Arbitrary<StatusSettings> = fc.record({
  reportingDate: fc.oneof(
    isoIn("2023-01-01", "2026-12-31"),
    fc.integer({ min: 0, max: 15 }).map((i) => quarterEnd({ startYear: 2022 + Math.floor(i / 4), quarter: ((i % 4) + 1) as Quarter })),
  ),
  greenWithin: tolerance,
  amberWithin: tolerance,
  slippageMonths: fc.oneof(fc.constant(3), fc.integer({ min: 1, max: 24 })),
});

export interface MeasureBatch {
  settings: StatusSettings;
  quarter: Quarter;
  measures: (MeasureInput & { id: string })[];
  /** The Updates history: last year's figures, and rows that must not be taken for them. */
  history: HistoryRow[];
}

const HISTORY_KINDS = ["none", "sameQuarter", "sameQuarterOtherCase", "noFigure", "twice", "otherQuarter", "thisYear", "otherId"] as const;

/** History rows for one measure: the right one (or near misses a lookup must not take). */
function historyFor(id: string, period: Period, kind: (typeof HISTORY_KINDS)[number], value: number, other: number): HistoryRow[] {
  const label = sameQuarterLastYear(period);
  switch (kind) {
    case "none":
      return [];
    case "sameQuarter":
      return [{ period: label, itemId: id, value }];
    case "sameQuarterOtherCase":
      return [{ period: label.toLowerCase(), itemId: id.toLowerCase(), value }];
    case "noFigure":
      return [{ period: label, itemId: id, value: null }];
    case "twice":
      return [
        { period: label, itemId: id, value },
        { period: label, itemId: id, value: other },
      ];
    case "otherQuarter":
      return [{ period: periodLabel({ startYear: period.startYear - 1, quarter: ((period.quarter % 4) + 1) as Quarter }), itemId: id, value }];
    case "thisYear":
      return [{ period: periodLabel(period), itemId: id, value }];
    case "otherId":
      return [{ period: label, itemId: `${id}X`, value }];
  }
}

export const measureBatch: fc.Arbitrary<MeasureBatch> = settings.chain((s) => {
  const period = periodOfDate(s.reportingDate);
  const quarter = period.quarter;
  const one = fc.tuple(measureFields, edge, edge, fc.constantFrom(...HISTORY_KINDS), fc.oneof(figure, fc.constant(null)), figure).map(([m, rag, travel, kind, lastYear, other]) => {
    const measure = withEdges(m as MeasureInput, quarter, s, rag, travel);
    // Last year's figure on (or a hair from) this year's, so Maintained and the rounding edge come up.
    const now = actualFor(measure, ratedQuarter(measure, quarter) ?? quarter);
    const value = lastYear ?? (now !== null ? nudged(now, travel) : other);
    return { measure, kind, value, other };
  });
  return fc.array(one, { minLength: 50, maxLength: 100 }).map((rows) => {
    const measures = rows.map((r, i) => ({ ...r.measure, id: `KPI-${i + 1}` }));
    const history = rows.flatMap((r, i) => historyFor(measures[i].id, period, r.kind, r.value, r.other));
    return { settings: s, quarter, measures, history };
  });
});

const shiftDays = (iso: IsoDate, days: number) => serialToIso(isoToSerial(iso) + days);

/** Dates around the reporting date, plus month ends and leap days where EDATE clamps. */
function dateNear(reportingDate: IsoDate): fc.Arbitrary<IsoDate> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -500, max: 500 }).map((d) => shiftDays(reportingDate, d)) },
    { weight: 1, arbitrary: fc.constantFrom(reportingDate, shiftDays(reportingDate, 1), shiftDays(reportingDate, -1)) },
    { weight: 1, arbitrary: fc.constantFrom("2023-11-29", "2023-11-30", "2024-02-29", "2024-08-31", "2024-05-31", "2025-11-30", "2024-12-31", "2025-01-31") },
  );
}

const SLIP_EDGES = ["none", "revisedOnEdge", "revisedDayBefore", "reportingOnEdge", "reportingDayAfter"] as const;

export interface ActionBatch {
  settings: StatusSettings;
  actions: ActionStatusInput[];
}

export const actionBatch: fc.Arbitrary<ActionBatch> = settings.chain((s) => {
  const rd = s.reportingDate;
  const qEnd = quarterEnd(periodOfDate(rd));
  const one = fc
    .record({
      noLongerViable: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      startDate: maybe(fc.oneof(dateNear(rd), fc.constantFrom(qEnd, shiftDays(qEnd, 1)))),
      dueDate: maybe(dateNear(rd), 12),
      revisedDueDate: maybe(dateNear(rd), 60),
      completedDate: maybe(dateNear(rd), 75),
      slip: fc.constantFrom(...SLIP_EDGES),
    })
    .map(({ slip, ...a }): ActionStatusInput => {
      if (a.dueDate === null || slip === "none") return a;
      const edge = addMonths(a.dueDate, s.slippageMonths);
      if (slip === "revisedOnEdge") return { ...a, revisedDueDate: edge };
      if (slip === "revisedDayBefore") return { ...a, revisedDueDate: shiftDays(edge, -1) };
      // Move the due date so the reporting date sits on (or a day past) its slippage edge.
      const due = addMonths(rd, -s.slippageMonths);
      return { ...a, dueDate: slip === "reportingOnEdge" ? due : shiftDays(due, -1), revisedDueDate: null };
    });
  return fc.array(one, { minLength: 50, maxLength: 100 }).map((actions) => ({ settings: s, actions }));
});
