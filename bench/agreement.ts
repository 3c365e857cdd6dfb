// Agreement between the checker and an experienced performance officer on the SMART corpus
// (test/fixtures/smart/): each council action carries the officer's verdict per criterion, and the
// checker "fails" a criterion when it reports a warning or error of that criterion on the action's row.
// The tuning part is checked by test/rules/agreement.test.ts; the held-out part, never tuned against,
// is reported here by `npm run bench`.
import * as fs from "fs";
import * as path from "path";
import { actionSchema, ACTION_COLUMNS, Located, Action, Plan, RegisterEntry, REGISTER_COLUMNS } from "../src/model/plan";
import { Framework, frameworkSchema } from "../src/model/framework";
import { checkPlan } from "../src/rules/engine";
import type { Finding } from "../src/rules/types";
import { packageRoot } from "../src/cli/shared";
import type { BenchRow } from "./table";

export const JUDGED = ["Specific", "Measurable", "Achievable", "Time-bound", "Responsible"] as const;
export type Judged = (typeof JUDGED)[number];
type Verdict = "pass" | "fail";

export interface CorpusAction {
  id: string;
  action: string;
  intendedOutcome: string;
  measureOfSuccess: string;
  leadOfficer: string;
  startDate: string;
  dueDate?: string;
  dueDateText?: string;
  expert: Record<Judged, Verdict>;
  reason: string;
}

export interface Corpus {
  part: "tuning" | "held-out";
  planYear: string;
  actions: CorpusAction[];
}

export function loadCorpus(part: Corpus["part"]): Corpus {
  const file = path.join(packageRoot(), "test/fixtures/smart", `${part}.json`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as Corpus;
}

const letters = (cols: { key: string }[]) => Object.fromEntries(cols.map((c, i) => [c.key, String.fromCharCode(65 + i)]));
const FRAMEWORK: Framework = frameworkSchema.parse({ council: "Sefton Council", planYear: "2024/25", priorities: [{ id: "CP2", title: "Adult Social Care" }] });

/** Each corpus action as the one action of an Operational plan whose parent link resolves, so only SMART rules speak. */
function planOf(item: CorpusAction, planYear: string): Plan {
  const register: Located<RegisterEntry>[] = [
    { id: "DSP-01", title: "Parent action", tier: "Directorate", leadOfficer: "Jane Morris", source: { sheet: "Register", row: 2, columns: letters(REGISTER_COLUMNS) } },
  ];
  const { expert: _expert, reason: _reason, id, ...cells } = item;
  const action: Located<Action> = { ...actionSchema.parse({ ...cells, id: `OSP-${id}`, parentLink: "DSP-01" }), source: { sheet: "Actions", row: 5, columns: letters(ACTION_COLUMNS) } };
  return {
    details: {
      formatVersion: 1,
      planId: "OSP-CORPUS",
      tier: "Operational",
      council: "Sefton Council",
      directorate: "",
      service: "",
      team: "",
      planYear,
      owner: "",
      parentPlanId: "",
      overview: "",
      whereAreWeNow: "",
      whereDoWeNeedToBe: "",
      keyAchievements: "",
      challengesAndRisks: "",
    },
    actions: [action],
    measures: [],
    updates: [],
    register,
  };
}

export interface Judgement {
  item: CorpusAction;
  checker: Record<Judged, Verdict>;
  findings: Finding[];
}

/** The checker's verdict per criterion on each corpus action. */
export function judge(corpus: Corpus): Judgement[] {
  return corpus.actions.map((item) => {
    const findings = checkPlan({ plan: planOf(item, corpus.planYear), framework: FRAMEWORK }).filter((f) => f.row === 5 && f.sheet === "Actions" && f.severity !== "info");
    const checker = Object.fromEntries(JUDGED.map((c) => [c, findings.some((f) => f.criterion === c) ? "fail" : "pass"])) as Record<Judged, Verdict>;
    return { item, checker, findings };
  });
}

/** Share of actions (0-1) where the checker and the officer agree, per criterion. */
export function agreement(judgements: readonly Judgement[]): Record<Judged, number> {
  return Object.fromEntries(JUDGED.map((c) => [c, judgements.filter((j) => j.checker[c] === j.item.expert[c]).length / Math.max(1, judgements.length)])) as Record<Judged, number>;
}

export const AGREEMENT_BUDGET = 0.9;

export async function bench(): Promise<BenchRow[]> {
  const heldOut = loadCorpus("held-out");
  const share = agreement(judge(heldOut));
  return JUDGED.map((c) => ({
    area: "agreement",
    measure: `${c}: checker agrees with the officer, held-out corpus (${heldOut.actions.length} actions)`,
    value: Math.round(share[c] * 1000) / 10,
    unit: "%",
    budget: AGREEMENT_BUDGET * 100,
    ok: share[c] >= AGREEMENT_BUDGET,
  }));
}
