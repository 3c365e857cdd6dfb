// Issue 11 in the roll-up: each counted return's "Changes to targets since sign-off" (the agreed
// changes ELT considers each quarter) and its earlier quarters, in the roll-up's JSON, CSV and workbook.
import { parsePeriod } from "../../src/model/period";
import { buildReturn } from "../../src/qsr/buildReturn";
import { collect, CollectInput, Rollup } from "../../src/qsr/collect";
import { rollupCsvFiles } from "../../src/qsr/files/rollupCsv";
import { parseRollupJson, rollupJson } from "../../src/qsr/files/rollupJson";
import { ROLLUP_SHEETS, rollupWorkbook } from "../../src/qsr/files/rollupXlsx";
import { QsrReturn, ReturnHistory, ReturnTargetChange } from "../../src/qsr/schema";
import { action, measure, plan, SETTINGS } from "./planFixtures";

const change = (id: string, now: string, extra: Partial<ReturnTargetChange> = {}): ReturnTargetChange => ({
  itemType: "Measure",
  id,
  field: "Annual target",
  was: "80",
  now,
  agreedBy: "ELT",
  agreedOn: "2024-10-15",
  reason: "Demand higher than planned",
  ...extra,
});
const earlier = (id: string, actual: number): ReturnHistory => ({
  itemType: "Measure",
  id,
  period: "2024/25 Q1",
  status: "",
  percentComplete: null,
  selfAssessedRag: null,
  target: 80,
  actual,
  direction: "Improving",
  narrative: "On track",
  updatedBy: "Sam Hughes",
  updatedOn: "2024-07-07",
});

function returnOf(planId: string, draft: boolean, changes: ReturnTargetChange[], history: ReturnHistory[]): QsrReturn {
  const p = plan({ details: { planId, directorate: "Adult Social Care" }, actions: [action({ id: `${planId}-A1`, parentLink: "CP2" })], measures: [measure({ id: `${planId}-M1` })] });
  const r = buildReturn(p, SETTINGS, parsePeriod("2024/25 Q2"), { preparedBy: "Officer", preparedOn: "2024-10-20", draft });
  return { ...r, targetChanges: changes, history };
}
const ok = (file: string, value: QsrReturn): CollectInput => ({ file, parsed: { ok: true, value } });

function rollup(): Rollup {
  return collect([
    ok(
      "asc.json",
      returnOf("DSP-ASC", false, [change("DSP-ASC-M1", "78"), change("DSP-ASC-A1", "2025-03-31", { itemType: "Action", field: "Approved due date", was: "2024-12-31" })], [earlier("DSP-ASC-M1", 71)]),
    ),
    ok("place.json", returnOf("DSP-PLACE", false, [change("DSP-PLACE-M1", "90", { agreedBy: "Cabinet Member", reason: "New national standard" })], [])),
    ok("cs-DRAFT.json", returnOf("DSP-CS", true, [change("DSP-CS-M1", "10")], [earlier("DSP-CS-M1", 5)])),
  ]);
}

