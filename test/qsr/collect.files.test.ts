// The roll-up written as CSV (GOV.UK tabular data standard) and JSON, and read back.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parsePeriod } from "../../src/model/period";
import { buildReturn } from "../../src/qsr/buildReturn";
import { collect } from "../../src/qsr/collect";
import { csvName, rollupCsvFiles, writeRollupCsv } from "../../src/qsr/files/rollupCsv";
import { parseRollupJson, rollupJson } from "../../src/qsr/files/rollupJson";
import { ROLLUP_TABLES } from "../../src/qsr/files/rollupXlsx";
import { parseCsv } from "../../src/csv/parse";
import { z } from "zod";
import { RETURN_ACTION_COLUMNS, RETURN_EXCEPTION_COLUMNS, RETURN_MEASURE_COLUMNS, returnActionSchema, returnColumnsOf, returnExceptionSchema, returnMeasureSchema } from "../../src/qsr/schema";
import { realisticPlan, SETTINGS } from "./planFixtures";

const rollup = () =>
  collect(
    [realisticPlan("DSP-ASC", "Adult Social Care", 6, 5), realisticPlan("DSP-PLACE", "Place", 4, 3, 7)].map((p, i) => ({
      file: `r${i}.xlsx`,
      parsed: { ok: true as const, value: buildReturn(p, SETTINGS, parsePeriod("2024/25 Q2"), { preparedBy: "Officer", preparedOn: "2024-10-07", draft: false }) },
    })),
    {
      priorities: [
        { id: "CP1", title: "Children" },
        { id: "CP9", title: "Nothing reported" },
      ],
    },
  );

describe("roll-up CSV", () => {
  it("names columns in snake_case", () => {
    expect(["RAG: Red", "Action: Not yet started", "correctiveAction", "alsoReportedIn", "group"].map(csvName)).toEqual([
      "rag_red",
      "action_not_yet_started",
      "corrective_action",
      "also_reported_in",
      "group",
    ]);
  });

  it("writes one file per table, a header row then one row per roll-up row, with the same counts", () => {
    const r = rollup();
    const files = rollupCsvFiles(r);
    expect(Object.keys(files)).toEqual(ROLLUP_TABLES.map((t) => `${t.file}.csv`));
    for (const t of ROLLUP_TABLES) {
      const [header, ...rows] = parseCsv(files[`${t.file}.csv`]);
      expect(header.every((h) => /^[a-z][a-z0-9_]*$/.test(h))).toBe(true);
      expect(new Set(header).size).toBe(header.length);
      expect(rows.filter((x) => x.some((c) => c !== "")).length).toBe(t.rows(r).length);
    }
    const [head, ...prio] = parseCsv(files["by_priority.csv"]);
    const cp9 = prio.find((x) => x[0] === "CP9")!;
    expect(cp9[head.indexOf("name")]).toBe("Nothing reported");
    expect(cp9[head.indexOf("measures")]).toBe("0");
    const total = prio.find((x) => x[0] === "All returns")!;
    expect(total[head.indexOf("rag_red")]).toBe(String(r.measures.filter((m) => m.rag === "Red").length));
  });

  it("writes the folder", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rollup-csv-"));
    writeRollupCsv(rollup(), dir);
    expect(fs.readdirSync(dir).sort()).toEqual(ROLLUP_TABLES.map((t) => `${t.file}.csv`).sort());
    expect(fs.readFileSync(path.join(dir, "measures.csv"), "utf8").split("\n")[0]).toMatch(/^plan_id,directorate,service,tier,id,name,/);
  });
});

describe("roll-up JSON", () => {
  it("reads back what it writes", () => {
    const r = rollup();
    const back = parseRollupJson(rollupJson(r, "2024-10-20"), "rollup.json");
    expect(back.period).toBe("2024/25 Q2");
    expect(back.generatedOn).toBe("2024-10-20");
    expect(back.measures.length).toBe(r.measures.length);
    expect(back.countsByPriority).toEqual(JSON.parse(JSON.stringify(r.countsByPriority)));
  });

  it("names the file and field when it is not a roll-up", () => {
    expect(() => parseRollupJson("{", "prev.json")).toThrow(/^prev\.json: not valid JSON/);
    expect(() => parseRollupJson('{"header":{}}', "prev.json")).toThrow('prev.json: format: not a roll-up written by "service-plan collect"');
    const good = JSON.parse(rollupJson(rollup(), "2024-10-20"));
    expect(() => parseRollupJson(JSON.stringify({ ...good, period: "Q2" }), "prev.json")).toThrow('prev.json: period: "Q2" is not a reporting period');
    expect(() => parseRollupJson(JSON.stringify({ ...good, measures: [{ id: "X" }] }), "prev.json")).toThrow("prev.json: measures[0]: needs an id and a rag");
    delete good.actions;
    expect(() => parseRollupJson(JSON.stringify(good), "prev.json")).toThrow("prev.json: actions: missing or not a list");
  });
});

describe("return columns come from the schema", () => {
  it("every field of each return table is one column, in the schema's order, named once", () => {
    for (const [schema, columns] of [
      [returnActionSchema, RETURN_ACTION_COLUMNS],
      [returnMeasureSchema, RETURN_MEASURE_COLUMNS],
      [returnExceptionSchema, RETURN_EXCEPTION_COLUMNS],
    ] as const) {
      expect(columns.map((c) => c.key)).toEqual(Object.keys(schema.shape));
      expect(new Set(columns.map((c) => c.header)).size).toBe(columns.length);
      expect(columns.every((c) => /^[a-z][a-z0-9_]*$/.test(c.csv))).toBe(true);
    }
    expect(RETURN_MEASURE_COLUMNS.find((c) => c.key === "annualTarget")).toEqual({ key: "annualTarget", csv: "annual_target", header: "Annual target", kind: "number", width: 10 });
  });
  it("refuses a table with a field that has no column", () => {
    expect(() => returnColumnsOf(returnActionSchema.extend({ extra: z.string() }))).toThrow('QSR return field "extra" has no column (header, kind, width)');
  });
});
