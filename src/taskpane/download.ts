// Saves a file the pane produced (a return, a roll-up) through the browser's own download.
import type { ExportedFile } from "./paneModel";

export function saveFile(file: ExportedFile): void {
  const blob = new Blob([file.bytes as BlobPart], { type: file.mimeType });
  if (typeof URL.createObjectURL !== "function") return; // no download support (e.g. a test DOM)
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
