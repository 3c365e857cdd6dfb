// The plan workbook of format v1, as a declarative design any adapter can apply: Plan details,
// Actions, Measures, Updates, Register, Settings (ReportingDate and the framework) and hidden Lists.
import { IsoDate, isoToSerial } from "../model/dates";
import { Framework } from "../model/framework";
import { parseFinancialYear, quarterEnd } from "../model/period";
import {
  Action, ACTION_COLUMNS, LISTS, Measure, MEASURE_COLUMNS, PLAN_DETAILS_FIELDS, PlanDetails,
  REGISTER_COLUMNS, RegisterEntry, Tier, Update, UPDATE_COLUMNS,
} from "../model/plan";
import { actionStatusFormula } from "../status/actionStatus.formula";
import { directionFormula } from "../status/direction.formula";
import { structuredRef, unlessRowBlank } from "../status/formulaRefs";
import { reportingQuarterEndFormula, reportingQuarterFormula } from "../status/names";
import { ragFormula } from "../status/rag.formula";
import { columnLetter } from "./addresses";
import { DATE_FORMAT, fieldColumn, rowsOf } from "./columnDesign";
import { PLAN_SHEET, SETTINGS_ROWS, SETTINGS_SHEET, SettingKey } from "./layout";
import { FORMAT_VERSION_NAME, listName, PARENT_LINKS_LIST, SHEETS, STATUS_COLUMNS, TABLES } from "./names";
import { CellDesign, CellValue, ColumnDesign, NameDesign, SheetDesign, StatusFormat, TableDesign, WorkbookDesign } from "./port";
import { ACTION_STATUS_COLOURS, DIRECTION_COLOURS, RAG_COLOURS, StatusColour } from "./statusPalette";

export interface PlanDesignInput {
  details: PlanDetails;
  framework: Framework;
  actions?: Action[];
  measures?: Measure[];
  updates?: Update[];
  register?: RegisterEntry[];
  /** Default: the end of the first quarter of the plan year. */
  reportingDate?: IsoDate;
}

const PRINT = { landscape: true, paper: "A4", fitToWidth: true, repeatRows: "1:1" } as const;

function statusFormats(column: string, colours: Record<string, StatusColour>): StatusFormat[] {
  return Object.entries(colours).map(([text, c]) => ({ column, text, fill: c.fill, font: c.font }));
}

function formulaColumn(header: string, width: number, formula: string): ColumnDesign {
  return { header, width, formula, locked: true, wrap: true };
}

/** Directorate plans link to Corporate Plan priorities; the others to their parent plan's actions. */
function actionColumns(tier: Tier): ColumnDesign[] {
  return ACTION_COLUMNS.map((c) => {
    const design = fieldColumn(c);
    if (c.key === "parentLink" && tier === "Directorate" && design.validation) {
      design.validation = { ...design.validation, prompt: "The Corporate Plan priority (or transformation programme) this action delivers, e.g. CP2." };
    }
    return design;
  });
}

function table(name: string, sheet: string, columns: ColumnDesign[], rows: CellValue[][], formats: StatusFormat[] = []): TableDesign {
  // Excel repairs (and renames) a table with two columns of one name, and every structured reference breaks.
  const seen = new Set<string>();
  for (const c of columns) {
    const key = c.header.toLowerCase();
    if (seen.has(key)) throw new Error(`table ${name} would have two columns headed "${c.header}": the model's field headers must be unique (see src/model/plan.ts)`);
    seen.add(key);
  }
  // An empty table still gets one blank row, so it exists in Excel and carries its formulas.
  const body = rows.length > 0 ? rows : [columns.map(() => null)];
  return { name, sheet, topLeft: "A1", columns, rows: body, statusFormats: formats };
}

function tableSheet(name: string, t: TableDesign, protect: boolean): SheetDesign {
  return { name, visibility: "visible", cells: [], tables: [t], columnWidths: {}, freezeRows: 1, protect, print: PRINT };
}

