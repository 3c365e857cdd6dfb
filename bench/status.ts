// How fast the TypeScript face of the statuses runs over a large council's plans: every action's
// status and every measure's RAG and direction for one quarter, on seeded random (realistic) data.
import { DEFAULT_TOLERANCES } from "../src/model/framework";
import { addMonths, IsoDate, isoToSerial, serialToIso } from "../src/model/dates";
import { Quarter } from "../src/model/period";
import { FREQUENCIES, MEASURE_TYPES, Polarity } from "../src/model/plan";
import { actionStatus, ActionStatusInput } from "../src/status/actionStatus";
import { directionOfTravel, DirectionInput } from "../src/status/direction";
import { measureRag, RagInput } from "../src/status/rag";
import { BenchRow, timeMs } from "./table";
import { seeded } from "../examples/sefton/seeded";

type MeasureInput = RagInput & DirectionInput;

const FY_START = isoToSerial("2024-04-01");

export function sampleActions(count: number, seed = 1): ActionStatusInput[] {
  const random = seeded(seed);
  const day = (from: number, span: number): IsoDate => serialToIso(from + Math.floor(random() * span));
  return Array.from({ length: count }, () => {
    const startDate = random() < 0.8 ? day(FY_START - 60, 300) : null;
    const dueDate = random() < 0.95 ? day(startDate ? isoToSerial(startDate) + 30 : FY_START, 330) : null;
    const revisedDueDate = dueDate && random() < 0.25 ? addMonths(dueDate, 1 + Math.floor(random() * 6)) : null;
    const completedDate = dueDate && random() < 0.35 ? day(isoToSerial(dueDate) - 60, 120) : null;
    return { noLongerViable: random() < 0.03, startDate, dueDate, revisedDueDate, completedDate };
  });
}

export function sampleMeasures(count: number, seed = 2): MeasureInput[] {
  const random = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const polarities: (Polarity | null)[] = ["High", "High", "Low", "Low", "Target", null];
  return Array.from({ length: count }, () => {
    const baseline = Math.round(random() * 10000) / 100;
    const annualTarget = Math.round(baseline * (0.9 + random() * 0.2) * 100) / 100;
    const figure = () => (random() < 0.85 ? Math.round(annualTarget * (0.85 + random() * 0.3) * 100) / 100 : null);
    const trajectory = random() < 0.3;
    return {
      type: pick(MEASURE_TYPES),
      polarity: pick(polarities),
      frequency: pick(FREQUENCIES),
      baseline,
      annualTarget,
      q1Target: trajectory ? annualTarget * 0.25 : null,
      q2Target: trajectory ? annualTarget * 0.5 : null,
      q3Target: trajectory ? annualTarget * 0.75 : null,
      q4Target: trajectory ? annualTarget : null,
      q1Actual: figure(),
      q2Actual: figure(),
      q3Actual: figure(),
      q4Actual: figure(),
      greenWithin: random() < 0.1 ? 2.5 : null,
      amberWithin: random() < 0.1 ? 10 : null,
    };
  });
}

/** All statuses for one quarter; returns a count so the work cannot be optimised away. */
export function computeStatuses(actions: ActionStatusInput[], measures: MeasureInput[], reportingDate: IsoDate, quarter: Quarter): number {
  let slipped = 0;
  for (const a of actions) if (actionStatus(a, reportingDate, 3).startsWith("Slipped")) slipped++;
  for (const m of measures) {
    if (measureRag(m, quarter, DEFAULT_TOLERANCES) === "Red") slipped++;
    if (directionOfTravel(m, quarter) === "Declining") slipped++;
  }
  return slipped;
}

function elapsedMs(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function bench(): Promise<BenchRow[]> {
  const actions = sampleActions(20_000);
  const measures = sampleMeasures(5_000);
  // A 2,000-row run is timed as the mean over ten different 2,000-row slices taken in one go, so
  // both sizes touch the same memory and the ratio shows how the work scales, not whether 2,000
  // rows happen to sit in L2. A cost that grew with the list (a lookup per row, say) still shows.
  const slices = Array.from({ length: 10 }, (_, k) => ({ actions: actions.slice(k * 2_000, (k + 1) * 2_000), measures: measures.slice(k * 500, (k + 1) * 500) }));
  let sink = 0;
  const large = () => {
    sink += computeStatuses(actions, measures, "2024-09-30", 2);
  };
  const small = () => {
    for (const slice of slices) sink += computeStatuses(slice.actions, slice.measures, "2024-09-30", 2);
  };
  timeMs(large, 3); // warm-up for the JIT
  timeMs(small, 3);
  let largeMs = Infinity;
  let smallMs = Infinity;
  // Interleaved rounds: on a shared machine both sizes see the same background load.
  for (let round = 0; round < 30; round++) {
    largeMs = Math.min(largeMs, elapsedMs(large));
    smallMs = Math.min(smallMs, elapsedMs(small) / slices.length);
  }
  if (sink < 0) throw new Error("unreachable"); // keeps the results live
  const ratio = largeMs / smallMs;
  return [
    { area: "status", measure: "statuses for 20,000 actions + 5,000 measures", value: largeMs, unit: "ms", budget: 100, ok: largeMs <= 100 },
    { area: "status", measure: "ratio 20,000 / 2,000 rows", value: ratio, unit: "x", budget: 11, ok: ratio <= 11 },
  ];
}
