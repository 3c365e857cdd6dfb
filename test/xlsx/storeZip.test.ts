// The stored zip the opener hands ExcelJS must be a zip any reader takes: JSZip (ExcelJS's own
// reader), with its CRC check on, and the opener's own zip guard read back every entry unchanged.
import fc from "fast-check";
import JSZip from "jszip";
import { crc32, storeZip } from "../../src/xlsx/storeZip";
import { checkXlsxPackage, DEFAULT_ZIP_LIMITS } from "../../src/qsr/files/zipGuard";
import { zlibInflate } from "../../src/qsr/files/zipInflate.node";

const entryName = fc.stringMatching(/^[a-zA-Z0-9_é€ -]{1,12}(\/[a-zA-Z0-9_]{1,12}){0,2}(\.xml)?$/);
const entries = fc.uniqueArray(fc.record({ name: entryName, bytes: fc.uint8Array({ maxLength: 3000 }) }), { selector: (e) => e.name, maxLength: 8 });

test("CRC-32 of known strings", () => {
  expect(crc32(new TextEncoder().encode(""))).toBe(0);
  expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  expect(crc32(new TextEncoder().encode("The quick brown fox jumps over the lazy dog"))).toBe(0x414fa339);
});

test("JSZip reads every entry of a stored zip back, CRCs checked", async () => {
  await fc.assert(
    fc.asyncProperty(entries, async (list) => {
      const zip = await JSZip.loadAsync(storeZip(list), { checkCRC32: true });
      const files = Object.values(zip.files).filter((f) => !f.dir);
      expect(files.map((f) => f.name).sort()).toEqual(list.map((e) => e.name).sort());
      for (const e of list) expect(await zip.file(e.name)!.async("uint8array")).toEqual(e.bytes);
    }),
    { numRuns: 60 },
  );
});

test("the zip guard reads a stored zip's entries and declared CRCs", async () => {
  await fc.assert(
    fc.asyncProperty(entries, async (list) => {
      const parts = await checkXlsxPackage(storeZip([...list, { name: "xl/workbook.xml", bytes: new Uint8Array([60, 97, 47, 62]) }]), DEFAULT_ZIP_LIMITS, zlibInflate);
      for (const e of list) {
        expect(parts.get(e.name)?.bytes).toEqual(e.bytes);
        expect(parts.get(e.name)?.entry.crc32).toBe(crc32(e.bytes));
      }
    }),
    { numRuns: 60 },
  );
});

test("a given CRC is written as given (the opener passes on a part's declared CRC)", async () => {
  const bytes = new TextEncoder().encode("<x/>");
  const parts = await checkXlsxPackage(storeZip([{ name: "xl/workbook.xml", bytes, crc32: 1234 }]), DEFAULT_ZIP_LIMITS, zlibInflate);
  expect(parts.get("xl/workbook.xml")?.entry.crc32).toBe(1234);
});