function planSheet(details: PlanDetails): SheetDesign {
  const { labelColumn: A, valueColumn: B, guidanceColumn: C, headerRow } = PLAN_SHEET;
  const cells: CellDesign[] = [
    { address: `${A}${headerRow}`, value: "Plan details", bold: true },
    { address: `${B}${headerRow}`, value: "", bold: true },
    { address: `${C}${headerRow}`, value: "What good looks like", bold: true },
  ];
  PLAN_DETAILS_FIELDS.forEach((f, i) => {
    const row = PLAN_SHEET.firstFieldRow + i;
    const value = details[f.key];
    const stamp = f.key === "formatVersion";
    cells.push({ address: `${A}${row}`, value: f.label, bold: true, wrap: true });
    cells.push({
      address: `${B}${row}`,
      value: value === "" ? null : value,
      // Text format keeps "2024/25" and IDs as typed; the stamp stays a number and is locked.
      numberFormat: stamp ? "0" : "@",
      wrap: true,
      locked: stamp,
      prompt: f.prompt || undefined,
      validation: f.key === "tier" ? { type: "list", source: `=${listName("Tiers")}`, prompt: f.prompt, error: "Choose Directorate, Operational or Team." } : undefined,
    });
    cells.push({ address: `${C}${row}`, value: f.prompt || null, wrap: true });
  });
  return { name: SHEETS.plan, visibility: "visible", cells, tables: [], columnWidths: { [A]: 24, [B]: 80, [C]: 50 }, freezeRows: 1, protect: true, print: PRINT };
}

function settingValue(key: SettingKey, framework: Framework, reportingDate: IsoDate): Pick<CellDesign, "value" | "formula" | "numberFormat" | "locked" | "validation"> {
  switch (key) {
    case "reportingDate":
      return {
        value: isoToSerial(reportingDate),
        numberFormat: DATE_FORMAT,
        locked: false,
        validation: { type: "date", prompt: "The date statuses are worked out at, dd/mm/yyyy: usually the last day of the quarter you are reporting.", promptTitle: "Reporting date", error: "Type a date as dd/mm/yyyy." },
      };
    case "reportingQuarter":
      return { formula: reportingQuarterFormula(), numberFormat: "0", locked: true };
    case "reportingQuarterEnd":
      return { formula: reportingQuarterEndFormula(), numberFormat: DATE_FORMAT, locked: true };
    case "greenWithin":
      return { value: framework.tolerances.greenWithin, locked: true };
    case "amberWithin":
      return { value: framework.tolerances.amberWithin, locked: true };
    case "slippageMonths":
      return { value: framework.slippageMonths, locked: true };
    case "council":
      return { value: framework.council, locked: true };
    case "planYear":
      return { value: framework.planYear, numberFormat: "@", locked: true };
    case "corporatePlan":
      return { value: framework.corporatePlan, locked: true };
  }
}

function settingsSheet(framework: Framework, reportingDate: IsoDate): SheetDesign {
  const cells: CellDesign[] = [
    { address: "A1", value: "Setting", bold: true },
    { address: "B1", value: "Value", bold: true },
    { address: "C1", value: "What it means", bold: true },
  ];
  SETTINGS_ROWS.forEach((s, i) => {
    const row = SETTINGS_SHEET.firstSettingRow + i;
    cells.push({ address: `A${row}`, value: s.label, bold: true });
    cells.push({ address: `B${row}`, ...settingValue(s.key, framework, reportingDate) });
    cells.push({ address: `C${row}`, value: s.guidance, wrap: true });
  });
  cells.push({ address: `A${SETTINGS_SHEET.prioritiesTitleRow}`, value: `${framework.corporatePlan}: priorities`, bold: true });
  const priorities: TableDesign = {
    name: TABLES.priorities,
    sheet: SHEETS.settings,
    topLeft: `A${SETTINGS_SHEET.prioritiesHeaderRow}`,
    columns: [
      { header: "ID", width: 22, locked: true },
      { header: "Priority", width: 16, locked: true, wrap: true },
      { header: "Description", width: 90, locked: true, wrap: true },
    ],
    rows: framework.priorities.map((p) => [p.id, p.title, p.description || null]),
    statusFormats: [],
  };
  return { name: SHEETS.settings, visibility: "visible", cells, tables: [priorities], columnWidths: { A: 22, B: 16, C: 90 }, freezeRows: 0, protect: true, print: { ...PRINT, repeatRows: undefined } };
}

function listsSheet(): { sheet: SheetDesign; names: NameDesign[] } {
  const cells: CellDesign[] = [];
  const names: NameDesign[] = [];
  const columnWidths: Record<string, number> = {};
  Object.entries(LISTS).forEach(([list, values], i) => {
    const letter = columnLetter(i + 1);
    columnWidths[letter] = 22;
    cells.push({ address: `${letter}1`, value: list, bold: true });
    values.forEach((v, j) => cells.push({ address: `${letter}${j + 2}`, value: v }));
    names.push({ name: listName(list as keyof typeof LISTS), ref: `=${SHEETS.lists}!$${letter}$2:$${letter}$${values.length + 1}` });
  });
  // The link dropdown lists the Register's IDs, growing with the table.
  names.push({ name: PARENT_LINKS_LIST, ref: `=${TABLES.register}[${REGISTER_COLUMNS[0].meta.header}]` });
  return { sheet: { name: SHEETS.lists, visibility: "hidden", cells, tables: [], columnWidths, freezeRows: 0, protect: true }, names };
}

