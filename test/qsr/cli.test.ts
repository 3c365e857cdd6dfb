// End to end: a plan workbook written by the real plan writer, read by the real plan reader, through
// the qsr and collect commands.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCollect } from "../../src/cli/commands/collect";
import { runQsr } from "../../src/cli/commands/qsr";
import { loadFramework } from "../../src/cli/shared";
import { planDesign } from "../../src/workbook/design";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { action, details, measure } from "./planFixtures";
import { captureOutput } from "../cli/capture";

let dir: string;
const { out, err } = captureOutput();
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsr-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function planFile(name: string, planId: string, directorate: string, explained: boolean): Promise<string> {
  const framework = loadFramework();
  const file = path.join(dir, name);
  const wb = XlsxWorkbook.create(name);
  await wb.apply(
    planDesign({
      details: details({ planId, directorate }),
      framework,
      reportingDate: "2024-09-30",
      register: framework.priorities.map((p) => ({ id: p.id, title: p.title, tier: "Corporate", leadOfficer: "" })),
      actions: [
        action({ id: `${planId}-01`, parentLink: "CP2" }),
        action({
          id: `${planId}-02`,
          parentLink: "CP2",
          dueDate: "2024-05-31",
          revisedDueDate: "2024-12-31",
          slippageReason: explained ? "Consultation extended" : "",
          correctiveAction: explained ? "More staff" : "",
          recoveryDate: explained ? "2024-12-31" : null,
        }),
      ],
      measures: [
        measure({
          id: `${planId}-K1`,
          keyMeasure: true,
          q1Actual: 70,
          q2Actual: 60,
          redReason: explained ? "Demand" : "",
          correctiveAction: explained ? "Plan" : "",
          recoveryDate: explained ? "2025-03-31" : null,
        }),
      ],
    }),
  );
  await wb.save(file);
  return file;
}

