// QSR collect benchmark: 300 realistic returns (a large council's quarter) (40 actions and 30 measures each) as .xlsx files.
// Budget: collecting them (read, check, validate, roll up) takes at most 1.3x the time ExcelJS
// alone takes merely to read the same files.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { Action, ACTION_COLUMNS, actionSchema, Located, Measure, MEASURE_COLUMNS, measureSchema, Plan, PlanDetails } from "../src/model/plan";
import { parsePeriod } from "../src/model/period";
import { buildReturn } from "../src/qsr/buildReturn";
import { collect, CollectInput } from "../src/qsr/collect";
import { collectReturns } from "../src/app/collect";
import { returnFileSources } from "../src/qsr/files/collectFiles";
import { readReturnFile } from "../src/qsr/files/readReturnFile";
import { columnLetter } from "../src/workbook/a1";
import { writeReturnXlsx } from "../src/qsr/files/returnXlsx";
import { rollupWorkbook } from "../src/qsr/files/rollupXlsx";
import { BenchRow } from "./table";

export const RETURNS = 300;
const DIRECTORATES = ["Adult Social Care", "Children's Services", "Public Health", "Place", "Corporate Resources"];

function locate<T>(sheet: string, cols: { key: string }[], rows: T[]): Located<T>[] {
  const columns = Object.fromEntries(cols.map((c, i) => [c.key, columnLetter(i + 1)]));
  return rows.map((r, i) => ({ ...r, source: { sheet, row: i + 2, columns } }));
}

/** A plan with 40 actions and 30 measures and a realistic spread of statuses and text. */
export function benchPlan(n: number): Plan {
  const planId = `OSP-${String(n).padStart(3, "0")}-2024`;
  const actions: Action[] = Array.from({ length: 40 }, (_, i) => {
    const slipped = (n + i) % 6 === 0;
    return actionSchema.parse({
      id: `${planId}-A${i + 1}`,
      action: `Deliver improvement ${i + 1} to the service with partners, so that residents see a faster response and fewer repeat contacts`,
      intendedOutcome: "Residents get help sooner",
      parentLink: `CP${(i % 6) + 1}`,
      leadOfficer: `Officer ${i % 9}`,
      startDate: "2024-04-01",
      dueDate: slipped ? "2024-05-31" : "2025-03-31",
      revisedDueDate: slipped ? "2024-12-31" : null,
      percentComplete: (i * 7) % 100,
      selfAssessedRag: ["Green", "Amber", "Red"][i % 3],
      progress: "Work is progressing with partners; the next milestone is the cabinet report in the coming quarter.",
      slippageReason: slipped ? "Consultation extended at the request of partners" : "",
      correctiveAction: slipped ? "Additional project support assigned" : "",
      recoveryDate: slipped ? "2024-12-31" : null,
    });
  });
  const measures: Measure[] = Array.from({ length: 30 }, (_, i) => {
    const target = 50 + ((n * 7 + i * 13) % 40);
    return measureSchema.parse({
      id: `${planId}-M${i + 1}`,
      name: `Percentage of cases completed within timescale, measure ${i + 1}`,
      type: i % 7 === 0 ? "Key Result" : "Performance Indicator",
      polarity: i % 4 === 0 ? "Low" : "High",
      unit: "%",
      frequency: "Quarterly",
      parentLink: `CP${(i % 6) + 1}`,
      keyMeasure: i % 3 === 0,
      baseline: target - 3,
      annualTarget: target,
      q1Actual: target + ((i * 5 + n) % 11) - 6,
      q2Actual: target + ((i * 3 + n) % 13) - 7,
      comments: "Figures from the case management system.",
      redReason: "Demand rose faster than forecast",
      correctiveAction: "Recovery plan agreed with the service",
      recoveryDate: "2025-03-31",
    });
  });
  const details: PlanDetails = {
    formatVersion: 1,
    planId,
    tier: "Operational",
    council: "Sefton Council",
    directorate: DIRECTORATES[n % DIRECTORATES.length],
    service: `Service ${n}`,
    team: "",
    planYear: "2024/25",
    owner: "Service Manager",
    parentPlanId: "",
    overview: "",
    whereAreWeNow: "",
    whereDoWeNeedToBe: "",
    keyAchievements: "",
    challengesAndRisks: "",
  };
  return {
    details,
    actions: locate("Actions", ACTION_COLUMNS, actions),
    measures: locate("Measures", MEASURE_COLUMNS, measures),
    updates: [],
    register: locate(
      "Register",
      [{ key: "id" }],
      [1, 2, 3, 4, 5, 6].map((p) => ({ id: `CP${p}`, title: `Priority ${p}`, tier: "Corporate", leadOfficer: "" })),
    ),
  };
}

export async function makeBenchReturns(dir: string, count = RETURNS): Promise<string[]> {
  const files: string[] = [];
  for (let n = 0; n < count; n++) {
    const r = buildReturn(benchPlan(n), { tolerances: { greenWithin: 0, amberWithin: 5 }, slippageMonths: 3 }, parsePeriod("2024/25 Q2"), {
      preparedBy: "Bench",
      preparedOn: "2024-10-07",
      draft: true, // the synthetic figures leave some exceptions unexplained; collected with includeDrafts
    });
    const file = path.join(dir, `return-${String(n).padStart(3, "0")}.xlsx`);
    await writeReturnXlsx(r, file);
    files.push(file);
  }
  return files;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * One round: each file is read by ExcelJS alone and then collected (read, zip check, validation),
 * file by file, so both see the same machine load (the machine is shared); the roll-up step is
 * then timed and added to the collect side.
 */
async function round(files: string[]): Promise<{ read: number; collected: number; rejects: number }> {
  let read = 0;
  let collected = 0;
  const inputs: CollectInput[] = [];
  for (const f of files) {
    const t0 = now();
    await new ExcelJS.Workbook().xlsx.readFile(f);
    const t1 = now();
    inputs.push({ file: path.basename(f), parsed: await readReturnFile(f) });
    collected += now() - t1;
    read += t1 - t0;
  }
  const t2 = now();
  const rollup = collect(inputs, { includeDrafts: true });
  collected += now() - t2;
  return { read, collected, rejects: rollup.rejects.length };
}

export async function bench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsr-bench-"));
  try {
    const files = await makeBenchReturns(dir);
    await round(files.slice(0, 20)); // warm-up
    let read = Infinity;
    let collected = Infinity;
    let rejects = 0;
    for (let i = 0; i < 2; i++) {
      const r = await round(files);
      read = Math.min(read, r.read);
      collected = Math.min(collected, r.collected);
      rejects = r.rejects;
    }
    if (rejects > 0) throw new Error(`qsr bench: ${rejects} synthetic returns were rejected`);
    const rollup = await collectReturns(returnFileSources(files), { includeDrafts: true });
    const t3 = now();
    await rollupWorkbook(rollup, "2024-10-10").xlsx.writeBuffer();
    const write = now() - t3;
    const ratio = collected / read;
    return [
      { area: "qsr", measure: `collect ${RETURNS} returns`, value: Math.round(collected), unit: "ms" },
      { area: "qsr", measure: `ExcelJS read ${RETURNS} returns`, value: Math.round(read), unit: "ms" },
      { area: "qsr", measure: "ratio collect / read", value: Math.round(ratio * 100) / 100, unit: "x", budget: 1.3, ok: ratio <= 1.3 },
      { area: "qsr", measure: `write roll-up workbook (${rollup.actions.length + rollup.measures.length} rows)`, value: Math.round(write), unit: "ms" },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
