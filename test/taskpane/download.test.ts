// Issue 10, item 1: a return or roll-up reaches the user on every host, or the user is told why not.
// Office for Mac and iPad drop <a download> silently (office-js #2700, #4681, #3385).
import fc from "fast-check";
import { openAsNewWorkbook, saveFile, SaveHost, toBase64 } from "../../src/taskpane/download";
import type { ExportedFile } from "../../src/taskpane/paneModel";

const xlsx: ExportedFile = {
  fileName: "QSR OSP-ASC-2024 2024-25 Q2.xlsx",
  mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  bytes: new Uint8Array([80, 75, 3, 4, 1, 2, 3]),
};
const json: ExportedFile = { fileName: "QSR OSP-ASC-2024 2024-25 Q2.json", mimeType: "application/json", bytes: new TextEncoder().encode("{}") };

function host(platform: string | undefined, canCreate = true): SaveHost & { downloaded: string[]; created: string[] } {
  const downloaded: string[] = [];
  const created: string[] = [];
  return {
    platform,
    downloaded,
    created,
    download: (file) => (downloaded.push(file.fileName), true),
    createWorkbook: canCreate ? async (base64) => void created.push(base64) : undefined,
  };
}

test.each(["Mac", "iOS"])("on %s an xlsx opens as a new workbook (never a silent download) and the user is told to save it", async (platform) => {
  const h = host(platform);
  await expect(saveFile(xlsx, h)).resolves.toBe("QSR OSP-ASC-2024 2024-25 Q2.xlsx opened as a new workbook: save it with File > Save As, as QSR OSP-ASC-2024 2024-25 Q2.xlsx.");
  expect(h.downloaded).toEqual([]);
  expect(Buffer.from(h.created[0], "base64")).toEqual(Buffer.from(xlsx.bytes));
});

test("on a Mac the JSON form is refused with where to get it, not dropped", async () => {
  const h = host("Mac");
  await expect(saveFile(json, h)).rejects.toThrow(
    /^Excel for Mac does not let add-ins save files, so QSR OSP-ASC-2024 2024-25 Q2.json cannot be saved from here\. Export the xlsx return instead .* or export the JSON from Excel on the web or for Windows, or with the service-plan command\.$/,
  );
  expect(h.downloaded).toEqual([]);
  await expect(saveFile(xlsx, host("Mac", false))).rejects.toThrow("needs ExcelApi 1.8");
});

test.each(["PC", "OfficeOnline", undefined])("on %s files download as usual", async (platform) => {
  const h = host(platform);
  await expect(saveFile(json, h)).resolves.toBe("Saved QSR OSP-ASC-2024 2024-25 Q2.json to your downloads.");
  expect(h.created).toEqual([]);
  await expect(saveFile(json, { ...h, download: () => false })).rejects.toThrow("This copy of Office cannot save QSR OSP-ASC-2024 2024-25 Q2.json from the pane.");
});

test("base64 of any bytes decodes back to the same bytes", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => expect(new Uint8Array(Buffer.from(toBase64(bytes), "base64"))).toEqual(bytes)),
    { numRuns: 40 },
  );
});

test("next year's plan opens as a new workbook wherever Excel can (ExcelApi 1.8), else downloads", async () => {
  for (const platform of ["PC", "OfficeOnline", "Mac"]) {
    const h = host(platform);
    await expect(openAsNewWorkbook(xlsx, h)).resolves.toMatch(/opened as a new workbook: save it with File > Save As/);
    expect(h.downloaded).toEqual([]);
    expect(Buffer.from(h.created[0], "base64")).toEqual(Buffer.from(xlsx.bytes));
  }
  const old = host("PC", false);
  await expect(openAsNewWorkbook(xlsx, old)).resolves.toBe("Saved QSR OSP-ASC-2024 2024-25 Q2.xlsx to your downloads.");
  expect(old.downloaded).toEqual([xlsx.fileName]);
  await expect(openAsNewWorkbook(xlsx, host("Mac", false))).rejects.toThrow("needs ExcelApi 1.8");
});
