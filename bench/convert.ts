// Convert on a large loose plan: 2,000 action rows with merged titles, side notes and loose dates.
import { convertWorkbook } from "../src/convert/convert";
import { proposeMapping } from "../src/convert/mapping";
import { CellValue, WorkbookSnapshot } from "../src/workbook/port";
import { BenchRow, timeMs } from "./table";

const TIMESCALES = ["31 March 2025", "Q3 2024/25", "March 2025", "Ongoing", "31/12/2024", "Spring 2025", "2024/25"];

function largeLoosePlan(rows: number): WorkbookSnapshot {
  const values: CellValue[][] = [["Operational Service Plan 2024/25"], [], ["Ref", "Key action", "Outcome", "Lead officer", "Timescale", "Link to directorate plan", "RAG", "Progress", null, null]];
  for (let i = 0; i < rows; i++) {
    values.push([
      `OSP-${i + 1}`,
      `Deliver improvement ${i + 1} across the service`,
      "Residents see a better service",
      `Officer ${i % 17}`,
      TIMESCALES[i % TIMESCALES.length],
      `DSP-${i % 9}`,
      ["G", "A", "R"][i % 3],
      `Update ${i}`,
      null,
      i % 10 === 0 ? "check" : null,
    ]);
  }
  const width = 10;
  const padded = values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  return { sheets: [{ name: "Plan", visibility: "visible", origin: "A1", values: padded, numberFormats: padded.map((r) => r.map(() => "General")), merges: ["A1:H1"] }], tables: [], names: [] };
}

export async function bench(): Promise<BenchRow[]> {
  const snapshot = largeLoosePlan(2000);
  const propose = timeMs(() => void proposeMapping(snapshot), 3);
  const proposal = proposeMapping(snapshot);
  const convert = timeMs(() => void convertWorkbook(snapshot, proposal, { tier: "Operational", planYear: "2024/25" }), 3);
  return [
    { area: "convert", measure: "propose mapping, 2,000-row loose plan", value: propose, unit: "ms" },
    { area: "convert", measure: "convert, 2,000-row loose plan", value: convert, unit: "ms" },
  ];
}
