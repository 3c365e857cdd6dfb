/// <reference types="office-js" />
// Sends write steps as few requests as the 4 MB ceiling allows: usually one. Each request suspends
// calculation (it resumes at the next sync); events are off from the first request and put back
// at the end of the last one (or after a failure), and the last request recalculates.
import { REQUEST_LIMIT_BYTES, REQUEST_MARGIN_BYTES, packRequests } from "./chunks";
import type { ExcelStep } from "./designSteps";

export interface SendOptions {
  /** What runtime.enableEvents was before the command, so we put back exactly that. */
  eventsWere: boolean;
  requestLimitBytes?: number;
}

/** Sends the steps; resolves to the number of syncs used. */
export async function sendSteps(context: Excel.RequestContext, steps: ExcelStep[], options: SendOptions): Promise<number> {
  const limit = (options.requestLimitBytes ?? REQUEST_LIMIT_BYTES) - REQUEST_MARGIN_BYTES;
  const requests = packRequests(steps, limit);
  if (requests.length === 0) return 0;
  let syncs = 0;
  try {
    for (let i = 0; i < requests.length; i++) {
      context.application.suspendApiCalculationUntilNextSync();
      if (i === 0) context.runtime.enableEvents = false;
      for (const step of requests[i]) step.queue(context);
      if (i === requests.length - 1) {
        context.application.calculate("Recalculate");
        context.runtime.enableEvents = options.eventsWere;
      }
      syncs++;
      // Each sync sends one request of at most 4 MB: splitting is the point, not an accident.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
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
