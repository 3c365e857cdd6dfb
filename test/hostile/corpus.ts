// The hostile and careless corpus, built in code (small files, nothing committed): workbooks that
// are bombs, tricks of the zip or the XML, sheets stretched to Excel's edges, CSVs in every encoding
// Excel writes, JSON returns with formula text and oversize fields, frameworks that are not.
// Each case says what kind of file it is (so every command that reads that kind runs it) and
// whether the tools must refuse it; a refusal must name the file and match `reason`.
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import JSZip from "jszip";
import { loadFramework } from "../../src/cli/shared";
import { parsePeriod } from "../../src/model/period";
import { buildReturn } from "../../src/qsr/buildReturn";
import { returnJson } from "../../src/qsr/files/returnJson";
import { returnWorkbook } from "../../src/qsr/files/returnXlsx";
import { workbookBytes } from "../../src/xlsx/print";
import { planDesign } from "../../src/workbook/design";
import { XlsxWorkbook } from "../../src/xlsx/adapter";
import { action, details, measure, realisticPlan, SETTINGS } from "../qsr/planFixtures";

export type CaseKind = "plan" | "loose" | "return" | "csv" | "framework";

export interface HostileCase {
  name: string;
  kind: CaseKind;
  /** The file name the case is written under (its extension picks the reader). */
  file: string;
  build(): Promise<Uint8Array | string>;
  /** Must every reader refuse it? When false it must be read (perhaps with findings). */
  refused: boolean;
  /** What the refusal says (after the file name). */
  reason?: RegExp;
  /** Needs a child process with a memory limit to prove it (the point is memory, not the message). */
  memory?: boolean;
}

