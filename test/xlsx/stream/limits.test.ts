// The streaming reader's own limits (CHECK_LIMITS): each refused with a sentence naming the file,
// and the sheet and cell where there is one, as soon as it is passed.
import JSZip from "jszip";
import { planDesign } from "../../../src/workbook/design";
import { XlsxWorkbook } from "../../../src/xlsx/adapter";
import { CHECK_LIMITS, snapshotOfBytes, StreamLimits } from "../../../src/xlsx/stream/readSnapshot.node";
import { handPickedActions, handPickedMeasures, sampleDetails, sampleRegister, seftonFramework } from "../../workbook/samplePlan";

let plan: Buffer;
beforeAll(async () => {
  const wb = XlsxWorkbook.create("plan.xlsx");
  await wb.apply(planDesign({ details: sampleDetails(), framework: seftonFramework(), actions: handPickedActions(), measures: handPickedMeasures(), register: sampleRegister() }));
  plan = await wb.toBuffer();
});

const read = (buf: Uint8Array, limits: Partial<StreamLimits> = {}) => snapshotOfBytes(buf, "plan.xlsx", { ...CHECK_LIMITS, ...limits });

async function edited(part: RegExp, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(plan);
  for (const name of Object.keys(zip.files).filter((f) => part.test(f))) zip.file(name, edit(await zip.file(name)!.async("string")));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

test("a plan within the limits reads", async () => {
  const s = await read(plan);
  expect(s.tables.find((t) => t.name === "Actions")!.rows.length).toBe(handPickedActions().length);
});

test.each([
  ["rows in one table", { maxTableRows: 3 }, /^plan\.xlsx: sheet Actions, cell [A-Z]+\d+: the table Actions has more than 3 rows \(the limit for check\)$/],
  ["cells kept", { maxKeptCells: 100 }, /^plan\.xlsx: sheet \w+, cell [A-Z]+\d+: the plan has more than 100 cells in its tables and details \(the limit for check\)$/],
  ["cells in the workbook", { maxCells: 100 }, /^plan\.xlsx: sheet \w+: the workbook has more than 100 cells \(the limit for check\)$/],
  [
    "the block a sheet's cells span",
    { maxSheetArea: 20 },
    /^plan\.xlsx: sheet Plan, cell ([A-Z]+\d+): its cells run from A1 to \1, a block of \d+ cells \(limit 20\); delete stray cells far from the rest/,
  ],
  ["a part read whole", { maxPartBytes: 1000 }, /^plan\.xlsx: the part xl\/\S+ is 0\.\d MB \(limit 0\.0\d+ MB\)$/],
  ["the declared size of every part", { maxStreamedBytes: 10_000 }, /^plan\.xlsx: the workbook would unpack to 0\.\d MB \(limit 0\.0 MB\): refused as a possible zip bomb$/],
  ["the file's size", { maxFileBytes: 1000 }, /^plan\.xlsx: the file is 0\.0 MB \(limit 0\.\d+ MB\)$/],
])("refused past the limit on %s", async (_what, limits, message) => {
  await expect(read(plan, limits)).rejects.toThrow(message);
});

test("merged ranges past the limit on one sheet", async () => {
  const merges = Array.from({ length: 5 }, (_v, i) => `<mergeCell ref="D${i + 1}:E${i + 1}"/>`).join("");
  const buf = await edited(/^xl\/worksheets\/sheet1\.xml$/, (xml) => xml.replace("</sheetData>", `</sheetData><mergeCells count="5">${merges}</mergeCells>`));
  await expect(read(buf, { maxMerges: 4 })).rejects.toThrow(/^plan\.xlsx: sheet Plan: the sheet has more than 4 merged ranges \(the limit\)$/);
});

test("a table stretched to Excel's last row is read to the last row in use, as the opener reads it", async () => {
  const buf = await edited(/^xl\/tables\/table1\.xml$/, (xml) => xml.replace(/ ref="A1:([A-Z]+)\d+"/g, ' ref="A1:$1' + "1048576" + '"'));
  const s = await read(buf);
  const actions = s.tables.find((t) => t.name === "Actions")!;
  expect(actions.range).toMatch(new RegExp(`^A1:[A-Z]+${handPickedActions().length + 1}$`));
  expect(actions.rows.length).toBe(handPickedActions().length);
});

test("damaged and hostile packages are refused naming the file", async () => {
  await expect(read(Buffer.from("not a zip at all"))).rejects.toThrow(/^plan\.xlsx: not an Excel \.xlsx workbook/);
  await expect(read(await edited(/^xl\/sharedStrings\.xml$/, () => '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aa">]><sst/>'))).rejects.toThrow(
    /^plan\.xlsx: the part xl\/sharedStrings\.xml: .*DTD or entities/,
  );
  await expect(read(await edited(/^xl\/worksheets\/sheet2\.xml$/, (xml) => xml.replace(/<c r="A2"/, '<c r="A1048577"')))).rejects.toThrow(
    /^plan\.xlsx: sheet Actions, cell A1048577: a cell is beyond Excel's last row/,
  );
  await expect(read(await edited(/^xl\/worksheets\/sheet2\.xml$/, (xml) => xml.replace(/(<c r="A2"[^>]*t="s"[^>]*><v>)\d+/, "$199999")))).rejects.toThrow(
    /^plan\.xlsx: sheet Actions, cell A2: the cell refers to shared string 99999, which the workbook does not have/,
  );
});
