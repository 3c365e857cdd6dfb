// Converting again: once inside Excel (the loose sheets stay, the plan sheets sit beside them) and
// once from the written plan file (the plan sheets alone).
import { convertWorkbook, ConvertOptions } from "../../src/convert/convert";
import { proposeMapping } from "../../src/convert/mapping";
import { ConversionResult } from "../../src/convert/result";
import { withUnmapped } from "../../src/convert/unmappedDesign";
import { Framework, frameworkSchema } from "../../src/model/framework";
import { PlanDetails, planDetailsSchema } from "../../src/model/plan";
import { planDesign } from "../../src/workbook/design";
import { WorkbookSnapshot } from "../../src/workbook/port";
import { snapshotAfter } from "./conservation";

const FRAMEWORK: Framework = frameworkSchema.parse({ council: "Test Council", planYear: "2024/25", priorities: [{ id: "CP1", title: "Thriving places" }] });

const DETAILS: PlanDetails = planDetailsSchema.parse({
  formatVersion: 1,
  planId: "OSP-TEST",
  tier: "Operational",
  council: "Test Council",
  planYear: "2024/25",
});

export const OPTIONS: ConvertOptions = { tier: "Operational", framework: FRAMEWORK };

export function withPlan(snapshot: WorkbookSnapshot, result: ConversionResult): WorkbookSnapshot {
  const design = withUnmapped(planDesign({ details: DETAILS, framework: FRAMEWORK, actions: result.actions, measures: result.measures }), result);
  return snapshotAfter(snapshot, design);
}

export function convert(snapshot: WorkbookSnapshot): ConversionResult {
  return convertWorkbook(snapshot, proposeMapping(snapshot), OPTIONS);
}

/** The rows without where they came from (a second run reads them from the plan sheets). */
export function rowsOf(result: ConversionResult): unknown[] {
  return [...result.actions, ...result.measures].map(({ source: _source, ...row }) => row);
}

export function unmappedOf(result: ConversionResult): string[] {
  return result.unmapped.map((u) => `${u.sheet}!${u.address}\t${u.text}`).sort();
}
