// A HyperFormula workbook laid out like the plan workbook: a Settings sheet whose cells carry the
// defined names, and a Cases sheet with one case per row (the model columns, then the formula).
import fc from "fast-check";
import { HyperFormula, RawCellContent } from "hyperformula";
import { isoToSerial, IsoDate } from "../../src/model/dates";
import { Column } from "../../src/model/plan";
import { a1Ref, FieldRef } from "../../src/status/formulaRefs";
import { NAMES, reportingQuarterEndFormula, reportingQuarterFormula } from "../../src/status/names";

export interface StatusSettings {
  reportingDate: IsoDate;
  greenWithin: number;
  amberWithin: number;
  slippageMonths: number;
}

const SETTING_ROWS: { name: string; cell: (s: StatusSettings) => RawCellContent }[] = [
  { name: NAMES.reportingDate, cell: (s) => isoToSerial(s.reportingDate) },
  { name: NAMES.reportingQuarter, cell: () => reportingQuarterFormula() },
  { name: NAMES.reportingQuarterEnd, cell: () => reportingQuarterEndFormula() },
  { name: NAMES.greenWithin, cell: (s) => s.greenWithin },
  { name: NAMES.amberWithin, cell: (s) => s.amberWithin },
  { name: NAMES.slippageMonths, cell: (s) => s.slippageMonths },
];

/** The Settings sheet as [defined name, cell content] pairs, in row order. */
export function settingCells(settings: StatusSettings): [string, RawCellContent][] {
  return SETTING_ROWS.map((s) => [s.name, s.cell(settings)]);
}

export class StatusSheet {
  readonly hf: HyperFormula;
  private readonly settingsId: number;
  private readonly casesId: number;

  constructor(private readonly columns: Column[]) {
    this.hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
    this.hf.addSheet("Settings");
    this.hf.addSheet("Cases");
    this.settingsId = this.hf.getSheetId("Settings")!;
    this.casesId = this.hf.getSheetId("Cases")!;
    SETTING_ROWS.forEach((s, i) => this.hf.addNamedExpression(s.name, `=Settings!$B$${i + 1}`));
  }

  /** The A1 face: field key -> this row's cell on the Cases sheet. */
  refFor(row: number): FieldRef {
    return a1Ref(this.columns, row);
  }

  /**
   * Writes the settings and one row per case (cells from `cellOf`, then `formula(ref)`), and returns
   * each row's formula result.
   */
  evaluate<T>(settings: StatusSettings, cases: T[], cellOf: (c: T, key: string) => RawCellContent, formula: (ref: FieldRef) => string): unknown[] {
    const settingRows = settingCells(settings);
    const rows = cases.map((c, i) => [...this.columns.map((col) => cellOf(c, col.key)), formula(this.refFor(i + 1))]);
    this.hf.batch(() => {
      this.hf.setSheetContent(this.settingsId, settingRows);
      this.hf.setSheetContent(this.casesId, rows);
    });
    const values = this.hf.getSheetValues(this.casesId);
    return cases.map((_, i) => values[i][this.columns.length]);
  }

  settingValue(name: string): unknown {
    const i = SETTING_ROWS.findIndex((s) => s.name === name);
    return this.hf.getCellValue({ sheet: this.settingsId, row: i, col: 1 });
  }

  destroy(): void {
    this.hf.destroy();
  }
}

/** Model value -> what a user would have in the cell: blank for null, "Yes"/"No" for flags, serials for dates. */
export function cellValue(value: unknown, kind: Column["meta"]["kind"]): RawCellContent {
  if (value === null || value === undefined) return null;
  if (kind === "date") return isoToSerial(value as string);
  if (kind === "flag") return value ? "Yes" : "No";
  return value as RawCellContent;
}

/**
 * Runs `numRuns` random batches; each batch must have no disagreements. Shrinking is off: a batch
 * is ~75 rows and the message already names the rows that differ.
 */
export function assertNoDisagreement<B>(batches: fc.Arbitrary<B>, disagreements: (batch: B) => unknown[], numRuns: number): number {
  let cases = 0;
  fc.assert(
    fc.property(batches, (batch) => {
      const found = disagreements(batch);
      cases += 1;
      if (found.length > 0) throw new Error(`${found.length} rows differ, e.g.\n${found.slice(0, 3).map((f) => JSON.stringify(f)).join("\n")}`);
    }),
    { numRuns, endOnFailure: true, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
  );
  return cases;
}
