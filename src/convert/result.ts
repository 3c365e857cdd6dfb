// What a conversion gives back: the structured rows, every cell it could not place, and findings.
import { Action, Located, Measure } from "../model/plan";
import { CellValue } from "../workbook/port";
import { ConversionProposal } from "./mapping";

export type FindingSeverity = "error" | "warning" | "info";

export interface ConversionFinding {
  severity: FindingSeverity;
  /** Stable code for the task pane and tests, e.g. "date-inferred". */
  code: string;
  sheet: string;
  /** Cell address, e.g. "E7" (or a range). */
  cell: string;
  message: string;
}

/** A source cell kept as it was, because it has no place in the structured plan. */
export interface UnmappedCell {
  sheet: string;
  address: string;
  sourceHeader: string;
  value: CellValue;
  /** As the user saw it (dates as dd/mm/yyyy). */
  text: string;
  reason: string;
}

/** Where a source cell went in the structured plan (the proof that nothing was lost). */
export interface MappedCell {
  sheet: string;
  address: string;
  /** "Actions" or "Measures" for values; "ConversionMap" for header cells. */
  table: string;
  /** The ID of the row it went into (null for header cells). */
  recordId: string | null;
  field: string;
}

/** One row of the ConversionMap table: which source column became which field. */
export interface ConversionMapRow {
  sheet: string;
  headerRow: number;
  sourceColumn: string;
  sourceHeader: string;
  field: string | null;
  confidence: number;
  reason: string;
}

export interface ConversionResult {
  actions: Located<Action>[];
  measures: Located<Measure>[];
  unmapped: UnmappedCell[];
  mapped: MappedCell[];
  findings: ConversionFinding[];
  /** The mapping used, as the proposal it ran on. */
  proposal: ConversionProposal;
  mapRows: ConversionMapRow[];
}
