// A plan-shaped WorkbookDesign of any size, for the adapter's tests and the bench: the Actions and
// Measures tables carry the model's columns (src/model/plan.ts), realistic text lengths, status
// formula columns, dropdowns and input messages; Lists is hidden; ReportingDate is a name.
// Deterministic (no Math.random), so sizes and byte counts repeat run to run.
import { isoToSerial } from "../../../src/model/dates";
import { Action, ACTION_COLUMNS, Measure, MEASURE_COLUMNS, LISTS } from "../../../src/model/plan";
import { columnLetter } from "../../../src/workbook/a1";
import { fieldColumn, rowsOf } from "../../../src/workbook/columnDesign";
import type { ColumnDesign, SheetDesign, TableDesign, WorkbookDesign } from "../../../src/workbook/port";

const VERBS = ["Deliver", "Review", "Implement", "Commission", "Reduce", "Increase", "Launch", "Agree", "Complete", "Recruit"];
const OBJECTS = ["the home care framework", "a carers' assessment pathway", "the reablement offer", "hospital discharge arrangements", "the quality assurance audit", "a digital front door"];
const PEOPLE = ["Sam Hughes", "Priya Patel", "Jo Whitfield", "Tom O'Neill", "Aisha Khan"];

/** A deterministic pseudo-random sequence (xorshift), so sample rows repeat exactly. */
function sequence(seed: number): () => number {
  let x = seed || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) % 1_000_000) / 1_000_000;
  };
}

function sentence(next: () => number, words: number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const parts = [pick(VERBS), pick(OBJECTS)];
  let count = parts.join(" ").split(" ").length;
  while (count < words) {
    const tail = pick(["with partners", "across Sefton", "by March", "so residents are supported at home", "within budget", "and report to Cabinet"]);
    parts.push(tail);
    count += tail.split(" ").length;
  }
  return parts.join(" ") + ".";
}

export function sampleActions(count: number, seed = 7): Action[] {
  const next = sequence(seed);
  return Array.from({ length: count }, (_, i) => {
    const due = isoDate(2024, 4 + Math.floor(next() * 12), 1 + Math.floor(next() * 28));
    return {
      id: `OSP-ASC-${String(i + 1).padStart(4, "0")}`,
      action: sentence(next, 18),
      intendedOutcome: sentence(next, 12),
      parentLink: `DSP-ASC-${String(1 + (i % 12)).padStart(2, "0")}`,
      measureOfSuccess: sentence(next, 10),
      linkedMeasures: `KPI-ASC-${String(1 + (i % 30)).padStart(2, "0")}`,
      leadOfficer: PEOPLE[i % PEOPLE.length],
      startDate: "2024-04-01",
      dueDate: due,
      dueDateText: i % 7 === 0 ? "March 2025" : "",
      revisedDueDate: null,
      completedDate: i % 5 === 0 ? due : null,
      noLongerViable: false,
      percentComplete: Math.floor(next() * 100),
      selfAssessedRag: (["Green", "Amber", "Red"] as const)[i % 3],
      progress: sentence(next, 40),
      slippageReason: i % 4 === 0 ? sentence(next, 16) : "",
      correctiveAction: i % 4 === 0 ? sentence(next, 16) : "",
      recoveryDate: null,
    };
  });
}

export function sampleMeasures(count: number, seed = 11): Measure[] {
  const next = sequence(seed);
  const n = () => Math.round(next() * 1000) / 10;
  return Array.from({ length: count }, (_, i) => ({
    id: `KPI-ASC-${String(i + 1).padStart(4, "0")}`,
    name: sentence(next, 12),
    type: "Performance Indicator",
    polarity: (["High", "Low", "Target"] as const)[i % 3],
    unit: "%",
    frequency: "Quarterly",
    dataSource: "Liquidlogic LAS",
    accountableOfficer: PEOPLE[i % PEOPLE.length],
    parentLink: `CP${1 + (i % 5)}`,
    keyMeasure: i % 10 === 0,
    baseline: n(),
    annualTarget: n(),
    q1Target: n(),
    q2Target: n(),
    q3Target: n(),
    q4Target: n(),
    q1Actual: n(),
    q2Actual: n(),
    q3Actual: null,
    q4Actual: null,
    greenWithin: null,
    amberWithin: null,
    provisional: false,
    comments: sentence(next, 20),
    redReason: "",
    correctiveAction: "",
    recoveryDate: null,
  }));
}