describe("qsr command", () => {
  it("refuses a final return while exceptions lack information, listing each row and cell", async () => {
    const file = await planFile("incomplete.xlsx", "DSP-ASC-2024", "Adult Social Care", false);
    await expect(runQsr(file, { period: "2024/25 Q2", out: path.join(dir, "out") })).rejects.toThrow(/cannot write a final return: 2 exception\(s\) need more information/);
    try {
      await runQsr(file, { period: "2024/25 Q2", out: path.join(dir, "out") });
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toMatch(
        /incomplete\.xlsx Actions row \d+, action DSP-ASC-2024-02 \(Slipped more than 3 months\): needs Reason for slippage in Actions![A-Z]+\d+, Corrective action in Actions![A-Z]+\d+, Recovery date in Actions![A-Z]+\d+/,
      );
      expect(message).toMatch(/measure DSP-ASC-2024-K1 \(Key measure Red at mid-year \(Q2\)\): needs Reason if Red in Measures![A-Z]+\d+/);
    }
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  it("writes a draft in every format, and a final once complete", async () => {
    const incomplete = await planFile("incomplete2.xlsx", "DSP-PH-2024", "Public Health", false);
    const draft = await runQsr(incomplete, { period: "2024/25 Q2", out: path.join(dir, "returns"), draft: true, format: "xlsx,csv,json", preparedBy: "AD Public Health", preparedOn: "2024-10-08" });
    expect(draft.written.map((w) => path.basename(w))).toEqual(["DSP-PH-2024-25-Q2-DRAFT.xlsx", "DSP-PH-2024-25-Q2-DRAFT-csv", "DSP-PH-2024-25-Q2-DRAFT.json"]);
    expect(draft.ret.header.status).toBe("Draft");
    const complete = await planFile("complete.xlsx", "DSP-ASC-2024", "Adult Social Care", true);
    const final = await runQsr(complete, { period: "2024/25 Q2", out: path.join(dir, "returns"), preparedOn: "2024-10-09" });
    expect(final.ret.header.status).toBe("Final");
    expect(final.ret.exceptions.map((x) => [x.id, x.missing])).toEqual([
      ["DSP-ASC-2024-02", ""],
      ["DSP-ASC-2024-K1", ""],
    ]);
    expect(out.join("")).toContain("DSP-ASC-2024-25-Q2.xlsx");
  });

  it("rejects bad options with a usage error", async () => {
    const file = await planFile("p.xlsx", "X", "Place", true);
    await expect(runQsr(file, { period: "Q5", out: dir })).rejects.toThrow(/^--period: "Q5" is not a reporting period/);
    await expect(runQsr(file, { period: "2024/25 Q2", out: dir, format: "pdf" })).rejects.toThrow(/^--format: "pdf" is not a return format/);
    await expect(runQsr(path.join(dir, "none.xlsx"), { period: "2024/25 Q2", out: dir })).rejects.toThrow(/none\.xlsx: file not found/);
  });
});

describe("collect command", () => {
  it("rolls up the returns folder into a print-ready workbook; exit 2 when something is rejected", async () => {
    const returns = path.join(dir, "returns");
    fs.writeFileSync(path.join(returns, "junk.xlsx"), "not a workbook");
    const expected = path.join(dir, "expected.csv");
    fs.writeFileSync(expected, "plan_id\nDSP-ASC-2024\nDSP-PH-2024\nDSP-CS-2024\n");
    const rollupFile = path.join(dir, "rollup.xlsx");
    const rollup = await runCollect([returns], { out: rollupFile, expected, deadline: "2024-10-08" });
    expect(process.exitCode).toBe(2);
    // The draft's xlsx, json and CSV folder are one return in three forms: read once, listed as left out.
    expect(rollup.returns.map((r) => r.planId)).toEqual(["DSP-ASC-2024"]);
    // Same prepared-on and status: the later file name wins, so the .xlsx is kept.
    expect(rollup.draftsExcluded.map((r) => path.basename(r.returnFile))).toEqual(["DSP-PH-2024-25-Q2-DRAFT.xlsx"]);
    expect(err.join("")).toMatch(/draft left out: .*DSP-PH-2024-25-Q2-DRAFT\.xlsx/);
    expect(fs.readdirSync(path.join(dir, "rollup-csv"))).toContain("by_priority.csv");
    expect(JSON.parse(fs.readFileSync(path.join(dir, "rollup.json"), "utf8")).draftsExcluded).toHaveLength(1);
    expect(rollup.rejects.map((r) => path.basename(r.file)).sort()).toEqual(["junk.xlsx"]);
    expect(rollup.otherForms.map((f) => path.basename(f.file)).sort()).toEqual(["DSP-PH-2024-25-Q2-DRAFT-csv", "DSP-PH-2024-25-Q2-DRAFT.json"]);
    expect(err.join("")).toMatch(/same return: .*DSP-PH-2024-25-Q2-DRAFT\.json is .*DSP-PH-2024-25-Q2-DRAFT\.xlsx in another form/);
    expect(rollup.missing.map((m) => [m.expected, m.status])).toEqual([
      ["DSP-ASC-2024", "Late"],
      ["DSP-PH-2024", "Draft only"],
      ["DSP-CS-2024", "Missing"],
    ]);
    expect(err.join("")).toMatch(/rejected: .*junk\.xlsx: not an Excel \.xlsx workbook/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(rollupFile);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Summary",
      "Returns",
      "Actions",
      "Measures",
      "By directorate",
      "By priority",
      "Exceptions",
      "Changes to targets",
      "Earlier quarters",
      "Data quality",
      "Drafts left out",
      "Missing",
      "Rejects",
    ]);
    const rejects = wb.getWorksheet("Rejects")!;
    expect(rejects.getRow(1).values).toEqual([undefined, "File", "Sheet", "Cell", "Reason"]);
    expect(rejects.rowCount).toBe(1 + rollup.rejects.length);
    const actions = wb.getWorksheet("Actions")!;
    expect(actions.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, printTitlesRow: "1:1" });
  });

  it("prints JSON and exits 0 when nothing is rejected", async () => {
    const only = path.join(dir, "returns", "DSP-ASC-2024-25-Q2.xlsx");
    await runCollect([only], { out: path.join(dir, "one.xlsx"), json: true });
    expect(process.exitCode).toBeUndefined();
    const printed = JSON.parse(out.join(""));
    expect(printed).toMatchObject({ period: "2024/25 Q2", rejects: [], returns: [expect.objectContaining({ planId: "DSP-ASC-2024" })] });
    expect(err).toEqual([]);
  });

  it("usage errors", async () => {
    await expect(runCollect([dir], { out: path.join(dir, "x.csv") })).rejects.toThrow(/--out: .* must be an \.xlsx file/);
    await expect(runCollect([dir], { out: path.join(dir, "x.xlsx"), deadline: "31/13/2024" })).rejects.toThrow(/--deadline: "31\/13\/2024" is not a date; write it as dd\/mm\/yyyy/);
    const missing = await runCollect([path.join(dir, "no-such-return.xlsx")], { out: path.join(dir, "x.xlsx") });
    expect(missing.rejects).toEqual([expect.objectContaining({ reason: "file not found" })]);
    expect(process.exitCode).toBe(2);
  });
});
