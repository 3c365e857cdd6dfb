// The shape of the generated formulas: one formula in two faces, Excel 2010 / LibreOffice 7.4
// functions only, nothing volatile, within Excel's limits.
import { ACTION_COLUMNS, Column, MEASURE_COLUMNS } from "../../src/model/plan";
import { actionStatusFormula } from "../../src/status/actionStatus.formula";
import { comparedWithFormula, directionFormula } from "../../src/status/direction.formula";
import { FIGURE_COLUMNS } from "../../src/status/measureFigures";
import { VS_TARGET_COLUMNS, vsTargetFormula } from "../../src/status/againstTarget.formula";
import { a1Ref, duplicateHeaders, escapeColumnHeader, FieldRef, structuredRef } from "../../src/status/formulaRefs";
import { NAMES, reportingQuarterEndFormula, reportingQuarterFormula } from "../../src/status/names";
import { ragFormula, ytdActualFormula, ytdTargetFormula } from "../../src/status/rag.formula";

const MEASURE_TABLE = [...MEASURE_COLUMNS, ...FIGURE_COLUMNS, ...VS_TARGET_COLUMNS];
/** The Updates table's columns in both faces: whole structured columns, or whole A1 ranges. */
const STRUCTURED_HISTORY = { period: "Updates[Period]", itemId: "Updates[Action or measure ID]", value: "Updates[Actual]" };
const A1_HISTORY = { period: "Updates!$A$1:$A$9", itemId: "Updates!$B$1:$B$9", value: "Updates!$C$1:$C$9" };

const FACES: { name: string; table: string; columns: Column[]; formula: (ref: FieldRef, a1?: boolean) => string }[] = [
  { name: "RAG", table: "Measures", columns: MEASURE_TABLE, formula: ragFormula },
  { name: "direction of travel", table: "Measures", columns: MEASURE_TABLE, formula: directionFormula },
  { name: "YTD target", table: "Measures", columns: MEASURE_TABLE, formula: ytdTargetFormula },
  { name: "YTD actual", table: "Measures", columns: MEASURE_TABLE, formula: ytdActualFormula },
  { name: "compared with", table: "Measures", columns: MEASURE_TABLE, formula: (ref, a1) => comparedWithFormula(ref, a1 ? A1_HISTORY : STRUCTURED_HISTORY) },
  { name: "Q3 vs target", table: "Measures", columns: MEASURE_TABLE, formula: (ref) => vsTargetFormula(ref, 3) },
  { name: "action status", table: "Actions", columns: ACTION_COLUMNS, formula: actionStatusFormula },
];

const ALLOWED = new Set(["IF", "AND", "OR", "NOT", "ISNUMBER", "CHOOSE", "ABS", "ROUND", "MIN", "MAX", "EOMONTH", "DAY", "MONTH", "YEAR", "MOD", "INT", "RIGHT", "COUNTIFS", "SUMIFS", "IFERROR"]);

/** Function names called in a formula, ignoring string literals and structured references. */
function functionsIn(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/\[[^\]]*\]/g, "");
  return [...code.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]);
}

function maxDepth(formula: string): number {
  let depth = 0;
  let max = 0;
  for (const c of formula.replace(/"(?:[^"]|"")*"/g, '""')) {
    if (c === "(") max = Math.max(max, ++depth);
    if (c === ")") depth--;
  }
  return max;
}

