/// <reference types="office-js" />
// Sends write steps as few requests as the 4 MB ceiling allows: usually one. Each request suspends
// calculation (it resumes at the next sync); events are off from the first request and put back
// at the end of the last one (or after a failure). Then the workbook is recalculated in a small
// request of its own, after calculation has resumed: suspendApiCalculationUntilNextSync's page says
// re-calculating is then the add-in's job, and documents no calculate() inside the suspended
// request. Only when that extra sync would break a command's budget of 3 does the recalculation
// ride in the last write request instead (apply() on a very big plan).
import { REQUEST_LIMIT_BYTES, REQUEST_MARGIN_BYTES, packRequests } from "./chunks";
import type { ExcelStep } from "./designSteps";

export interface SendOptions {
  /** What runtime.enableEvents was before the command, so we put back exactly that. */
  eventsWere: boolean;
  requestLimitBytes?: number;
  /** Syncs the command may still spend (3 minus those it used); a separate recalculation needs one. */
  syncsLeft?: number;
  /** Queues loads that ride in the last request (a check of what the writes did). */
  check?: (context: Excel.RequestContext) => void;
  /**
   * "automatic": calculation is not suspended, so Excel recalculates after each command as it does
   * after typing, and no recalculation request is needed; for a few large commands whose results
   * formulas depend on (update(): a suspended request leaves re-calculating to us, and its budget
   * of 3 syncs has no room for a request of its own). Default "suspend".
   */
  calculation?: "suspend" | "automatic";
}

/** Sends the steps; resolves to the number of syncs used. */
export async function sendSteps(context: Excel.RequestContext, steps: ExcelStep[], options: SendOptions): Promise<number> {
  const limit = (options.requestLimitBytes ?? REQUEST_LIMIT_BYTES) - REQUEST_MARGIN_BYTES;
  const requests = packRequests(steps, limit);
  if (requests.length === 0) return 0;
  let syncs = 0;
  const automatic = options.calculation === "automatic";
  const separate = !automatic && requests.length + 1 <= (options.syncsLeft ?? Infinity);
  try {
    for (let i = 0; i < requests.length; i++) {
      if (!automatic) context.application.suspendApiCalculationUntilNextSync();
      if (i === 0) context.runtime.enableEvents = false;
      for (const step of requests[i]) step.queue(context);
      if (i === requests.length - 1) {
        if (!separate) {
          if (!automatic) context.application.calculate("Recalculate");
          options.check?.(context);
        }
        context.runtime.enableEvents = options.eventsWere;
      }
      syncs++;
      // Each sync sends one request of at most 4 MB: splitting is the point, not an accident.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
    if (separate) {
      context.application.calculate("Recalculate");
      options.check?.(context);
      syncs++;
      await context.sync();
    }
  } catch (error) {
    // Put events back even though a write failed, then report the failure itself.
    context.runtime.enableEvents = options.eventsWere;
    await context.sync().catch(() => undefined);
    throw error;
  }
  return syncs;
}
