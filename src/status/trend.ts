// A measure's path through the year, quarter by quarter: what the trend pictures draw (the pane's
// trend chart, the QSR return's sparklines). Each point is worked out by the same rules as the
// statuses (targetFor, measureRag), so the picture and the RAG never disagree.
import { Tolerances } from "../model/framework";
import { Quarter } from "../model/period";
import { Polarity } from "../model/plan";
import { subtract } from "./precision";
import { actualFor, measureRag, Rag, RagInput, ratedQuarter, targetFor } from "./rag";

export const QUARTERS_OF_YEAR: readonly Quarter[] = [1, 2, 3, 4];

export interface TrendPoint {
  quarter: Quarter;
  actual: number | null;
  target: number | null;
  /** The RAG as it stood at that quarter; null for quarters after the reporting quarter. */
  rag: Rag | null;
}

/**
 * Q1-Q4 of a plan measure at the reporting quarter. Quarters after it have no actual or RAG yet
 * (their targets still show the way ahead). An annual measure has one figure, in its reported-in
 * quarter; its other quarters show no actual.
 */
export function measureTrend(m: RagInput, reportingQuarter: Quarter, tolerances: Tolerances): TrendPoint[] {
  return QUARTERS_OF_YEAR.map((q) => {
    const reached = q <= reportingQuarter;
    const own = ratedQuarter(m, q) === q;
    return {
      quarter: q,
      actual: reached && own ? actualFor(m, q) : null,
      target: m.frequency === "Annual" && !own ? null : targetFor(m, q),
      rag: reached ? measureRag(m, q, tolerances) : null,
    };
  });
}

/**
 * How far the actual is better (+) or worse (-) than the target, in the measure's units: High
 * actual - target, Low target - actual, Target minus the distance either side. Null without both
 * figures or a polarity.
 */
export function againstTarget(polarity: Polarity | null, actual: number | null, target: number | null): number | null {
  if (actual === null || target === null) return null;
  if (polarity === "High") return subtract(actual, target);
  if (polarity === "Low") return subtract(target, actual);
  if (polarity === "Target") return -Math.abs(subtract(actual, target));
  return null;
}

/**
 * A quarter's own figure against its own target as a percentage of the target (better +, worse -),
 * as the plan's "Q1 vs target %".."Q4 vs target %" columns show it, so measures of any unit share
 * one scale. An annual measure has one, in its reported-in quarter; a zero target has none.
 * againstTarget.formula.ts is the same rule as a sheet formula.
 */
export function quarterAgainstTarget(m: RagInput, quarter: Quarter): number | null {
  if (m.frequency === "Annual" && ratedQuarter(m, 4) !== quarter) return null;
  const target = targetFor(m, quarter);
  const gap = againstTarget(m.polarity, actualFor(m, quarter), target);
  if (gap === null || target === null || target === 0) return null;
  const percent = (gap / Math.abs(target)) * 100;
  return Number.isFinite(percent) ? percent : null;
}