/** The register a plan links to: the given parent-plan entries, then framework priorities and programmes not already there. */
export function planRegister(framework: Framework, register: RegisterEntry[] = []): RegisterEntry[] {
  const seen = new Set(register.map((r) => r.id));
  const corporate: RegisterEntry[] = [
    ...framework.priorities.map((p) => ({ id: p.id, title: p.title, tier: "Corporate", leadOfficer: "" })),
    ...framework.transformationProgrammes.map((p) => ({ id: p.id, title: p.title, tier: "Transformation", leadOfficer: "" })),
  ];
  return [...register, ...corporate.filter((c) => !seen.has(c.id))];
}

/** The reporting date a new plan starts with: the end of Q1 of its plan year. */
export function defaultReportingDate(planYear: string): IsoDate {
  return quarterEnd({ startYear: parseFinancialYear(planYear), quarter: 1 });
}

function settingName(key: SettingKey): NameDesign {
  const row = SETTINGS_SHEET.firstSettingRow + SETTINGS_ROWS.findIndex((s) => s.key === key);
  const name = SETTINGS_ROWS.find((s) => s.key === key)!.name!;
  return { name, ref: `=${SHEETS.settings}!$B$${row}` };
}

export function planDesign(input: PlanDesignInput): WorkbookDesign {
  const { details, framework } = input;
  const reportingDate = input.reportingDate ?? defaultReportingDate(details.planYear);

  const actionRef = structuredRef(TABLES.actions, ACTION_COLUMNS);
  const actions = table(
    TABLES.actions,
    SHEETS.actions,
    [...actionColumns(details.tier), formulaColumn(STATUS_COLUMNS.actionStatus, 16, unlessRowBlank(actionRef, actionStatusFormula(actionRef))), { header: STATUS_COLUMNS.smartCheck, width: 30, locked: true, wrap: true }],
    rowsOf(input.actions ?? [], ACTION_COLUMNS, 2),
    statusFormats(STATUS_COLUMNS.actionStatus, ACTION_STATUS_COLOURS),
  );

  const measureRef = structuredRef(TABLES.measures, MEASURE_COLUMNS);
  const measures = table(
    TABLES.measures,
    SHEETS.measures,
    [...MEASURE_COLUMNS.map(fieldColumn), formulaColumn(STATUS_COLUMNS.rag, 10, unlessRowBlank(measureRef, ragFormula(measureRef))), formulaColumn(STATUS_COLUMNS.direction, 12, unlessRowBlank(measureRef, directionFormula(measureRef)))],
    rowsOf(input.measures ?? [], MEASURE_COLUMNS, 2),
    [...statusFormats(STATUS_COLUMNS.rag, RAG_COLOURS), ...statusFormats(STATUS_COLUMNS.direction, DIRECTION_COLOURS)],
  );

  const updates = table(TABLES.updates, SHEETS.updates, UPDATE_COLUMNS.map(fieldColumn), rowsOf(input.updates ?? [], UPDATE_COLUMNS, 0));
  const register = table(TABLES.register, SHEETS.register, REGISTER_COLUMNS.map(fieldColumn), rowsOf(planRegister(framework, input.register), REGISTER_COLUMNS, 0));
  const lists = listsSheet();

  const settingNames = (["reportingDate", "reportingQuarter", "reportingQuarterEnd", "greenWithin", "amberWithin", "slippageMonths"] as const).map(settingName);
  return {
    sheets: [
      planSheet(details),
      tableSheet(SHEETS.actions, actions, true),
      tableSheet(SHEETS.measures, measures, true),
      // No formulas on these two: left unprotected so their tables grow as people type.
      tableSheet(SHEETS.updates, updates, false),
      tableSheet(SHEETS.register, register, false),
      settingsSheet(framework, reportingDate),
      lists.sheet,
    ],
    names: [
      ...settingNames,
      { name: FORMAT_VERSION_NAME, ref: `=${SHEETS.plan}!$${PLAN_SHEET.valueColumn}$${PLAN_SHEET.firstFieldRow + PLAN_DETAILS_FIELDS.findIndex((f) => f.key === "formatVersion")}` },
      ...lists.names,
    ],
  };
}