describe.each(FACES)("$name formula", ({ table, columns, formula }) => {
  // Built inside each test so a model problem fails the tests rather than the whole file.
  let structured = "";
  let a1 = "";
  beforeEach(() => {
    structured = formula(structuredRef(table, columns));
    a1 = formula(a1Ref(columns, 7), true);
  });

  it("the structured-ref face and the A1 face are the same formula", () => {
    let translated = structured;
    const toA1 = a1Ref(columns, 7);
    const toStructured = structuredRef(table, columns);
    for (const c of columns) translated = translated.split(toStructured(c.key)).join(toA1(c.key));
    for (const k of ["period", "itemId", "value"] as const) translated = translated.split(STRUCTURED_HISTORY[k]).join(A1_HISTORY[k]);
    expect(translated).toBe(a1);
    expect(structured).toContain(`${table}[[#This Row],[`);
    expect(a1).not.toContain("[");
  });

  it("uses only functions Excel 2010 and LibreOffice 7.4 have, none volatile", () => {
    const used = functionsIn(structured);
    expect(used.length).toBeGreaterThan(3);
    expect(used.filter((f) => !ALLOWED.has(f))).toEqual([]);
    expect(structured).not.toMatch(/\b(TODAY|NOW|OFFSET|INDIRECT|IFS|LET|XLOOKUP|SWITCH|CONCAT|TEXTJOIN)\(/);
  });

  it("starts with = and stays within Excel's limits (8,192 characters, 64 levels)", () => {
    expect(structured.startsWith("=")).toBe(true);
    expect(structured.length).toBeLessThan(8192);
    expect(maxDepth(structured)).toBeLessThan(64);
  });

  it("reads settings by their defined names only", () => {
    const names = Object.values(NAMES) as string[];
    const code = structured
      .replace(/"(?:[^"]|"")*"/g, '""')
      .replace(new RegExp(`${table}\\[\\[#This Row\\],\\[[^\\]]*\\]\\]`, "g"), "")
      .replace(/Updates\[[^\]]*\]/g, "");
    const bareWords = [...code.matchAll(/\b([A-Za-z][A-Za-z]+)\b(?!\()/g)].map((m) => m[1]);
    expect(bareWords.filter((w) => !names.includes(w))).toEqual([]);
  });
});

describe("the settings formulas", () => {
  it("derive from ReportingDate with portable functions", () => {
    for (const f of [reportingQuarterFormula(), reportingQuarterEndFormula()]) {
      expect(f.startsWith("=")).toBe(true);
      expect(f).toContain(NAMES.reportingDate);
      expect(functionsIn(f).filter((fn) => !ALLOWED.has(fn))).toEqual([]);
    }
  });
});

describe("structured references", () => {
  it("need each table's headers to be unique", () => {
    expect(duplicateHeaders(MEASURE_COLUMNS)).toEqual([]);
    expect(duplicateHeaders(ACTION_COLUMNS)).toEqual([]);
    const twins = [MEASURE_COLUMNS[0], { ...MEASURE_COLUMNS[1], meta: { ...MEASURE_COLUMNS[1].meta, header: "MEASURE id" } }];
    expect(() => structuredRef("T", twins)).toThrow(`table T has columns sharing a header, so a structured reference would be ambiguous: "Measure ID": id, name`);
  });
  it("build Table[[#This Row],[Header]] from the model headers", () => {
    const ref = structuredRef("Measures", MEASURE_COLUMNS);
    expect(ref("q2Actual")).toBe("Measures[[#This Row],[Q2 actual]]");
    expect(ref("greenWithin")).toBe("Measures[[#This Row],[Green within %]]");
    expect(structuredRef("Actions", ACTION_COLUMNS)("dueDate")).toBe("Actions[[#This Row],[Due date]]");
  });
  it("escape ' # [ ] in headers with a leading '", () => {
    expect(escapeColumnHeader("Budget [£k] #1 'net'")).toBe("Budget '[£k'] '#1 ''net''");
    const columns = [{ key: "odd", csv: "odd", meta: { ...MEASURE_COLUMNS[0].meta, header: "Q[2]" } }];
    expect(structuredRef("T", columns)("odd")).toBe("T[[#This Row],[Q'[2']]]");
  });
  it("name the field when a table has no column for it", () => {
    expect(() => structuredRef("Actions", ACTION_COLUMNS)("q2Actual")).toThrow("table Actions has no column for field q2Actual");
    expect(() => a1Ref(ACTION_COLUMNS, 2)("q2Actual")).toThrow("no column for field q2Actual");
  });
  it("A1 references follow the column order, past Z", () => {
    expect(a1Ref(MEASURE_COLUMNS, 3)("id")).toBe("A3");
    expect(a1Ref(MEASURE_COLUMNS, 3, 2)("name")).toBe("D3");
  });
});
