// What the ribbon's "Check plan", "Refresh statuses" and "Record the quarter" buttons do and say, without the pane.
// commands.ts wires them to Office; here they are plain functions over the pane's services.
import type { CheckResult, Counts, PaneServices, StatusCounts } from "../taskpane/paneModel";

export interface Notice {
  title: string;
  message: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function checkNotice(result: CheckResult): Notice {
  if (result.findings.length === 0) {
    return { title: "Check plan: no findings", message: `All ${plural(result.checkedActions, "action")} pass the SMART and golden-thread checks.` };
  }
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  const criteria = [...new Set(result.findings.map((f) => f.criterion))].map((c) => `${c} ${result.findings.filter((f) => f.criterion === c).length}`);
  return {
    title: `Check plan: ${plural(result.findings.length, "finding")}`,
    message:
      `${plural(count("error"), "error")}, ${plural(count("warning"), "warning")} and ${count("info")} for information on ${plural(result.checkedActions, "action")}.\n` +
      `By criterion: ${criteria.join(", ")}.\n` +
      "Open the Golden Thread pane and choose Check to go to each cell.",
  };
}

function line(name: string, counts: Counts): string {
  const shown = counts.filter((c) => c.count > 0);
  return `${name}: ${shown.length ? shown.map((c) => `${c.label} ${c.count}`).join(", ") : "none"}`;
}

function statusNotice(counts: StatusCounts): Notice {
  return {
    title: `Statuses for ${counts.period}`,
    message: [`Reporting date ${counts.reportingDate}.`, line("Measures RAG", counts.rag), line("Direction of travel", counts.direction), line("Actions", counts.actions)].join("\n"),
  };
}

export async function checkPlanCommand(services: Pick<PaneServices, "runCheck">): Promise<Notice> {
  return checkNotice(await services.runCheck());
}

export async function refreshStatusesCommand(services: Pick<PaneServices, "statusCounts">): Promise<Notice> {
  return statusNotice(await services.statusCounts());
}

/** Who the Updates rows name: a ribbon button cannot ask, so the history says where the record came from. */
export const RIBBON_RECORDER = "Golden Thread ribbon";

/**
 * Records the quarter of the plan's reporting date. A quarter recorded before is never replaced from
 * the ribbon (it cannot ask first): nothing is written and the notice says how to replace it in the pane.
 */
export async function recordQuarterCommand(services: Pick<PaneServices, "reportingQuarters" | "year">): Promise<Notice> {
  if (!services.year) throw new Error("Recording the quarter is not available here: open the Golden Thread pane and choose Year.");
  const period = (await services.reportingQuarters()).current;
  const r = await services.year.recordQuarter({ period, by: RIBBON_RECORDER, replace: false });
  if (r.needsConfirmation)
    return {
      title: `Record the quarter: ${r.period} is already recorded`,
      message:
        `Nothing was changed: ${r.period}'s rows in the Updates sheet are kept as they were.
` +
        `To replace them with the plan as it stands now, open the Golden Thread pane, choose Year and Record ${r.period}; it asks before replacing.
` +
        "To record another quarter, set the reporting date on the Settings sheet first.",
    };
  const lines = [`${plural(r.added, "row")} added to the Updates sheet for ${r.period}; ${plural(r.kept, "row")} of other quarters kept.`];
  if (r.missingColumns.length) lines.push(`This plan's Updates table has no ${r.missingColumns.join(", ")} column: those values are not recorded.`);
  return { title: `Recorded ${r.period}`, message: [...lines, ...r.notes].join("\n") };
}

/** A failure as a notice: the message already says what and where. */
export function failureNotice(command: string, error: unknown): Notice {
  return { title: `${command} could not finish`, message: error instanceof Error ? error.message : String(error) };
}
