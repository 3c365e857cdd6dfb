// A HyperFormula workbook laid out like the plan workbook: a Settings sheet whose cells carry the
// defined names, an Updates sheet standing in for the Updates table, and a Cases sheet with one case
// per row (the model columns, then any worked-out columns the formula reads, then the formula).
import fc from "fast-check";
import { HyperFormula, RawCellContent } from "hyperformula";
import { isoToSerial, IsoDate } from "../../src/model/dates";
import { Column, MEASURE_COLUMNS } from "../../src/model/plan";
import { comparedWithFormula, HistoryRef } from "../../src/status/direction.formula";
import { a1Ref, FieldRef } from "../../src/status/formulaRefs";
import { HistoryRow } from "../../src/status/history";
import { FIGURE_COLUMNS, FigureKey } from "../../src/status/measureFigures";
import { NAMES, reportingQuarterEndFormula, reportingQuarterFormula } from "../../src/status/names";
import { ytdActualFormula, ytdTargetFormula } from "../../src/status/rag.formula";

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

/** Rows the Updates sheet holds: enough for any batch. */
const HISTORY_ROWS = 1000;

/** The Updates sheet's columns as whole ranges, the A1 face of the Updates table's columns. */
export const HISTORY_REF: HistoryRef = {
  period: `Updates!$A$1:$A$${HISTORY_ROWS}`,
  itemId: `Updates!$B$1:$B$${HISTORY_ROWS}`,
  value: `Updates!$C$1:$C$${HISTORY_ROWS}`,
};

/** A worked-out column between the model's columns and the formula under test. */
interface DerivedColumn {
  column: Column;
  formula: (ref: FieldRef) => string;
}

const FIGURE_FORMULAS: Record<FigureKey, (ref: FieldRef) => string> = {
  ytdTarget: ytdTargetFormula,
  ytdActual: ytdActualFormula,
  comparedWith: (ref) => comparedWithFormula(ref, HISTORY_REF),
};

/** The Measures table's YTD target, YTD actual and Compared with columns, which RAG and direction read. */
export const MEASURE_FIGURES: DerivedColumn[] = FIGURE_COLUMNS.map((column) => ({ column, formula: FIGURE_FORMULAS[column.key as FigureKey] }));

/** A sheet laid out like the Measures table: the model's fields, then the worked-out figures. */
export function measureSheet(): StatusSheet {
  return new StatusSheet(MEASURE_COLUMNS, MEASURE_FIGURES);
}

export class StatusSheet {
  readonly hf: HyperFormula;
  private readonly settingsId: number;
  private readonly historyId: number;
  private readonly casesId: number;
  private readonly allColumns: Column[];

  constructor(
    private readonly columns: Column[],
    private readonly derived: DerivedColumn[] = [],
  ) {
    this.hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
    this.hf.addSheet("Settings");
    this.hf.addSheet("Updates");
    this.hf.addSheet("Cases");
    this.settingsId = this.hf.getSheetId("Settings")!;
    this.historyId = this.hf.getSheetId("Updates")!;
    this.casesId = this.hf.getSheetId("Cases")!;
    this.allColumns = [...columns, ...derived.map((d) => d.column)];
    SETTING_ROWS.forEach((s, i) => this.hf.addNamedExpression(s.name, `=Settings!$B$${i + 1}`));
  }

  /** The A1 face: field key -> this row's cell on the Cases sheet. */
  refFor(row: number): FieldRef {
    return a1Ref(this.allColumns, row);
  }

  /**
   * Writes the settings, the history and one row per case (cells from `cellOf`, the worked-out
   * columns, then `formula(ref)`), and returns each row's formula result.
   */
  evaluate<T>(settings: StatusSettings, cases: T[], cellOf: (c: T, key: string) => RawCellContent, formula: (ref: FieldRef) => string, history: readonly HistoryRow[] = []): unknown[] {
    if (history.length > HISTORY_ROWS) throw new Error(`the History sheet holds ${HISTORY_ROWS} rows, not ${history.length}`);
    const settingRows = settingCells(settings);
    const rows = cases.map((c, i) => {
      const ref = this.refFor(i + 1);
      return [...this.columns.map((col) => cellOf(c, col.key)), ...this.derived.map((d) => d.formula(ref)), formula(ref)];
    });
    this.hf.batch(() => {
      this.hf.setSheetContent(this.settingsId, settingRows);
      this.hf.setSheetContent(
        this.historyId,
        history.map((h) => [h.period, h.itemId, h.value]),
      );
      this.hf.setSheetContent(this.casesId, rows);
    });
    const values = this.hf.getSheetValues(this.casesId);
    return cases.map((_, i) => values[i][this.allColumns.length]);
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
      if (found.length > 0)
        throw new Error(
          `${found.length} rows differ, e.g.\n${found
            .slice(0, 3)
            .map((f) => JSON.stringify(f))
            .join("\n")}`,
        );
    }),
    { numRuns, endOnFailure: true, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
  );
  return cases;
}
