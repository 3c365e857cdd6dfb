// The Unmapped sheet of a converted plan: every source cell that has no place in the structured
// plan (table Unmapped), and the mapping the conversion used, one row per source column (table
// ConversionMap), so the output itself shows where each column went.
import { ColumnDesign, SheetDesign, WorkbookDesign } from "../workbook/port";
import { CONVERSION_MAP_HEADERS, UNMAPPED_HEADERS } from "./existingPlan";
import { ConversionResult } from "./result";
import { CONVERSION_MAP_TABLE, UNMAPPED_SHEET, UNMAPPED_TABLE } from "./structuredSheets";

const WIDTHS: Record<string, number> = { "Source sheet": 20, "Source cell": 10, "Source header": 24, Value: 48, Reason: 48, "Header row": 8, "Source column": 8, Field: 18, Confidence: 10 };

function columns(headers: readonly string[]): ColumnDesign[] {
  return headers.map((header) => ({ header, width: WIDTHS[header] ?? 14, locked: false, wrap: header === "Value" || header === "Reason" }));
}

/** The Unmapped sheet for a conversion result. */
function unmappedSheet(result: Pick<ConversionResult, "unmapped" | "mapRows">): SheetDesign {
  // A date or percentage is written as the user saw it ("31/03/2025"), not as a bare serial.
  const shown = (u: ConversionResult["unmapped"][number]) => (typeof u.value === "number" && u.text !== String(u.value) ? u.text : u.value);
  return {
    name: UNMAPPED_SHEET,
    visibility: "visible",
    cells: [],
    tables: [
      {
        name: UNMAPPED_TABLE,
        sheet: UNMAPPED_SHEET,
        topLeft: "A1",
        columns: columns(UNMAPPED_HEADERS),
        rows: result.unmapped.map((u) => [u.sheet, u.address, u.sourceHeader, shown(u), u.reason]),
        statusFormats: [],
      },
      {
        name: CONVERSION_MAP_TABLE,
        sheet: UNMAPPED_SHEET,
        topLeft: "H1",
        columns: columns(CONVERSION_MAP_HEADERS),
        rows: result.mapRows.map((m) => [m.sheet, m.headerRow, m.sourceColumn, m.sourceHeader, m.field ?? "", m.confidence, m.reason]),
        statusFormats: [],
      },
    ],
    columnWidths: { G: 3 },
    freezeRows: 1,
    protect: false,
  };
}

/** Adds (or replaces) the Unmapped sheet in a plan design. */
export function withUnmapped(design: WorkbookDesign, result: Pick<ConversionResult, "unmapped" | "mapRows">): WorkbookDesign {
  return { ...design, sheets: [...design.sheets.filter((s) => s.name !== UNMAPPED_SHEET), unmappedSheet(result)] };
}