describe("the roll-up carries the returns' agreed changes and earlier quarters", () => {
  const r = rollup();

  it("lists every counted return's agreed changes with its plan and file: was, now, agreed by, on and why", () => {
    expect(r.targetChanges.map((c) => [c.planId, c.returnFile, c.itemType, c.id, c.field, c.was, c.now, c.agreedBy, c.agreedOn, c.reason])).toEqual([
      ["DSP-ASC", "asc.json", "Measure", "DSP-ASC-M1", "Annual target", "80", "78", "ELT", "2024-10-15", "Demand higher than planned"],
      ["DSP-ASC", "asc.json", "Action", "DSP-ASC-A1", "Approved due date", "2024-12-31", "2025-03-31", "ELT", "2024-10-15", "Demand higher than planned"],
      ["DSP-PLACE", "place.json", "Measure", "DSP-PLACE-M1", "Annual target", "80", "90", "Cabinet Member", "2024-10-15", "New national standard"],
    ]);
    expect(r.targetChanges.every((c) => c.directorate === "Adult Social Care" && c.tier === "Directorate")).toBe(true);
  });

  it("lists the earlier quarters of counted returns; a draft left out brings neither", () => {
    expect(r.history.map((h) => [h.planId, h.id, h.period, h.actual, h.updatedBy])).toEqual([["DSP-ASC", "DSP-ASC-M1", "2024/25 Q1", 71, "Sam Hughes"]]);
    expect(r.draftsExcluded.map((d) => d.planId)).toEqual(["DSP-CS"]);
    const withDrafts = collect([ok("cs-DRAFT.json", returnOf("DSP-CS", true, [change("DSP-CS-M1", "10")], [earlier("DSP-CS-M1", 5)]))], { includeDrafts: true });
    expect(withDrafts.targetChanges.map((c) => c.id)).toEqual(["DSP-CS-M1"]);
    expect(withDrafts.history.map((h) => h.id)).toEqual(["DSP-CS-M1"]);
  });

  it("writes them to the JSON (format version 2), which reads back whole; a version 1 roll-up still reads, with none", () => {
    const text = rollupJson(r, "2024-10-21");
    const back = parseRollupJson(text, "rollup.json");
    expect(back.formatVersion).toBe(2);
    expect(back.targetChanges).toEqual(JSON.parse(JSON.stringify(r.targetChanges)));
    expect(back.history).toEqual(JSON.parse(JSON.stringify(r.history)));
    const v1 = JSON.parse(text);
    v1.formatVersion = 1;
    delete v1.targetChanges;
    delete v1.history;
    const old = parseRollupJson(JSON.stringify(v1), "q1.json");
    expect([old.targetChanges, old.history]).toEqual([[], []]);
    expect(() => parseRollupJson(JSON.stringify({ ...v1, formatVersion: 3 }), "next.json")).toThrow("next.json: formatVersion: 3 is not supported (this reads versions 1 and 2)");
    expect(() => parseRollupJson(JSON.stringify({ ...JSON.parse(text), targetChanges: undefined }), "cut.json")).toThrow("cut.json: targetChanges: missing or not a list");
  });

  it("writes them as CSV tables (snake_case headers, dates yyyy-mm-dd), one row per change and per earlier quarter", () => {
    const files = rollupCsvFiles(r);
    const [head, ...rows] = files["target_changes.csv"].trim().split(/\r?\n/);
    expect(head).toBe("plan_id,directorate,service,tier,item_type,id,field,was,now,agreed_by,agreed_on,reason,return_file");
    expect(rows).toHaveLength(3);
    expect(rows[0]).toBe("DSP-ASC,Adult Social Care,,Directorate,Measure,DSP-ASC-M1,Annual target,80,78,ELT,2024-10-15,Demand higher than planned,asc.json");
    const history = files["history.csv"].trim().split(/\r?\n/);
    expect(history[0]).toMatch(/^plan_id,directorate,service,tier,item_type,id,period,/);
    expect(history).toHaveLength(2);
  });

  it("gives them their own sheets in the roll-up workbook, and counts the changes on the Summary", () => {
    const wb = rollupWorkbook(r, "2024-10-21");
    const sheet = wb.getWorksheet(ROLLUP_SHEETS.targetChanges)!;
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(["Plan ID", "Action or measure", "What changed", "Signed-off value", "Agreed value", "Agreed by", "Agreed on", "Reason"]));
    expect(sheet.rowCount).toBe(4);
    expect(wb.getWorksheet(ROLLUP_SHEETS.history)!.rowCount).toBe(2);
    const summary = wb.getWorksheet(ROLLUP_SHEETS.summary)!;
    const line = summary.getColumn(1).values.findIndex((v) => v === "Changes to targets since sign-off (agreed)");
    expect(summary.getCell(line, 2).value).toBe(3);
  });
});
