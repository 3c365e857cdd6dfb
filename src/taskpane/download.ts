// Gets a file the pane produced (a return, a roll-up) to the user on every host, or says why not.
// Office for Mac and iPad ignore a Blob with <a download> without any error (office-js #2700,
// closed by design; #4681, #3385), so there an .xlsx opens as a new workbook through
// Excel.createWorkbook(base64) (ExcelApi 1.8) for the user to save, and the CSV/JSON forms, which
// cannot be opened that way, are refused with a sentence saying where to get them. Windows and the
// web download as usual. Nothing fails silently: every path ends in a message or an error.
import type { ExportedFile } from "./paneModel";

/** Where the pane runs and what it can do there; Office's globals in the add-in, fakes in tests. */
export interface SaveHost {
  /** Office.context.diagnostics.platform: "PC", "Mac", "iOS", "OfficeOnline", "Android", "Universal". */
  platform: string | undefined;
  /** Excel.createWorkbook, when the host has ExcelApi 1.8. */
  createWorkbook?: (base64: string) => Promise<void>;
  /** A browser download; false when the webview offers none. */
  download: (file: ExportedFile) => boolean;
}

/** Hosts whose webview drops <a download> without telling anyone. */
const NO_DOWNLOAD_PLATFORMS = new Set(["Mac", "iOS"]);
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function isXlsx(file: ExportedFile): boolean {
  return file.mimeType === XLSX || /\.xlsx$/i.test(file.fileName);
}

/** Base64 without Node's Buffer (the pane runs in a browser). */
export function toBase64(bytes: Uint8Array): string {
  let text = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) text += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(text);
}

function hostName(platform: string | undefined): string {
  return platform === "iOS" ? "Excel on iPad" : "Excel for Mac";
}

/**
 * Saves or opens the file; resolves to the sentence to show the user. Rejects with a plain message
 * when the host cannot receive the file at all.
 */
export async function saveFile(file: ExportedFile, host: SaveHost = currentHost()): Promise<string> {
  if (NO_DOWNLOAD_PLATFORMS.has(host.platform ?? "")) {
    const where = hostName(host.platform);
    if (!isXlsx(file))
      throw new Error(
        `${where} does not let add-ins save files, so ${file.fileName} cannot be saved from here. Export the xlsx return instead (it opens as a new workbook to save), or export the ${file.fileName.split(".").pop()?.toUpperCase()} from Excel on the web or for Windows, or with the service-plan command.`,
      );
    if (!host.createWorkbook) throw new Error(`${where} here cannot open ${file.fileName} as a new workbook (it needs ExcelApi 1.8). Use Excel on the web or for Windows to export it.`);
    return openWorkbook(file, host.createWorkbook);
  }
  if (!host.download(file)) throw new Error(`This copy of Office cannot save ${file.fileName} from the pane. Use Excel on the web or for Windows, or the service-plan command.`);
  return `Saved ${file.fileName} to your downloads.`;
}

async function openWorkbook(file: ExportedFile, createWorkbook: (base64: string) => Promise<void>): Promise<string> {
  await createWorkbook(toBase64(file.bytes));
  return `${file.fileName} opened as a new workbook: save it with File > Save As, as ${file.fileName}.`;
}

/**
 * A workbook the pane made (next year's plan) opened as a new workbook in Excel wherever the host has
 * Excel.createWorkbook(base64): "Creates and opens a new workbook. Optionally, the workbook can be
 * pre-populated with a Base64-encoded .xlsx file. [Api set: ExcelApi 1.8]"
 * (https://learn.microsoft.com/javascript/api/excel#excel-excel-createworkbook-function(1)); elsewhere
 * the .xlsx is saved as a download. The open workbook is never written either way.
 */
export async function openAsNewWorkbook(file: ExportedFile, host: SaveHost = currentHost()): Promise<string> {
  if (host.createWorkbook && isXlsx(file)) return openWorkbook(file, host.createWorkbook);
  return saveFile(file, host);
}

/** A browser download through a Blob and <a download>; false when there is no object URL support. */
function browserDownload(file: ExportedFile): boolean {
  if (typeof URL.createObjectURL !== "function") return false;
  const blob = new Blob([file.bytes as BlobPart], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

/** The host the pane is running in, read from Office's globals. */
function currentHost(): SaveHost {
  const office = typeof Office !== "undefined" ? Office : undefined;
  const platform = office?.context?.diagnostics?.platform ?? office?.context?.platform;
  const canCreate = office?.context?.requirements?.isSetSupported("ExcelApi", "1.8") === true && typeof Excel !== "undefined";
  return { platform: platform === undefined ? undefined : String(platform), createWorkbook: canCreate ? (base64) => Excel.createWorkbook(base64) : undefined, download: browserDownload };
}

/** Reads a chosen file's bytes (File.arrayBuffer is missing in some older Office webviews). */
export function readFileBytes(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(new Error(`${file.name}: could not be read`));
    reader.readAsArrayBuffer(file);
  });
}

export function readFileText(file: File): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error(`${file.name}: could not be read`));
    reader.readAsText(file, "utf-8");
  });
}