const FORMULA_TEXT = ['=HYPERLINK("http://evil.example","Click")', "+44 151 934 4000", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"];

let planCache: Uint8Array | undefined;

/** A small valid plan workbook (3 actions, 1 measure), written by the real plan writer. */
export async function validPlan(): Promise<Uint8Array> {
  if (planCache) return planCache;
  const framework = loadFramework();
  const wb = XlsxWorkbook.create("plan.xlsx");
  await wb.apply(
    planDesign({
      details: details({ planId: "OSP-ASC-2024", tier: "Operational" }),
      framework,
      reportingDate: "2024-09-30",
      register: framework.priorities.map((p) => ({ id: p.id, title: p.title, tier: "Corporate", leadOfficer: "" })),
      actions: [1, 2, 3].map((i) => action({ id: `OSP-ASC-2024-0${i}`, action: `Reduce waiting times for care assessments by ${i * 10}% by March 2025`, parentLink: "CP2" })),
      measures: [measure({ id: "OSP-ASC-2024-K1", q1Actual: 70 })],
    }),
  );
  planCache = new Uint8Array(await wb.toBuffer());
  return planCache;
}

const aReturn = (planId = "DSP-ASC-2024") =>
  buildReturn(realisticPlan(planId, "Adult Social Care", 3, 3), SETTINGS, parsePeriod("2024/25 Q2"), { preparedBy: "A. Director", preparedOn: "2024-10-07", draft: false });

export async function validReturnXlsx(): Promise<Uint8Array> {
  return workbookBytes(returnWorkbook(aReturn()));
}

/** The package part of the sheet with this name. */
async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = new RegExp(`<sheet\\b[^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
  return `xl/${(target[1] ?? target[2]).replace(/^\/?(xl\/)?/, "")}`;
}

/** The bytes with the named sheet's XML changed by edit. */
async function editSheet(bytes: Uint8Array, sheet: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = await sheetPart(zip, sheet);
  zip.file(part, edit(await zip.file(part)!.async("string")));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function editPart(bytes: Uint8Array, part: RegExp, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => part.test(n))) zip.file(name, edit(await zip.file(name)!.async("string")));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Appends XML after </sheetData> in the order the schema wants (mergeCells, conditional formats, validations come after). */
const afterSheetData = (extra: string) => (xml: string) => xml.replace("</sheetData>", `</sheetData>${extra}`);

const farCell = (ref: string, row: number) => (xml: string) => xml.replace("</sheetData>", `<row r="${row}"><c r="${ref}" t="inlineStr"><is><t>stray</t></is></c></row></sheetData>`);

const WHOLE_COLUMN_DROPDOWNS = `<dataValidations count="9">${"ABCDEFGHI"
  .split("")
  .map((c) => `<dataValidation type="list" allowBlank="1" sqref="${c}1:${c}1048576"><formula1>"Yes,No"</formula1></dataValidation>`)
  .join("")}</dataValidations>`;

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function encryptedWorkbook(): Uint8Array {
  // An OLE container holding an "EncryptionInfo" stream name (UTF-16LE), as Excel writes for a password.
  const name = Buffer.from("EncryptionInfo", "utf16le");
  return new Uint8Array(Buffer.concat([Buffer.from(OLE), Buffer.alloc(504), name, Buffer.alloc(512)]));
}

/** A workbook whose shared strings declare nested entities (the "billion laughs"). */
const BILLION_LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol3;</t></si></sst>`;

/** A zip entry declared honestly but inflating past the plan limit (200 MB of zeros, ~200 KB compressed). */
async function honestBomb(): Promise<Uint8Array> {
  // JSZip would hold the 210 MB entry to write it: a deflated entry is appended by hand instead.
  return appendZerosEntry(await validPlan(), "xl/media/filler.bin", 210 * 1024 * 1024);
}

/** Adds a deflated entry of `size` zero bytes to the zip (central directory rewritten), without JSZip. */
function appendZerosEntry(zipBytes: Uint8Array, name: string, size: number, declared = size): Uint8Array {
  const buf = Buffer.from(zipBytes);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  const data = zlib.deflateRawSync(Buffer.alloc(size), { level: 1 });
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(cdOffset, 42);
  const oldCd = buf.subarray(cdOffset, cdOffset + cdSize);
  const newCdOffset = cdOffset + local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  buf.copy(end, 0, eocd, eocd + 22);
  end.writeUInt16LE(count + 1, 8);
  end.writeUInt16LE(count + 1, 10);
  end.writeUInt32LE(cdSize + central.length + nameBytes.length, 12);
  end.writeUInt32LE(newCdOffset, 16);
  end.writeUInt16LE(0, 20);
  return new Uint8Array(Buffer.concat([buf.subarray(0, cdOffset), local, nameBytes, data, oldCd, central, nameBytes, end]));
}

async function lyingBomb(): Promise<Uint8Array> {
  return appendZerosEntry(await validPlan(), "xl/media/liar.bin", 64 * 1024 * 1024, 1000);
}

async function manyEntries(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await validPlan());
  for (let i = 0; i < 2_100; i++) zip.file(`xl/media/i${i}.bin`, "");
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}

/** A loose plan workbook with date cells whose serials are no real dates. */
async function looseWithBadDates(): Promise<Uint8Array> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Service plan");
  ws.addRow(["Key action", "Lead officer", "Start date", "Timescale", "Progress"]);
  const serials = [-5, 0, 60, 3_000_000, 45_000];
  serials.forEach((s, i) => {
    const row = ws.addRow([`Review the ${i + 1}th care pathway with partners`, "Head of Adult Social Care", s, s, "=1+2 looks like a formula"]);
    row.getCell(3).numFmt = "dd/mm/yyyy";
    row.getCell(4).numFmt = "dd/mm/yyyy";
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function looseWithFormulaText(): Promise<Uint8Array> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Plan");
  ws.addRow(["Key action", "Lead officer", "Timescale", "Notes"]);
  FORMULA_TEXT.forEach((t, i) => ws.addRow([t, "Head of Service", "31/03/2025", t + ` note ${i}`]));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const ACTIONS_CSV_HEADER = "id,action,lead_officer,start_date,due_date,revised_due_date,completed_date,no_longer_viable";
const csvRow = (id: string, text: string, lead: string) => `${id},${text},${lead},2024-04-01,2025-03-31,,,No`;

function win1252(text: string): Uint8Array {
  // Latin-1 range only in these cases: each code point is its byte (£ is 0xA3, é is 0xE9).
  return new Uint8Array([...text].map((c) => c.charCodeAt(0)));
}

function returnJsonWith(edit: (r: Record<string, unknown>) => void): string {
  const r = JSON.parse(returnJson(aReturn())) as Record<string, unknown>;
  edit(r);
  return JSON.stringify(r);
}

export const CASES: HostileCase[] = [
  // ---- workbooks: the zip ----
  { name: "empty file", kind: "plan", file: "empty.xlsx", build: async () => new Uint8Array(0), refused: true, reason: /the file is empty \(0 bytes\)/ },
  { name: "a letter saved as .xlsx", kind: "plan", file: "letter.xlsx", build: async () => "Dear BI team, please find attached our plan.", refused: true, reason: /not an Excel \.xlsx workbook/ },
  { name: "an old .xls renamed", kind: "plan", file: "old.xlsx", build: async () => new Uint8Array([...OLE, ...new Uint8Array(1024)]), refused: true, reason: /old-format Excel 97-2003/ },
  { name: "a password-encrypted workbook", kind: "plan", file: "locked.xlsx", build: async () => encryptedWorkbook(), refused: true, reason: /password protected/ },
  { name: "a truncated download", kind: "plan", file: "cut.xlsx", build: async () => (await validPlan()).slice(0, 3000), refused: true, reason: /damaged/ },
  {
    name: "a Word document renamed",
    kind: "plan",
    file: "letter-docx.xlsx",
    build: async () => {
      const zip = new JSZip();
      zip.file("word/document.xml", "<w:document/>");
      return zip.generateAsync({ type: "uint8array" });
    },
    refused: true,
    reason: /no xl\/workbook\.xml/,
  },
  { name: "zip bomb declaring 210 MB", kind: "plan", file: "bomb.xlsx", build: honestBomb, refused: true, reason: /would unpack to 2\d\d\.\d MB \(limit 200\.0 MB\)/, memory: true },
  { name: "zip bomb lying about its size", kind: "plan", file: "liar.xlsx", build: lyingBomb, refused: true, reason: /unpacks to more than its declared 1000 bytes/, memory: true },
  { name: "2,100 zip entries", kind: "plan", file: "entries.xlsx", build: manyEntries, refused: true, reason: /zip entries \(limit 2000\)/ },
  // ---- workbooks: the XML ----
  {
    name: "entity expansion (billion laughs)",
    kind: "plan",
    file: "laughs.xlsx",
    build: async () => editPart(await validPlan(), /^xl\/sharedStrings\.xml$/, () => BILLION_LAUGHS),
    refused: true,
    reason: /declares a DTD or entities/,
  },
  {
    name: "a cell at Excel's last row and column",
    kind: "plan",
    file: "far-cell.xlsx",
    build: async () => editSheet(await validPlan(), "Actions", farCell("XFD1048576", 1048576)),
    refused: true,
    reason: /sheet Actions, cell XFD1048576: its cells run from A1 to XFD1048576/,
    memory: true,
  },
  {
    name: "a cell beyond Excel's last row",
    kind: "plan",
    file: "row-beyond.xlsx",
    build: async () => editSheet(await validPlan(), "Actions", farCell("A2000000", 2000000)),
    refused: true,
    reason: /beyond Excel's last row/,
  },
  {
    name: "a cell beyond Excel's last column",
    kind: "plan",
    file: "col-beyond.xlsx",
    build: async () => editSheet(await validPlan(), "Actions", farCell("XFE7", 7)),
    refused: true,
    reason: /beyond Excel's last column/,
  },
  {
    name: "one merge over the whole sheet",
    kind: "loose",
    file: "merge-all.xlsx",
    build: async () => editSheet(await validPlan(), "Plan", afterSheetData('<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')),
    refused: false,
    memory: true,
  },
  {
    name: "a column definition over 2 billion columns",
    kind: "plan",
    file: "cols.xlsx",
    build: async () => editSheet(await validPlan(), "Actions", (x) => x.replace(/<cols>[\s\S]*?<\/cols>|(?=<sheetData)/, '<cols><col min="1" max="2147483647" width="12" customWidth="1"/></cols>')),
    refused: false,
    memory: true,
  },
  {
    name: "nine dropdowns over whole columns",
    kind: "plan",
    file: "dropdowns.xlsx",
    build: async () =>
      editSheet(await validPlan(), "Actions", (x) =>
        x
          .replace(/<dataValidations[\s\S]*?<\/dataValidations>/, "")
          .replace(
            /(<\/sheetData>(?:<sheetProtection[^>]*\/>)?(?:<autoFilter[^>]*\/>)?(?:<mergeCells[\s\S]*?<\/mergeCells>)?(?:<conditionalFormatting[\s\S]*?<\/conditionalFormatting>)*)/,
            `$1${WHOLE_COLUMN_DROPDOWNS}`,
          ),
      ),
    refused: false,
    memory: true,
  },
  {
    name: "a conditional format over whole columns",
    kind: "plan",
    file: "formats.xlsx",
    build: async () =>
      editSheet(await validPlan(), "Actions", (x) =>
        x.replace(
          /(<\/sheetData>(?:<sheetProtection[^>]*\/>)?(?:<autoFilter[^>]*\/>)?(?:<mergeCells[\s\S]*?<\/mergeCells>)?)/,
          '$1<conditionalFormatting sqref="A:XFD"><cfRule type="containsText" dxfId="0" priority="99" operator="containsText" text="x"><formula>NOT(ISERROR(SEARCH("x",A1)))</formula></cfRule></conditionalFormatting>',
        ),
      ),
    refused: false,
    memory: true,
  },
  {
    name: "a table stretched to the sheet's last row",
    kind: "plan",
    file: "table.xlsx",
    build: async () =>
      editPart(await validPlan(), /^xl\/tables\/[^/]+\.xml$/, (x) =>
        x.replace(/(<table\b[^>]*?\bref="[A-Z]+\d+:[A-Z]+)\d+"/, '$11048576"').replace(/(<autoFilter\b[^>]*?\bref="[A-Z]+\d+:[A-Z]+)\d+"/, '$11048576"'),
      ),
    refused: false,
    memory: true,
  },
  // ---- loose workbooks (convert) ----
  { name: "date serials that are no real date", kind: "loose", file: "bad-dates.xlsx", build: looseWithBadDates, refused: false },
  { name: "formula-like text in a loose plan", kind: "loose", file: "formula-text.xlsx", build: looseWithFormulaText, refused: false },
  // ---- returns ----
  {
    name: "a return xlsx with a far cell",
    kind: "return",
    file: "far-return.xlsx",
    build: async () => editSheet(await validReturnXlsx(), "Actions", farCell("XFD1048576", 1048576)),
    refused: true,
    reason: /XFD1048576:? its cells run from A1 to XFD1048576/,
  },
  { name: "a password-encrypted return", kind: "return", file: "locked-return.xlsx", build: async () => encryptedWorkbook(), refused: true, reason: /password protected/ },
  {
    name: "a JSON return with formula text",
    kind: "return",
    file: "formula-return.json",
    build: async () => returnJsonWith((r) => ((r.actions as { progress: string }[])[0].progress = FORMULA_TEXT[0])),
    refused: false,
  },
  {
    name: "a JSON return with a 40,000-character field",
    kind: "return",
    file: "long-return.json",
    build: async () => returnJsonWith((r) => ((r.actions as { progress: string }[])[0].progress = "x".repeat(40_000))),
    refused: true,
    reason: /40,000 characters long; an Excel cell holds at most 32,767/,
  },
  {
    name: "a JSON return nested 100,000 deep",
    kind: "return",
    file: "deep.json",
    build: async () => "[".repeat(100_000) + "]".repeat(100_000),
    refused: true,
    reason: /not valid JSON|not a QSR return|formatVersion/,
  },
  {
    name: "a JSON return with __proto__ keys",
    kind: "return",
    file: "proto.json",
    build: async () => returnJsonWith((r) => Object.assign(r, JSON.parse('{"__proto__":{"polluted":true}}'))),
    refused: false,
  },
  {
    name: "a JSON return in UTF-16 with a BOM",
    kind: "return",
    file: "utf16-return.json",
    build: async () => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(returnJson(aReturn()), "utf16le")])),
    refused: false,
  },
  { name: "a JSON return of 21 MB", kind: "return", file: "huge-return.json", build: async () => " ".repeat(21 * 1024 * 1024), refused: true, reason: /limit 20\.0 MB/ },
  // ---- CSV ----
  {
    name: "Windows-1252 CSV from Excel (£ and accents)",
    kind: "csv",
    file: "win1252.csv",
    build: async () => win1252([ACTIONS_CSV_HEADER, csvRow("A1", "Cut spend on agency staff by £250000 by March 2025", '"Zoë Brontë, Head of Café Services"')].join("\r\n")),
    refused: false,
  },
  {
    name: "UTF-16LE CSV with a BOM (Unicode Text)",
    kind: "csv",
    file: "utf16.csv",
    build: async () =>
      new Uint8Array(
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([ACTIONS_CSV_HEADER, csvRow("A1", "Cut spend on agency staff by £250000 by March 2025", "Zoë Brontë")].join("\r\n"), "utf16le")]),
      ),
    refused: false,
  },
  {
    name: "UTF-8 CSV with a BOM",
    kind: "csv",
    file: "bom.csv",
    build: async () => "\ufeff" + [ACTIONS_CSV_HEADER, csvRow("A1", "Cut spend by £250000 by March 2025", "Zoë Brontë")].join("\r\n"),
    refused: false,
  },
  {
    name: "a quoted value never closed",
    kind: "csv",
    file: "unclosed.csv",
    build: async () => [ACTIONS_CSV_HEADER, 'A1,"Reduce waiting times,Head of Service,2024-04-01,2025-03-31,,,No'].join("\n"),
    refused: true,
    reason: /line 2: a quoted value is never closed/,
  },
  {
    name: "a byte neither UTF-8 nor Windows-1252",
    kind: "csv",
    file: "undefined-byte.csv",
    build: async () => new Uint8Array([...Buffer.from(ACTIONS_CSV_HEADER + "\n"), ...Buffer.from("A1,Reduce"), 0x81, ...Buffer.from(",Head,2024-04-01,2025-03-31,,,No\n")]),
    refused: true,
    reason: /line 2, column 10: byte 0x81 is not a character/,
  },
  {
    name: "control characters and formula text in a CSV",
    kind: "csv",
    file: "controls.csv",
    build: async () => [ACTIONS_CSV_HEADER, csvRow("A\u00071", '=HYPERLINK("http://evil.example")', "@Head\u0000")].join("\n"),
    refused: false,
  },
  { name: "a CSV of 21 MB", kind: "csv", file: "huge.csv", build: async () => ACTIONS_CSV_HEADER + "\n" + "x,".repeat(11 * 1024 * 1024), refused: true, reason: /limit 20\.0 MB/ },
  // ---- frameworks ----
  { name: "a framework that is not JSON", kind: "framework", file: "framework.json", build: async () => "council: Sefton\npriorities: lots", refused: true, reason: /JSON/ },
  {
    name: "a framework of the wrong types",
    kind: "framework",
    file: "types-framework.json",
    build: async () => JSON.stringify({ council: 7, planYear: ["2024/25"], priorities: "all of them" }),
    refused: true,
    reason: /council|planYear|priorities/,
  },
  { name: "a framework of 2 MB", kind: "framework", file: "big-framework.json", build: async () => " ".repeat(2 * 1024 * 1024) + "{}", refused: true, reason: /limit 1\.0 MB/ },
];

/** Writes a case's file into dir and gives its path. */
export async function writeCase(c: HostileCase, dir: string): Promise<string> {
  const file = path.join(dir, c.file);
  const data = await c.build();
  fs.writeFileSync(file, typeof data === "string" ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  return file;
}
