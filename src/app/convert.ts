// Convert a loose plan workbook: propose how its columns map onto the plan format, take the user's
// corrections, and write the structured plan (plus the Unmapped sheet: nothing is lost).
import { fillFromRegister, type RegisterIndex } from "../model/measureRegister";
import { convertWorkbook } from "../convert/convert";
import { ConversionProposal, MappingFile, proposeMapping, TableProposal, withField, withKind } from "../convert/mapping";
import type { ConversionResult } from "../convert/result";
import { withUnmapped } from "../convert/unmappedDesign";
import { UnreadDate, unreadDates } from "../convert/unreadDates";
import type { TableKind } from "../convert/synonyms";
import type { Framework } from "../model/framework";
import { FORMAT_VERSION, PlanDetails, planDetailsSchema, Tier } from "../model/plan";
import { planDesign } from "../workbook/design";
import type { WorkbookDesign, WorkbookPort, WorkbookSnapshot } from "../workbook/port";
import { detectWorkbookKind, PlanRead, readPlan } from "../workbook/readPlan";
import { refuseReplacing } from "./create";

export interface Proposal {
  snapshot: WorkbookSnapshot;
  proposal: ConversionProposal;
  /** Date cells that do not read as dates, for the user to correct first. */
  unreadDates: UnreadDate[];
}

export function proposeConversion(snapshot: WorkbookSnapshot, framework: Framework, options: { map?: MappingFile; mapFile?: string } = {}): Proposal {
  const proposal = proposeMapping(snapshot, options);
  return { snapshot, proposal, unreadDates: unreadDates(snapshot, proposal.tables, framework.planYear) };
}

/** The user's correction of one proposed table: what it holds, and field choices by column index. */
export interface TableCorrection {
  key: string;
  target: TableKind | "unmapped";
  columns: { index: number; field: string | null }[];
}

export const tableKey = (t: TableProposal): string => `${t.sheet}!${t.range}`;

/** Applies corrections; a table marked "unmapped" is left out (its cells go to the Unmapped sheet). */
export function correctedProposal(proposal: ConversionProposal, corrections: readonly TableCorrection[]): ConversionProposal {
  const tables: TableProposal[] = [];
  for (const t of corrections) {
    const original = proposal.tables.find((p) => tableKey(p) === t.key);
    if (!original || t.target === "unmapped") continue;
    let table = withKind(original, t.target);
    for (const c of t.columns) {
      const letter = table.columns[c.index]?.sourceColumn;
      if (letter && table.columns[c.index].field !== c.field) table = withField(table, letter, c.field);
    }
    tables.push(table);
  }
  return { ...proposal, tables };
}

export interface ConvertRequest {
  tier: Tier;
  framework: Framework;
  /** The source workbook's name, used in findings and for the plan ID. */
  fileName: string;
  /** The measure register: measures with its IDs get its values where the loose plan left them blank. */
  register?: RegisterIndex;
}

export interface Converted {
  design: WorkbookDesign;
  result: ConversionResult;
  details: PlanDetails;
  /** Whether the plan ID was made up (the loose plan did not say it): the user should set it. */
  planIdGuessed: boolean;
  /** Register measures whose blank fields were filled in from the register. */
  filledFromRegister: { id: string; fields: string[] }[];
}

/** The structured plan a loose workbook converts to (written by the caller to the target workbook). */
export function convertPlan(snapshot: WorkbookSnapshot, proposal: ConversionProposal, request: ConvertRequest): Converted {
  const result = convertWorkbook(snapshot, proposal, { tier: request.tier, framework: request.framework, file: request.fileName, planYear: request.framework.planYear });
  const { details, kept, planIdGuessed } = detailsFor(snapshot, request);
  const filledFromRegister = request.register ? fillFromRegister(result.measures, request.register) : [];
  const design = withUnmapped(
    planDesign({
      details,
      framework: request.framework,
      actions: result.actions,
      measures: result.measures,
      updates: kept?.plan.updates ?? [],
      register: kept?.plan.register ?? [],
      registerMeasures: request.register?.register.measures,
    }),
    result,
  );
  return { design, result, details, planIdGuessed, filledFromRegister };
}

/** Plan details: those of a plan being re-converted, else from the file name and the framework. */
function detailsFor(snapshot: WorkbookSnapshot, request: ConvertRequest): { details: PlanDetails; kept: PlanRead | null; planIdGuessed: boolean } {
  if (detectWorkbookKind(snapshot).kind === "plan") {
    const read = readPlan(snapshot, request.fileName);
    return { details: { ...read.plan.details, tier: request.tier }, kept: read, planIdGuessed: false };
  }
  const stem = /\.xlsx$/i.test(request.fileName)
    ? request.fileName
        .replace(/\.xlsx$/i, "")
        .replace(/[^A-Za-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")
        .toUpperCase()
    : "";
  const details = planDetailsSchema.parse({ formatVersion: FORMAT_VERSION, planId: stem || "NEW-PLAN", tier: request.tier, council: request.framework.council, planYear: request.framework.planYear });
  return { details, kept: null, planIdGuessed: true };
}

/**
 * Converts and writes the plan into `target` (the same workbook in Excel, a new file on the command
 * line). Refused before anything is written when the plan's sheets would replace sheets holding data.
 */
export async function convertInto(target: WorkbookPort, snapshot: WorkbookSnapshot, proposal: ConversionProposal, request: ConvertRequest): Promise<Converted> {
  const converted = convertPlan(snapshot, proposal, request);
  await refuseReplacing(target, converted.design, request.fileName);
  await target.apply(converted.design);
  return converted;
}

export interface ConversionSummary {
  actions: number;
  measures: number;
  /** Cells kept on the Unmapped sheet, grouped by the column they came from. */
  unmapped: { sheet: string; header: string; cells: number }[];
  /** What the user should look at: the plan ID to set, and findings that are not for information only. */
  notes: string[];
}

export function conversionSummary(converted: Converted): ConversionSummary {
  const { result } = converted;
  const unmapped = new Map<string, { sheet: string; header: string; cells: number }>();
  for (const u of result.unmapped) {
    const key = `${u.sheet}|${u.sourceHeader}`;
    const entry = unmapped.get(key) ?? { sheet: u.sheet, header: u.sourceHeader || "(no header)", cells: 0 };
    entry.cells++;
    unmapped.set(key, entry);
  }
  return {
    actions: result.actions.length,
    measures: result.measures.length,
    unmapped: [...unmapped.values()],
    notes: [
      ...(converted.planIdGuessed ? [`Fill in the Plan ID (now ${converted.details.planId}), tier and owner on the Plan sheet (the loose plan did not say them).`] : []),
      ...result.findings.filter((f) => f.severity !== "info").map((f) => `${f.sheet}!${f.cell}: ${f.message}`),
    ],
  };
}
