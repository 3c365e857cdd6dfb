// Each measure's quarters so far, for the pane's trend chart (office.js cannot draw Excel's
// sparklines, so the pane draws the picture itself from the same rules as the statuses).
import { measureTrend, TrendPoint } from "../status/trend";
import { currentPeriod, OpenPlan } from "./plan";

export interface MeasureTrendView {
  id: string;
  name: string;
  unit: string;
  points: TrendPoint[];
}

/** Q1-Q4 of every measure at the plan's reporting quarter: actual, target and RAG as they stood. */
export function measureTrends(open: Pick<OpenPlan, "plan" | "settings">): MeasureTrendView[] {
  const quarter = currentPeriod(open).quarter;
  return open.plan.measures.map((m) => ({ id: m.id, name: m.name, unit: m.unit, points: measureTrend(m, quarter, open.settings.tolerances) }));
}
