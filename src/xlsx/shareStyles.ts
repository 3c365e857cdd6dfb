// ExcelJS gives every cell its own style object, and when it writes it renders each one to XML to find
// its style index (its WeakMap only spares a style object it has already seen). On a report of 100,000+
// cells that was most of the writing time. Cells whose styles are equal are given one shared object
// here, just before writing, so ExcelJS renders each distinct style once. The file written is the same.
import type ExcelJS from "exceljs";

type Style = Partial<ExcelJS.Style>;

/** Makes cells with equal styles share one style object. Call it last: a shared style must not be edited through one cell. */
export function shareStyles(wb: ExcelJS.Workbook): void {
  // A part (font, fill, ...) is often one object shared by a column's cells: its number is found once.
  const partNumbers = new WeakMap<object, number>();
  const numbersByText = new Map<string, number>();
  const partKey = (part: object | undefined): number => {
    if (part === undefined) return 0;
    let n = partNumbers.get(part);
    if (n === undefined) {
      const text = JSON.stringify(part);
      n = numbersByText.get(text);
      if (n === undefined) numbersByText.set(text, (n = numbersByText.size + 1));
      partNumbers.set(part, n);
    }
    return n;
  };
  const shared = new Map<string, Style>();
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const s = cell.style as Style | undefined;
        if (!s) return;
        const key = `${partKey(s.font)},${partKey(s.alignment)},${partKey(s.fill)},${partKey(s.border)},${partKey(s.protection)},${s.numFmt ?? ""}`;
        const first = shared.get(key);
        if (first === undefined) shared.set(key, s);
        else if (first !== s) cell.style = first;
      }),
    ),
  );
}
