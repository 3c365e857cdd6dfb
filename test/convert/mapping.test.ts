// Proposing, correcting (by hand or by --map file) and validating a mapping.
import { convertWorkbook } from "../../src/convert/convert";
import { MappingError, parseMappingFile, proposalProblems, proposeMapping, proposeTable, withField, withKind } from "../../src/convert/mapping";
import { sheet, teamPlan, workbook } from "../fixtures/legacy/loosePlans";
import { conservationProblems } from "./conservation";
import { OPTIONS } from "./roundTrip";

describe("proposing a mapping", () => {
  test("two tables on one sheet are both found, each with its kind", () => {
    const wb = workbook(
      sheet("Plan", [["Action", "Lead officer", "Deadline"], ["Open the hub", "Ann", "March 2025"], [], [], ["KPI", "Target", "Polarity", "Q1"], ["Calls answered in 60s", 80, "High", 76]]),
    );
    const p = proposeMapping(wb);
    expect(p.tables.map((t) => [t.range, t.kind])).toEqual([
      ["A1:C2", "actions"],
      ["A5:D6", "measures"],
    ]);
    expect(p.tables[1].columns.map((c) => c.field)).toEqual(["name", "annualTarget", "polarity", "q1Actual"]);
    expect(p.tables[0].preview).toEqual([["Open the hub", "Ann", "March 2025"]]);
    const r = convertWorkbook(wb, p, OPTIONS);
    expect(r.measures[0]).toMatchObject({ name: "Calls answered in 60s", annualTarget: 80, polarity: "High", q1Actual: 76 });
  });

  test('"Key milestones" is the measure of success beside an action column, and the action when alone', () => {
    const withAction = proposeMapping(
      workbook(
        sheet("S", [
          ["Key action", "Key milestones", "Lead"],
          ["a", "b", "c"],
        ]),
      ),
    );
    expect(withAction.tables[0].columns.map((c) => c.field)).toEqual(["action", "measureOfSuccess", "leadOfficer"]);
    const alone = proposeMapping(
      workbook(
        sheet("S", [
          ["Key milestones", "Lead", "By when"],
          ["a", "b", "March 2025"],
        ]),
      ),
    );
    expect(alone.tables[0].columns.map((c) => c.field)).toEqual(["action", "leadOfficer", "dueDate"]);
  });

  test("a two-row header takes the lower row's names and the upper row's where the lower is empty", () => {
    const wb = workbook(
      sheet(
        "KPIs",
        [
          ["Ref", "Indicator", "Target", "Quarterly results", null],
          [null, null, null, "Q1", "Q2"],
          ["K1", "Rent collected", 98, 97.5, 98.2],
        ],
        { merges: ["D1:E1"] },
      ),
    );
    const t = proposeMapping(wb).tables[0];
    expect(t.headerRows).toEqual([1, 2]);
    expect(t.columns.map((c) => [c.sourceHeader, c.field])).toEqual([
      ["Ref", "id"],
      ["Indicator", "name"],
      ["Target", "annualTarget"],
      ["Q1", "q1Actual"],
      ["Q2", "q2Actual"],
    ]);
    const r = convertWorkbook(wb, proposeMapping(wb), OPTIONS);
    expect(r.unmapped.map((u) => [u.address, u.reason])).toEqual([["D1", expect.stringMatching(/heading above the columns/)]]);
    expect(conservationProblems(wb, r)).toEqual([]);
  });

  test("a sheet with no table keeps all its cells in Unmapped, with a finding", () => {
    const wb = workbook(sheet("Cover", [["Housing Service Plan"], ["Draft 2"]]), ...teamPlan().sheets);
    const r = convertWorkbook(wb, proposeMapping(wb), OPTIONS);
    expect(r.unmapped.filter((u) => u.sheet === "Cover").map((u) => u.reason)).toEqual(["no plan table was found on this sheet", "no plan table was found on this sheet"]);
    expect(r.findings.some((f) => f.code === "no-table-on-sheet" && f.sheet === "Cover")).toBe(true);
  });
});

