// The figures each measure's statuses are worked out from, as columns of the Measures table:
// year-to-date target and actual (Wirral scorecard minimum: "year to date plan" and "year to date
// performance") and the figure direction of travel compares with. RAG and direction formulas read
// these cells rather than repeat the sums, which keeps each formula well inside Excel's 8,192
// characters and lets people see why a measure is Red or Declining.
import { Column } from "../model/plan";

export const FIGURE_HEADERS = {
  ytdTarget: "YTD target",
  ytdActual: "YTD actual",
  comparedWith: "Compared with",
} as const;

export type FigureKey = keyof typeof FIGURE_HEADERS;

const PROMPTS: Record<FigureKey, string> = {
  ytdTarget: "Worked out: the target this quarter's RAG is judged against (a cumulative measure's share of its annual target when it has no quarterly target).",
  ytdActual: "Worked out: the figure rated this quarter (an annual measure's figure from its Reported in quarter on).",
  comparedWith: "Worked out: what direction of travel compares with: the previous quarter, the baseline, or for a cumulative measure the same quarter last year from the Updates history.",
};

/** The worked-out figure columns as table columns, so formulas can refer to them like model fields. */
export const FIGURE_COLUMNS: Column[] = (Object.keys(FIGURE_HEADERS) as FigureKey[]).map((key) => ({
  key,
  csv: key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
  meta: { header: FIGURE_HEADERS[key], kind: "number", prompt: PROMPTS[key], width: 10 },
}));
