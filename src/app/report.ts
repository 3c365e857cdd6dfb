// The Corporate Plan Overview Report (CPOR) use case: from this quarter's roll-up (or the returns
// themselves, collected here) and optionally earlier roll-ups of the year and the measure register, to
// the report model and its self-contained HTML page. The CLI and the pane write or show the result.
import { checkReturnsAgainstRecords, returnSignOffs, SignOffRecord } from "../cycle/record";
import type { Framework } from "../model/framework";
import type { RegisterIndex } from "../model/measureRegister";
import type { CollectOptions, Rollup } from "../qsr/collect";
import { buildCpor, Cpor } from "../report/cpor";
import { cporHtml } from "../report/html";
import { collectReturns, ReturnSource } from "./collect";

export interface ReportRequest {
  /** This quarter: a roll-up already collected, or the returns to collect now. */
  current: { rollup: Rollup; file: string } | { sources: readonly ReturnSource[] };
  /** Earlier roll-ups of the same year, for the trend and "what changed since last quarter". */
  previous?: { file: string; rollup: Rollup }[];
  register?: RegisterIndex;
  framework: Framework;
  /** Options for collecting returns (period, drafts); ignored for a roll-up given whole. */
  collect?: Pick<CollectOptions, "period" | "includeDrafts" | "deadline">;
  /** yyyy-mm-dd. */
  generatedOn: string;
  /** The BI team's sign-off records: each counted return is checked against them, and a mismatch listed as changed without agreement. */
  signOffRecords?: readonly SignOffRecord[];
}

export interface ReportResult {
  rollup: Rollup;
  report: Cpor;
  html: string;
}

export async function corporateReport(req: ReportRequest): Promise<ReportResult> {
  const priorities = req.framework.priorities.map((p) => ({ id: p.id, title: p.title }));
  const rollup =
    "rollup" in req.current
      ? req.current.rollup
      : await collectReturns(req.current.sources, { ...req.collect, priorities, registerIds: req.register ? [...req.register.byId.values()].map((m) => m.id) : undefined });
  const report = buildCpor({
    rollup,
    previous: req.previous,
    register: req.register,
    priorities,
    council: req.framework.council,
    generatedOn: req.generatedOn,
    file: "file" in req.current ? req.current.file : undefined,
    signOffFlags: req.signOffRecords ? checkReturnsAgainstRecords(returnSignOffs(rollup.returns), req.signOffRecords) : undefined,
  });
  return { rollup, report, html: cporHtml(report) };
}
