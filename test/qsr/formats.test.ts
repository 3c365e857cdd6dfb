import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parsePeriod } from "../../src/model/period";
import { buildReturn } from "../../src/qsr/buildReturn";
import { parseCsv } from "../../src/csv/parse";
import { readReturnFile } from "../../src/qsr/files/readReturnFile";
import { writeReturnCsv } from "../../src/qsr/files/returnCsv";
import { returnJson } from "../../src/qsr/files/returnJson";
import { writeReturnXlsx } from "../../src/qsr/files/returnXlsx";
import { QsrReturn } from "../../src/qsr/schema";
import { action, measure, plan, realisticPlan, SETTINGS } from "./planFixtures";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "qsr-formats-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A return with the awkward values every format must carry exactly. */
function awkwardReturn(): QsrReturn {
  const p = realisticPlan("DSP-PLACE-2024", "Place", 6, 6);
  p.actions.push(
    ...plan({
      actions: [
        action({ id: "INJ-1", action: '=HYPERLINK("http://evil.example","click")', progress: "+44 1234 567890", leadOfficer: "@admin", slippageReason: "'quoted already" }),
        action({ id: "UNI-1", action: "Café – naïve “smart quotes”, comma, and\r\nCRLF", percentComplete: null, selfAssessedRag: null, dueDate: null, startDate: null }),
      ],
    }).actions.map((a, i) => ({ ...a, source: { ...a.source, row: 20 + i } })),
  );
  p.measures.push(
    ...plan({ measures: [measure({ id: "NEG", polarity: "Low", unit: "£000s", baseline: -12.5, annualTarget: -20, q2Actual: -1e-7, comments: "-5% on last year", provisional: true })] }).measures,
  );
  return buildReturn(p, SETTINGS, parsePeriod("2024/25 Q2"), { preparedBy: "Ann O'Neill", preparedOn: "2024-10-07T09:30:00Z", draft: true });
}

describe("return files round-trip exactly", () => {
  it("xlsx", async () => {
    const r = awkwardReturn();
    const file = path.join(dir, "r.xlsx");
    await writeReturnXlsx(r, file);
    const back = await readReturnFile(file);
    expect(back).toEqual({ ok: true, value: r });
  });

  it("CSV folder, with formula-like text neutralised on disk", async () => {
    const r = awkwardReturn();
    const folder = path.join(dir, "csv");
    writeReturnCsv(r, folder);
    const back = await readReturnFile(folder);
    expect(back).toEqual({ ok: true, value: r });
    const rows = parseCsv(fs.readFileSync(path.join(folder, "actions.csv"), "utf8"));
    const header = rows[0];
    const inj = rows.find((x) => x[0] === "INJ-1") as string[];
    expect(inj[header.indexOf("action")]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(inj[header.indexOf("progress")]).toBe("'+44 1234 567890");
    expect(inj[header.indexOf("lead_officer")]).toBe("'@admin");
    expect(inj[header.indexOf("slippage_reason")]).toBe("''quoted already");
    // Numbers stay numbers: a negative figure is not treated as a formula.
    const m = parseCsv(fs.readFileSync(path.join(folder, "measures.csv"), "utf8"));
    expect(m.find((x) => x[0] === "NEG")?.[m[0].indexOf("baseline")]).toBe("-12.5");
  });

  it("JSON", async () => {
    const r = awkwardReturn();
    const file = path.join(dir, "r.json");
    fs.writeFileSync(file, returnJson(r));
    expect(await readReturnFile(file)).toEqual({ ok: true, value: r });
  });
});
