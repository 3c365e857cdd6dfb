// The CPOR workbook as written: cells with equal styles share one style object before ExcelJS writes
// (so it renders each distinct style once), and the file is the same as without that sharing.
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { parsePeriod } from "../../src/model/period";
import { buildReturn } from "../../src/qsr/buildReturn";
import { collect } from "../../src/qsr/collect";
import { buildCpor } from "../../src/report/cpor";
import { cporWorkbook } from "../../src/report/files/cporXlsx";
import { shareStyles } from "../../src/xlsx/shareStyles";
import { loadFramework } from "../../src/cli/shared";
import { realisticPlan, SETTINGS } from "../qsr/planFixtures";

const framework = loadFramework();
const plans = [realisticPlan("DSP-ASC", "Adult Social Care", 12, 9, 3), realisticPlan("DSP-PLACE", "Place", 10, 8, 11)];
const at = (period: string) =>
  collect(
    plans.map((p) => ({
      file: `${p.details.planId}.json`,
      parsed: { ok: true as const, value: buildReturn(p, SETTINGS, parsePeriod(period), { preparedBy: "Officer", preparedOn: "2024-10-07", draft: false }) },
    })),
    { priorities: framework.priorities },
  );
const report = buildCpor({
  rollup: at("2024/25 Q2"),
  previous: [{ file: "q1.json", rollup: at("2024/25 Q1") }],
  priorities: framework.priorities,
  council: framework.council,
  generatedOn: "2024-10-20",
});

/** The workbook's parts as text, written at a fixed time so two writes can be compared. */
async function parts(wb: ExcelJS.Workbook): Promise<Record<string, string>> {
  wb.created = wb.modified = new Date("2024-10-20T00:00:00Z");
  const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir)) out[name] = await zip.file(name)!.async("string");
  return out;
}

test("sharing equal styles leaves every part of the written file as it was", async () => {
  const plain = await parts(cporWorkbook(report));
  const shared = cporWorkbook(report);
  shareStyles(shared);
  expect(await parts(shared)).toEqual(plain);
});

test("after sharing, cells with equal styles hold one style object, and cells with different styles do not", () => {
  const wb = cporWorkbook(report);
  shareStyles(wb);
  const objects = new Map<string, Set<object>>();
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const key = JSON.stringify(cell.style);
        (objects.get(key) ?? objects.set(key, new Set()).get(key)!).add(cell.style);
      }),
    ),
  );
  expect(objects.size).toBeGreaterThan(5);
  for (const [key, set] of objects) expect({ key, objects: set.size }).toEqual({ key, objects: 1 });
});
