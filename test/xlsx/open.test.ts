// The one opener's choices that are not about hostile files (those are test/hostile): what it lifts
// out of the package for ExcelJS, and the sheets a caller leaves out, which are still checked.
import JSZip from "jszip";
import { parsePeriod } from "../../src/model/period";
import { buildReturn } from "../../src/qsr/buildReturn";
import { readReturnBytes } from "../../src/qsr/files/readReturnBytes";
import { TRENDS_SHEET } from "../../src/qsr/files/returnTrends";
import { returnWorkbook } from "../../src/qsr/files/returnXlsx";
import { openXlsx, RETURN_LIMITS } from "../../src/xlsx/open";
import { workbookBytes } from "../../src/xlsx/print";
import { worksheetPaths } from "../../src/xlsx/sparklines";
import { realisticPlan, SETTINGS } from "../qsr/planFixtures";

const aReturn = () => buildReturn(realisticPlan("DSP-ASC-2024", "Adult Social Care", 4, 4), SETTINGS, parsePeriod("2024/25 Q2"), { preparedBy: "A. Director", preparedOn: "2024-10-07", draft: false });
// As writeReturnXlsx writes it: with the Trends sheet's sparklines.
const returnBytes = () => workbookBytes(returnWorkbook(aReturn()));

async function withTrendsXml(edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await returnBytes());
  const part = (await worksheetPaths(zip)).get(TRENDS_SHEET)!;
  zip.file(part, edit(await zip.file(part)!.async("string")));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

test("a sheet the caller does not read is not loaded, and its sparklines are not kept for a save", async () => {
  const bytes = await returnBytes();
  const all = await openXlsx(bytes, "r.xlsx", RETURN_LIMITS);
  expect(all.workbook.getWorksheet(TRENDS_SHEET)).toBeDefined();
  const some = await openXlsx(bytes, "r.xlsx", RETURN_LIMITS, undefined, (sheet) => sheet !== TRENDS_SHEET);
  expect(some.workbook.getWorksheet(TRENDS_SHEET)).toBeUndefined();
  expect(some.workbook.worksheets.map((w) => w.name)).toEqual(all.workbook.worksheets.map((w) => w.name).filter((n) => n !== TRENDS_SHEET));
  // Saved again, the full read keeps Trends' sparklines; the read without Trends must not try to put them back.
  const sheetXml = async (bytes: Uint8Array, sheet: string) => {
    const zip = await JSZip.loadAsync(bytes);
    const part = (await worksheetPaths(zip)).get(sheet);
    return part ? zip.file(part)!.async("string") : "";
  };
  expect(await sheetXml(await workbookBytes(all.workbook), TRENDS_SHEET)).toContain("<x14:sparklineGroup");
  const saved = await workbookBytes(some.workbook);
  expect(await sheetXml(saved, TRENDS_SHEET)).toBe("");
});

test("the return reader reads a return the same without loading its Trends sheet", async () => {
  const r = aReturn();
  expect(await readReturnBytes("r.xlsx", await workbookBytes(returnWorkbook(r)))).toEqual({ ok: true, value: r });
});

test("a sheet left out of the load is still checked: a cell beyond Excel's last row in Trends is refused", async () => {
  const bytes = await withTrendsXml((xml) => xml.replace("</sheetData>", `<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>`));
  const parsed = await readReturnBytes("r.xlsx", bytes);
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) expect(parsed.issues[0]).toMatchObject({ file: "r.xlsx", sheet: TRENDS_SHEET, reason: expect.stringMatching(/beyond Excel's last row/) });
});

test("a sheet left out of the load is still checked: a DTD in Trends is refused", async () => {
  const bytes = await withTrendsXml((xml) => xml.replace("<worksheet", `<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet`));
  const parsed = await readReturnBytes("r.xlsx", bytes);
  expect(parsed.ok ? "" : parsed.issues[0].reason).toMatch(/declares a DTD/);
});

describe("the structure guard reads cell addresses however the start tag is laid out", () => {
  // Attributes may be separated by any XML whitespace, in any order, and a cell may have no r at all.
  const layouts = [(r: string) => `<c r="${r}"><v>1</v></c>`, (r: string) => `<c t="n"\n\tr="${r}" s="0"><v>1</v></c>`, (r: string) => `<c\r\nr="${r}"/>`];
  it.each(layouts.map((l, i) => [i, l] as const))("layout %i: a cell beyond Excel's last column is refused, naming it", async (_i, layout) => {
    const bytes = await withTrendsXml((xml) => xml.replace("</sheetData>", `<row r="60">${layout("XFE60")}</row></sheetData>`));
    const parsed = await readReturnBytes("r.xlsx", bytes);
    expect(parsed.ok ? "" : parsed.issues[0]).toMatchObject({ sheet: TRENDS_SHEET, cell: "XFE60", reason: expect.stringMatching(/beyond Excel's last column/) });
  });
  it("a stray cell far from the rest is refused, naming it; cells without r count on from the last", async () => {
    const bytes = await withTrendsXml((xml) => xml.replace("</sheetData>", `<row r="900000"><c r="R900000"><v>1</v></c><c><v>2</v></c><c\tt="n"><v>3</v></c></row></sheetData>`));
    const parsed = await readReturnBytes("r.xlsx", bytes);
    expect(parsed.ok ? "" : parsed.issues[0]).toMatchObject({ sheet: TRENDS_SHEET, cell: "T900000", reason: expect.stringMatching(/delete stray cells far from the rest, e\.g\. T900000/) });
  });
});