function isoDate(year: number, month: number, day: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return `${y}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const PRINT = { landscape: true, paper: "A4" as const, fitToWidth: true, repeatRows: "$1:$1" };

function statusColumn(header: string, formula: string): ColumnDesign {
  return { header, width: 14, formula, locked: true, wrap: true };
}

function tableSheet(table: TableDesign, protect: boolean): SheetDesign {
  return { name: table.sheet, visibility: "visible", cells: [], tables: [table], columnWidths: {}, freezeRows: 1, protect, print: PRINT };
}

/** A plan workbook design with `actions` action rows and `measures` measure rows. */
export function sampleDesign(actions: number, measures = actions): WorkbookDesign {
  const listNames = Object.keys(LISTS) as (keyof typeof LISTS)[];
  const listsSheet: SheetDesign = {
    name: "Lists",
    visibility: "hidden",
    cells: listNames.flatMap((list, j) => [{ address: `${columnLetter(j + 1)}1`, value: list, bold: true }, ...LISTS[list].map((v, i) => ({ address: `${columnLetter(j + 1)}${i + 2}`, value: v }))]),
    tables: [],
    columnWidths: {},
    freezeRows: 0,
    protect: true,
  };
  const listRefs = listNames.map((list, j) => ({ name: `${list}List`, ref: `=Lists!$${columnLetter(j + 1)}$2:$${columnLetter(j + 1)}$${LISTS[list].length + 1}` }));
  const fields = (cols: typeof ACTION_COLUMNS) =>
    cols.map((c) => {
      const design = fieldColumn(c);
      // ParentLinks is per plan; the sample points it at the Tiers list so every source exists.
      if (design.validation?.type === "list" && design.validation.source === "=ParentLinksList") design.validation = { ...design.validation, source: "=TiersList" };
      return design;
    });

  const actionsTable: TableDesign = {
    name: "Actions",
    sheet: "Actions",
    topLeft: "A1",
    columns: [
      ...fields(ACTION_COLUMNS),
      statusColumn(
        "Action status",
        '=IF([@[Completed date]]<>"","Completed",IF([@[No longer viable]]="Yes","No longer viable",IF([@[Due date]]="","No due date",IF([@[Due date]]<ReportingDate,"Overdue","On track"))))',
      ),
      { header: "SMART check", width: 30, locked: true, wrap: true },
    ],
    rows: rowsOf(sampleActions(actions), ACTION_COLUMNS, 2),
    statusFormats: [
      { column: "Action status", text: "Overdue", fill: "FFC7CE", font: "9C0006" },
      { column: "Action status", text: "On track", fill: "C6EFCE", font: "006100" },
    ],
  };
  const measuresTable: TableDesign = {
    name: "Measures",
    sheet: "Measures",
    topLeft: "A1",
    columns: [
      ...fields(MEASURE_COLUMNS),
      statusColumn("RAG", '=IF([@[Q2 actual]]="","No data",IF([@Polarity]="High",IF([@[Q2 actual]]>=[@[Q2 target]],"Green","Red"),IF([@[Q2 actual]]<=[@[Q2 target]],"Green","Red")))'),
      statusColumn("Direction of travel", '=IF(OR([@[Q1 actual]]="",[@[Q2 actual]]=""),"",IF([@[Q2 actual]]>[@[Q1 actual]],"Improving","Not improving"))'),
    ],
    rows: rowsOf(sampleMeasures(measures), MEASURE_COLUMNS, 2),
    statusFormats: ["Green", "Amber", "Red"].map((text, i) => ({ column: "RAG", text, fill: ["C6EFCE", "FFEB9C", "FFC7CE"][i], font: ["006100", "9C5700", "9C0006"][i] })),
  };
  const settings: SheetDesign = {
    name: "Settings",
    visibility: "visible",
    cells: [
      { address: "A1", value: "Setting", bold: true },
      { address: "B1", value: "Value", bold: true },
      { address: "A2", value: "Reporting date" },
      { address: "B2", value: isoToSerial("2024-09-30"), numberFormat: "dd/mm/yyyy", locked: false, validation: { type: "date", prompt: "The date this quarter's figures are reported to." } },
    ],
    tables: [],
    columnWidths: { A: 24, B: 14 },
    freezeRows: 0,
    protect: true,
  };
  const plan: SheetDesign = {
    name: "Plan",
    visibility: "visible",
    cells: [
      { address: "A1", value: "Plan details", bold: true },
      { address: "A2", value: "Plan ID" },
      { address: "B2", value: "OSP-ASC-2024", locked: false, prompt: "A unique reference for this plan, e.g. DSP-ASC-2024." },
      { address: "A3", value: "Overview" },
      { address: "B3", value: "- supports adults with care needs and their carers", wrap: true, locked: false },
    ],
    tables: [],
    columnWidths: { A: 24, B: 60 },
    freezeRows: 0,
    protect: false,
  };
  return {
    sheets: [plan, tableSheet(actionsTable, true), tableSheet(measuresTable, true), settings, listsSheet],
    names: [{ name: "ReportingDate", ref: "=Settings!$B$2" }, ...listRefs],
  };
}
