// The browser-safe reader: returns as bytes (Uint8Array / ArrayBuffer), the zip guard inflating through
// JSZip instead of zlib, and the same clear rejects as the command line for the hostile cases.
import JSZip from "jszip";
import { parsePeriod } from "../../src/model/period";
import { buildReturn } from "../../src/qsr/buildReturn";
import { readReturnBytes } from "../../src/qsr/files/readReturnBytes";
import { RETURN_LIMITS } from "../../src/xlsx/open";
import { returnJson } from "../../src/qsr/files/returnJson";
import { returnWorkbook } from "../../src/qsr/files/returnXlsx";
import { checkXlsxPackage, DEFAULT_ZIP_LIMITS, ZipRejected } from "../../src/qsr/files/zipGuard";
import { jszipInflate } from "../../src/qsr/files/zipInflate";
import { QsrReturn } from "../../src/qsr/schema";
import { realisticPlan, SETTINGS } from "./planFixtures";

const aReturn = (planId = "DSP-ASC-2024"): QsrReturn =>
  buildReturn(realisticPlan(planId, "Adult Social Care", 4, 4), SETTINGS, parsePeriod("2024/25 Q2"), { preparedBy: "A. Director", preparedOn: "2024-10-07", draft: false });

/** Plain Uint8Array copies, never Node Buffers, as a browser's File.arrayBuffer gives. */
const plain = (b: ArrayBuffer | Uint8Array): Uint8Array => new Uint8Array(b).slice();
const validXlsx = async (r = aReturn()) => plain((await returnWorkbook(r).xlsx.writeBuffer()) as ArrayBuffer);
const zipped = async (zip: JSZip) => plain(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));

async function reasonOf(bytes: Uint8Array, name = "r.xlsx", limits = RETURN_LIMITS): Promise<string> {
  const parsed = await readReturnBytes(name, bytes, { limits });
  if (parsed.ok) throw new Error(`${name} was accepted`);
  return parsed.issues[0].reason;
}

test("a valid xlsx return reads from a Uint8Array and from an ArrayBuffer, the same as the JSON form", async () => {
  const r = aReturn();
  const bytes = await validXlsx(r);
  expect(Buffer.isBuffer(bytes)).toBe(false);
  expect(await readReturnBytes("r.xlsx", bytes)).toEqual({ ok: true, value: r });
  expect(await readReturnBytes("r.xlsx", bytes.buffer as ArrayBuffer)).toEqual({ ok: true, value: r });
  expect(await readReturnBytes("r.json", new TextEncoder().encode(returnJson(r)))).toEqual({ ok: true, value: r });
});

test("a corrupt (truncated) zip, a text file and an empty file are rejected, not thrown", async () => {
  const bytes = await validXlsx();
  expect(await reasonOf(bytes.slice(0, Math.floor(bytes.length / 2)))).toMatch(/damaged/);
  expect(await reasonOf(new TextEncoder().encode("Dear BI team, please find attached..."))).toBe("not an Excel .xlsx workbook (the file is not a zip package)");
  expect(await reasonOf(new Uint8Array(0))).toBe("the file is empty (0 bytes)");
});

test("a zip whose deflate data is garbage is damaged", async () => {
  const zip = await JSZip.loadAsync(await validXlsx());
  zip.file("xl/media/filler.bin", new Uint8Array(64 * 1024).fill(7));
  const bytes = await zipped(zip);
  // Spoil the deflated data of the filler entry (after its local header) without touching sizes.
  const name = new TextEncoder().encode("xl/media/filler.bin");
  let p = 0;
  for (; p < bytes.length; p++) if (bytes[p] === 0x50 && bytes[p + 1] === 0x4b && bytes[p + 2] === 3 && name.every((c, i) => bytes[p + 30 + i] === c)) break;
  bytes.fill(0xff, p + 30 + name.length, p + 30 + name.length + 8);
  expect(await reasonOf(bytes)).toMatch(/^the workbook is damaged \(zip entry xl\/media\/filler\.bin does not decompress/);
});

test("a zip bomb declaring a huge size is refused before anything is inflated", async () => {
  const zip = await JSZip.loadAsync(await validXlsx());
  zip.file("xl/media/filler.bin", new Uint8Array(2 * 1024 * 1024));
  expect(await reasonOf(await zipped(zip), "bomb.xlsx", { ...RETURN_LIMITS, maxUncompressedBytes: 1024 * 1024 })).toMatch(/would unpack to 2\.\d MB \(limit 1\.0 MB\): refused as a possible zip bomb/);
});

test("a zip bomb lying about its size is stopped by the capped JSZip inflate", async () => {
  const zip = await JSZip.loadAsync(await validXlsx());
  zip.file("xl/media/filler.bin", new Uint8Array(8 * 1024 * 1024));
  const bytes = await zipped(zip);
  // Rewrite the entry's declared uncompressed size (central directory, offset 24) to 1000 bytes.
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const name = new TextEncoder().encode("xl/media/filler.bin");
  let p = 0;
  for (; p < bytes.length; p++) if (dv.getUint32(p, true) === 0x02014b50 && name.every((c, i) => bytes[p + 46 + i] === c)) break;
  dv.setUint32(p + 24, 1000, true);
  expect(await reasonOf(bytes, "liar.xlsx")).toBe("zip entry xl/media/filler.bin unpacks to more than its declared 1000 bytes: refused as a zip bomb");
  // The inflater itself gives up at the cap rather than inflating the whole 8 MB.
  const seen: number[] = [];
  const capped = jszipInflate(bytes);
  await expect(
    checkXlsxPackage(bytes, DEFAULT_ZIP_LIMITS, async (e, data, cap) => {
      const out = await capped(e, data, cap);
      seen.push(out === "too large" ? -1 : out.length);
      return out;
    }),
  ).rejects.toBeInstanceOf(ZipRejected);
  expect(seen[seen.length - 1]).toBe(-1);
});

test("a huge sheet is refused by its row count", async () => {
  const zip = await JSZip.loadAsync(await validXlsx());
  const rows = Array.from({ length: 100_001 }, (_, i) => `<row r="${i + 2}"/>`).join("");
  zip.file("xl/worksheets/sheet3.xml", `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
  expect(await reasonOf(await zipped(zip))).toBe("a worksheet (xl/worksheets/sheet3.xml) has 100001 rows (limit 100000)");
});

test("a zip that is not a workbook, a CSV file and an unknown file are rejects with a reason", async () => {
  const zip = new JSZip();
  zip.file("readme.txt", "hello");
  expect(await reasonOf(await zipped(zip))).toMatch(/no xl\/workbook\.xml/);
  const csv = await readReturnBytes("return.csv", new TextEncoder().encode("a,b"));
  expect(csv.ok ? "" : csv.issues[0].reason).toMatch(/CSV return is a folder/);
  const other = await readReturnBytes("notes.txt", new TextEncoder().encode("x"));
  expect(other).toEqual({ ok: false, issues: [{ file: "notes.txt", sheet: "", cell: "", reason: "not a return: expected an .xlsx workbook or a .json file" }] });
});
