// office.js addresses carry their sheet ("'My sheet'!A1:C9"); these split and rebuild them.
import { parseRange } from "../workbook/addresses";

export interface SheetBox {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "Actions!A1:T40", "'Plan details'!B2" or "=Settings!$B$2" -> sheet and 1-based bounds. */
export function parseSheetAddress(address: string): SheetBox {
  const text = address.replace(/^=/, "").trim();
  const m = /^(?:'((?:[^']|'')+)'|([^!'"]+))!(.+)$/.exec(text);
  if (!m) throw new Error(`"${address}" is not a sheet address like Actions!A1:T40`);
  const sheet = (m[1] ?? m[2]).replace(/''/g, "'");
  const { start, end } = parseRange(m[3]);
  return { sheet, top: Math.min(start.row, end.row), left: Math.min(start.col, end.col), bottom: Math.max(start.row, end.row), right: Math.max(start.col, end.col) };
}
