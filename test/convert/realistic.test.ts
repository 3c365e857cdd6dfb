// Four loose plans in different council styles: the mapping proposed, the rows and the findings.
import { convertWorkbook } from "../../src/convert/convert";
import { proposeMapping } from "../../src/convert/mapping";
import { ConversionResult } from "../../src/convert/result";
import { housingPlan, measuresPlan, operationalPlan, teamPlan } from "../fixtures/legacy/loosePlans";
import { conservationProblems } from "./conservation";
import { OPTIONS } from "./roundTrip";

const fieldsOf = (wb: Parameters<typeof proposeMapping>[0]) => proposeMapping(wb).tables.map((t) => ({ range: t.range, kind: t.kind, fields: t.columns.map((c) => c.field) }));
const codes = (r: ConversionResult) => r.findings.map((f) => `${f.code} ${f.cell}`);

describe("an operational service plan (Key action | Outcome | Lead officer | Timescale | Link to directorate plan)", () => {
  const wb = operationalPlan();
  const result = convertWorkbook(wb, proposeMapping(wb), OPTIONS);

  test("finds the table under the merged title and maps every column", () => {
    expect(fieldsOf(wb)).toEqual([{ range: "A4:F8", kind: "actions", fields: ["id", "action", "intendedOutcome", "leadOfficer", "dueDate", "parentLink"] }]);
  });

  test("reads exact dates silently and keeps inexact timescales as written", () => {
    expect(result.actions.map((a) => [a.id, a.dueDate, a.dueDateText])).toEqual([
      ["RB1", "2025-03-31", ""],
      ["RB2", "2024-12-31", "Q3 2024/25"],
      ["RB3", null, "Ongoing"],
      ["RB4", "2024-12-20", ""],
    ]);
    expect(codes(result)).toEqual(["date-inferred E6", "date-missing E7"]);
    expect(result.actions[0].source).toMatchObject({ sheet: "Service Plan 2024-25", row: 5, columns: { leadOfficer: "D", dueDate: "E" } });
  });

  test("keeps the title, the manager line and the footer in Unmapped", () => {
    expect(result.unmapped.map((u) => u.address)).toEqual(["A1", "A2", "E2", "A11"]);
    expect(result.unmapped[3].reason).toMatch(/outside any table/);
    expect(conservationProblems(wb, result)).toEqual([]);
  });
});

describe("a housing plan (merged title, section headings, notes column, merged lead officer)", () => {
  const wb = housingPlan();
  const result = convertWorkbook(wb, proposeMapping(wb), OPTIONS);

  test("maps No., RAG and Progress and leaves the unheaded notes column beside the table", () => {
    expect(fieldsOf(wb)).toEqual([{ range: "A3:F10", kind: "actions", fields: ["id", "action", "leadOfficer", "dueDate", "selfAssessedRag", "progress"] }]);
  });

  test("fills the merged lead officer down, joins the continuation row, and disambiguates a repeated ID", () => {
    expect(result.actions.map((a) => [a.id, a.leadOfficer, a.selfAssessedRag])).toEqual([
      ["1", "Mark Jones", "Green"],
      ["2", "Mark Jones", "Amber"],
      ["3", "Sue Grant", "Amber"],
      ["3-2", "Sue Grant", null],
    ]);
    expect(result.actions[1].progress).toBe("Tender delayed by a month\nSecond milestone: new contract live");
    expect(result.actions[3]).toMatchObject({ dueDate: "2026-03-31", dueDateText: "Ongoing to March 2026" });
    expect(codes(result)).toEqual(expect.arrayContaining(["merged-cells-filled C5:C6", "continuation-row F7", "id-duplicate A10", "value-not-recognised E10", "date-inferred D5", "date-inferred D9"]));
  });

  test("keeps section headings, side notes and an unknown RAG value in Unmapped with reasons", () => {
    const byCell = Object.fromEntries(result.unmapped.map((u) => [u.address, u.reason]));
    expect(Object.keys(byCell).sort()).toEqual(["A1", "A4", "A8", "E10", "H5", "H9"]);
    expect(byCell.A4).toMatch(/section heading/);
    expect(byCell.H5).toMatch(/side note/);
    expect(byCell.E10).toMatch(/"Purple" is not one of the values of Self-assessed RAG/);
    expect(conservationProblems(wb, result)).toEqual([]);
  });
});

describe("a team plan (Improvement | Responsible person | Deadline | Performance measures or project milestones)", () => {
  const wb = teamPlan();
  const result = convertWorkbook(wb, proposeMapping(wb), OPTIONS);

  test("maps the milestones column to the measure of success", () => {
    expect(fieldsOf(wb)).toEqual([{ range: "A2:D6", kind: "actions", fields: ["action", "leadOfficer", "dueDate", "measureOfSuccess"] }]);
  });

  test("generates IDs in order and reports each", () => {
    expect(result.actions.map((a) => a.id)).toEqual(["ACT-001", "ACT-002", "ACT-003", "ACT-004"]);
    expect(result.findings.filter((f) => f.code === "id-generated")).toHaveLength(4);
  });

  test("reads 03/04/2025 as 3 April and the loose forms as inferred", () => {
    expect(result.actions.map((a) => [a.dueDate, a.dueDateText])).toEqual([
      ["2025-03-31", "March 2025"],
      ["2025-04-03", ""],
      ["2025-03-31", "2024/25"],
      ["2010-05-31", "Spring 2010"],
    ]);
    expect(conservationProblems(wb, result)).toEqual([]);
  });
});

describe("a measures sheet in the Sefton strategic measures layout", () => {
  const wb = measuresPlan();
  const result = convertWorkbook(wb, proposeMapping(wb), OPTIONS);

  test("is read as measures, with the theme as the parent link and the metric owner as accountable officer", () => {
    expect(fieldsOf(wb)).toEqual([{ range: "A1:G4", kind: "measures", fields: ["parentLink", "name", "annualTarget", "polarity", null, "accountableOfficer", "dataSource"] }]);
  });

  test("fills the merged theme down, reads polarity words, and keeps a non-number target in Unmapped", () => {
    expect(result.measures.map((m) => [m.id, m.parentLink, m.annualTarget, m.polarity])).toEqual([
      ["KPI-001", "Creating more and better jobs for local people", 4.5, "Low"],
      ["KPI-002", "Creating more and better jobs for local people", 1200, "High"],
      ["KPI-003", "Creating more and better jobs for local people", null, "High"],
    ]);
    expect(result.unmapped.map((u) => [u.address, u.sourceHeader])).toEqual([
      ["E2", "Theme Responsibility"],
      ["C4", "Target"],
    ]);
    expect(conservationProblems(wb, result)).toEqual([]);
  });
});