describe("correcting a mapping", () => {
  const wb = teamPlan();

  test("by hand: a field moves to the chosen column, and the column that had it gives it up", () => {
    const t = proposeMapping(wb).tables[0];
    const edited = withField(t, "D", "intendedOutcome");
    expect(edited.columns.map((c) => c.field)).toEqual(["action", "leadOfficer", "dueDate", "intendedOutcome"]);
    const moved = withField(edited, "B", "action");
    expect(moved.columns.map((c) => c.field)).toEqual([null, "action", "dueDate", "intendedOutcome"]);
    expect(moved.columns[1]).toMatchObject({ confidence: 1 });
    const r = convertWorkbook(wb, { ...proposeMapping(wb), tables: [moved] }, OPTIONS);
    expect(r.actions[0]).toMatchObject({ action: "Lee Brown", intendedOutcome: "Abandoned calls below 8%" });
    expect(r.unmapped.some((u) => u.address === "A3")).toBe(true);
  });

  test("by hand: the header row and the kind can be chosen", () => {
    const t = proposeTable(wb, "Team plan", 2, "measures");
    expect(t.kind).toBe("measures");
    expect(withKind(t, "actions").columns.map((c) => c.field)).toEqual(["action", "leadOfficer", "dueDate", "measureOfSuccess"]);
    expect(() => withField(t, "A", "leadOfficer")).toThrow(/"leadOfficer" is not a field of a measures table/);
  });

  test("by --map file: header names or letters, null to keep a column in Unmapped", () => {
    const map = parseMappingFile(JSON.stringify({ tables: [{ sheet: "Team plan", columns: { Deadline: null, D: "intendedOutcome" } }] }), "map.json");
    const p = proposeMapping(wb, { map, mapFile: "map.json" });
    expect(p.tables[0].columns.map((c) => [c.field, c.reason])).toEqual([
      ["action", expect.any(String)],
      ["leadOfficer", expect.any(String)],
      [null, "set by map.json"],
      ["intendedOutcome", "set by map.json"],
    ]);
  });

  test("by --map file: a header row the finder missed", () => {
    const loose = workbook(
      sheet("S", [
        ["Thing to do", "Who"],
        ["Fix the roof", "Bob"],
      ]),
    );
    expect(proposeMapping(loose).tables).toEqual([]);
    const map = parseMappingFile(JSON.stringify({ tables: [{ sheet: "S", headerRow: 1, kind: "actions", columns: { A: "action", B: "leadOfficer" } }] }), "m.json");
    const r = convertWorkbook(loose, proposeMapping(loose, { map }), OPTIONS);
    expect(r.actions.map((a) => [a.action, a.leadOfficer])).toEqual([["Fix the roof", "Bob"]]);
  });

  test("bad mapping files say which file, entry and key is wrong", () => {
    expect(() => parseMappingFile("{", "m.json")).toThrow(/^m\.json: not valid JSON/);
    expect(() => parseMappingFile(JSON.stringify({ tables: [{ headerRow: 0 }] }), "m.json")).toThrow(/m\.json: not a valid mapping file: tables\.0\.sheet/);
    const bad = (entry: object) => () => proposeMapping(wb, { map: parseMappingFile(JSON.stringify({ tables: [entry] }), "m.json"), mapFile: "m.json" });
    expect(bad({ sheet: "Nope" })).toThrow(/m\.json: tables\[0\] \(sheet "Nope"\): there is no sheet called "Nope"/);
    expect(bad({ sheet: "Team plan", columns: { Budget: "action" } })).toThrow(/columns\."Budget" names no column of the table at Team plan!A2:D6/);
    expect(bad({ sheet: "Team plan", columns: { Deadline: "deadline" } })).toThrow(/"deadline" is not a field of a actions table/);
    expect(bad({ sheet: "Team plan", columns: {} })).not.toThrow();
  });

  test("an edited proposal that maps two columns to one field, or overlaps tables, is refused with the reason", () => {
    const p = proposeMapping(wb);
    const t = p.tables[0];
    const twice = { ...t, columns: t.columns.map((c, i) => (i === 1 ? { ...c, field: "action" } : c)) };
    expect(proposalProblems(wb, { ...p, tables: [twice] })).toEqual(["table Team plan!A2:D6: columns A and B both map to action; choose one"]);
    expect(() => convertWorkbook(wb, { ...p, tables: [twice] }, OPTIONS)).toThrow(MappingError);
    expect(proposalProblems(wb, { ...p, tables: [t, t] })[0]).toMatch(/overlap/);
  });
});
