// The plan workbook of format v1, as a declarative design any adapter can apply: Plan details,
// Actions, Measures, Updates, Register, Settings (ReportingDate and the framework) and hidden Lists.
import { IsoDate, isoToSerial } from "../model/dates";
import { Framework } from "../model/framework";
import { parseFinancialYear, quarterEnd } from "../model/period";
import { Action, ACTION_COLUMNS, LISTS, Measure, MEASURE_COLUMNS, PLAN_DETAILS_FIELDS, PlanDetails, REGISTER_COLUMNS, RegisterEntry, Tier, Update, UPDATE_COLUMNS } from "../model/plan";
import { actionStatusFormula } from "../status/actionStatus.formula";
import { comparedWithFormula, directionFormula, HistoryRef } from "../status/direction.formula";
import { escapeColumnHeader, FieldRef, structuredRef, unlessRowBlank } from "../status/formulaRefs";
import { FIGURE_COLUMNS, FigureKey } from "../status/measureFigures";
import { VS_TARGET_COLUMNS, VS_TARGET_QUARTERS, vsTargetFormula, vsTargetHeader } from "../status/againstTarget.formula";
import { reportingQuarterEndFormula, reportingQuarterFormula } from "../status/names";
import { ragFormula, ytdActualFormula, ytdTargetFormula } from "../status/rag.formula";
import { agreedChangesSheet, PLAN_SIGN_OFF_LABELS } from "../cycle/sheet";
import { columnLetter } from "./a1";
import { DATE_FORMAT, fieldColumn, rowsOf } from "./columnDesign";
import { PLAN_SHEET, planFieldRow, SETTINGS_ROWS, SETTINGS_SHEET, SettingKey, SIGN_OFF_ROWS } from "./layout";
import { FORMAT_VERSION_NAME, listName, PARENT_LINKS_LIST, SHEETS, STATUS_COLUMNS, TABLES } from "./names";
import { CellDesign, CellValue, ColumnDesign, NameDesign, PrintDesign, SheetDesign, StatusFormat, TableDesign, WorkbookDesign } from "./port";
import { ACTION_STATUS_COLOURS, DIRECTION_COLOURS, RAG_COLOURS, StatusColour } from "./statusPalette";
import { FitCell, PRINT_SCALE, rowHeightFor, shownText, widthForWords } from "./textFit";

export interface PlanDesignInput {
  details: PlanDetails;
  framework: Framework;
  actions?: Action[];
  measures?: Measure[];
  updates?: Update[];
  register?: RegisterEntry[];
  /** Default: the end of the first quarter of the plan year. */
  reportingDate?: IsoDate;
  /** The SMART check column's text, one per action (from the last check); default blank. */
  smartCheck?: string[];
  /** The BI team's measure register: its IDs are offered in the Measure ID column's dropdown (local IDs still allowed). */
  registerMeasures?: readonly { id: string; name: string }[];
}

/** The defined name of the register's measure IDs (a column of the hidden Lists sheet). */
export const REGISTER_MEASURES_LIST = "RegisterMeasuresList";

/**
 * Wide tables print at a fixed 80% (10 pt text prints at 8 pt), page after page across, each page
 * repeating the header row and the ID and name columns, so every page reads on its own. Fitting 20+
 * columns to one page width printed them at 3 pt.
 */
function tablePrint(title: string): PrintDesign {
  return { landscape: true, paper: "A4", fitToWidth: false, scale: PRINT_SCALE, repeatRows: "1:1", repeatColumns: "A:B", title };
}
/**
 * A plan with actions but no measures (or the other way round) leaves the empty table out of the print,
 * not pages of headers. A plan with neither is a form to fill in by hand, and Excel keeps a print area
 * as written, so both tables print as usual there (rows typed later would not print otherwise).
 */
function tablePrintUnlessEmpty(title: string, rows: readonly unknown[] | undefined, otherRows: readonly unknown[] | undefined): PrintDesign {
  return !rows?.length && otherRows?.length ? noPrint(title) : tablePrint(title);
}
/** Sheets people work in but do not circulate (Updates, Register, Settings): left out of the print. */
function noPrint(title: string): PrintDesign {
  return { landscape: true, paper: "A4", fitToWidth: false, scale: PRINT_SCALE, repeatRows: "1:1", area: null, title };
}

/** "Sefton Council: Directorate plan DSP-ASC-2024, 2024/25": the top of every printed page. */
function planTitle(details: PlanDetails): string {
  const unit = details.team || details.service || details.directorate;
  return [details.council, `${details.tier} plan ${details.planId}`.trim(), unit, details.planYear].filter((p) => p && p.trim() !== "").join(" · ");
}

/** Row heights that show every wrapped cell of the given rows in full (only rows taller than one line). */
function heights(rows: Map<number, FitCell[]>): Record<number, number> {
  const out: Record<number, number> = {};
  for (const [row, cells] of rows) {
    const h = rowHeightFor(cells);
    if (h > 15) out[row] = h;
  }
  return out;
}

function tableRowHeights(t: TableDesign): Record<number, number> {
  const top = Number(/\d+$/.exec(t.topLeft)![0]);
  const rows = new Map<number, FitCell[]>();
  rows.set(
    top,
    t.columns.map((c) => ({ text: c.header, width: c.width, wrap: true, bold: true })),
  );
  t.rows.forEach((r, i) =>
    rows.set(
      top + 1 + i,
      r.map((v, j) => ({ text: shownText(v), width: t.columns[j].width, wrap: t.columns[j].wrap ?? false })),
    ),
  );
  return heights(rows);
}

function statusFormats(column: string, colours: Record<string, StatusColour>): StatusFormat[] {
  return Object.entries(colours).map(([text, c]) => ({ column, text, fill: c.fill, font: c.font }));
}

/** Status columns wide enough for their longest word in bold on one line: their rows are sized before Excel works them out. */
const STATUS_WIDTHS = { actionStatus: 33, rag: 11, direction: 13 } as const;

function formulaColumn(header: string, width: number, formula: string): ColumnDesign {
  // Never narrower than the bold header's longest word: a header must not break mid-word on paper.
  return { header, width: Math.max(width, widthForWords(header, true)), formula, locked: true, wrap: true };
}

/** The Updates table's period, ID and figure columns: where a cumulative measure finds last year's same quarter. */
const UPDATES_HISTORY: HistoryRef = {
  period: `${TABLES.updates}[${escapeColumnHeader(UPDATE_COLUMNS.find((c) => c.key === "period")!.meta.header)}]`,
  itemId: `${TABLES.updates}[${escapeColumnHeader(UPDATE_COLUMNS.find((c) => c.key === "itemId")!.meta.header)}]`,
  value: `${TABLES.updates}[${escapeColumnHeader(UPDATE_COLUMNS.find((c) => c.key === "value")!.meta.header)}]`,
};

/** The Measures column holding each measure's sparkline (files; office.js cannot draw one). */
export const TREND_COLUMN = "Trend";
/** The Measures column holding each measure's against-target sparkline (over its "Q1 vs target".."Q4 vs target" cells). */
export const AGAINST_TARGET_COLUMN = "Against target";

function headerOf(key: string): string {
  return MEASURE_COLUMNS.find((c) => c.key === key)!.meta.header;
}

/** YTD target, YTD actual and Compared with: worked out, locked, shown as figures. */
function figureColumns(ref: FieldRef): ColumnDesign[] {
  const formulas: Record<FigureKey, string> = {
    ytdTarget: ytdTargetFormula(ref),
    ytdActual: ytdActualFormula(ref),
    comparedWith: comparedWithFormula(ref, UPDATES_HISTORY),
  };
  return FIGURE_COLUMNS.map((c) => ({ header: c.meta.header, width: c.meta.width, formula: unlessRowBlank(ref, formulas[c.key as FigureKey]), locked: true, wrap: false }));
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

/**
 * With a measure register, the Measure ID column offers its IDs from a list; the alert is a warning, so
 * a local measure's own ID is still kept (Yes) while a mistyped register ID gets a second look.
 */
function measureColumns(registerMeasures: readonly { id: string; name: string }[]): ColumnDesign[] {
  return MEASURE_COLUMNS.map((c) => {
    const design = fieldColumn(c);
    if (c.key !== "id" || registerMeasures.length === 0) return design;
    return {
      ...design,
      prompt: undefined,
      validation: {
        type: "list",
        source: `=${REGISTER_MEASURES_LIST}`,
        promptTitle: c.meta.header,
        prompt: "Choose a measure from the measure register, or type your own ID for a local measure.",
        error: "This ID is not in the measure register. Keep it as a local measure?",
        errorStyle: "warning",
      },
    };
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
  // Every column at least as wide as its bold header's longest word: headers wrap between words on paper.
  const fitted = columns.map((c) => ({ ...c, width: Math.max(c.width, widthForWords(c.header, true)) }));
  return { name, sheet, topLeft: "A1", columns: fitted, rows: body, statusFormats: formats };
}

function tableSheet(name: string, t: TableDesign, protect: boolean, print: PrintDesign): SheetDesign {
  return { name, visibility: "visible", cells: [], tables: [t], columnWidths: {}, freezeRows: 1, protect, print, rowHeights: tableRowHeights(t) };
}

/** The plan's title, worked out from its details so it stays right when they are edited. */
function titleFormula(): string {
  const at = (key: Parameters<typeof planFieldRow>[0]) => `${PLAN_SHEET.valueColumn}${planFieldRow(key)}`;
  const [council, tier, id, year, team, service, directorate] = [at("council"), at("tier"), at("planId"), at("planYear"), at("team"), at("service"), at("directorate")];
  const unit = `IF(${team}<>"",${team},IF(${service}<>"",${service},${directorate}))`;
  return `=IF(${council}="","",${council}&": ")&${tier}&" plan "&${id}&IF(${unit}="","",", "&${unit})&IF(${year}="",""," "&${year})`;
}

const PLAN_WIDTHS = { label: 24, value: 80, guidance: 90 } as const;

function planSheet(details: PlanDetails, title: string): SheetDesign {
  const { labelColumn: A, valueColumn: B, guidanceColumn: C, headerRow } = PLAN_SHEET;
  // Row 1 is the printed title; B1 stays empty so the title runs on across it.
  const cells: CellDesign[] = [
    { address: `${A}${headerRow}`, formula: titleFormula(), bold: true, fontSize: 14, locked: true },
    { address: `${C}${headerRow}`, value: "What good looks like", bold: true },
  ];
  const fit = new Map<number, FitCell[]>();
  const fitRow = (r: number, label: string, value: string, guidance: string) =>
    fit.set(r, [
      { text: label, width: PLAN_WIDTHS.label, wrap: true, bold: true },
      { text: value, width: PLAN_WIDTHS.value, wrap: true },
      { text: guidance, width: PLAN_WIDTHS.guidance, wrap: true },
    ]);
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
    fitRow(row, f.label, String(value ?? ""), f.prompt);
  });
  const signOff = [
    { r: SIGN_OFF_ROWS.signedOffBy, label: PLAN_SIGN_OFF_LABELS.by, prompt: "Name and role of who approved this plan.", date: false },
    { r: SIGN_OFF_ROWS.signedOffOn, label: PLAN_SIGN_OFF_LABELS.on, prompt: "The date the plan was approved, dd/mm/yyyy.", date: true },
  ];
  for (const s of signOff) {
    cells.push({ address: `${A}${s.r}`, value: s.label, bold: true });
    cells.push({
      address: `${B}${s.r}`,
      value: null,
      locked: false,
      numberFormat: s.date ? DATE_FORMAT : "@",
      validation: s.date ? { type: "date", prompt: s.prompt, error: "Type a date as dd/mm/yyyy." } : undefined,
      prompt: s.date ? undefined : s.prompt,
    });
    cells.push({ address: `${C}${s.r}`, value: s.prompt, wrap: true });
    fitRow(s.r, s.label, "", s.prompt);
  }
  const rowHeights = heights(fit);
  rowHeights[headerRow] = 30; // the 14 pt title, with room below it
  const formatRow = planFieldRow("formatVersion");
  return {
    name: SHEETS.plan,
    visibility: "visible",
    cells,
    tables: [],
    columnWidths: { [A]: PLAN_WIDTHS.label, [B]: PLAN_WIDTHS.value, [C]: PLAN_WIDTHS.guidance },
    freezeRows: 1,
    protect: true,
    // A document: title, details, narrative and sign-off, portrait; the guidance column stays on screen only.
    print: { landscape: false, paper: "A4", fitToWidth: true, area: `${A}${headerRow}:${B}${SIGN_OFF_ROWS.signedOffOn}`, title },
    rowHeights,
    // The format stamp is for the add-in, not for people: kept, but out of sight and out of print.
    hiddenRows: [formatRow],
  };
}

function settingValue(key: SettingKey, framework: Framework, reportingDate: IsoDate): Pick<CellDesign, "value" | "formula" | "numberFormat" | "locked" | "validation"> {
  switch (key) {
    case "reportingDate":
      return {
        value: isoToSerial(reportingDate),
        numberFormat: DATE_FORMAT,
        locked: false,
        validation: {
          type: "date",
          prompt: "The date statuses are worked out at, dd/mm/yyyy: usually the last day of the quarter you are reporting.",
          promptTitle: "Reporting date",
          error: "Type a date as dd/mm/yyyy.",
        },
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
  const fit = new Map<number, FitCell[]>();
  SETTINGS_ROWS.forEach((s, i) => fit.set(SETTINGS_SHEET.firstSettingRow + i, [{ text: s.guidance, width: 90, wrap: true }]));
  framework.priorities.forEach((p, i) =>
    fit.set(SETTINGS_SHEET.prioritiesHeaderRow + 1 + i, [
      { text: p.title, width: 16, wrap: true },
      { text: p.description ?? "", width: 90, wrap: true },
    ]),
  );
  return {
    name: SHEETS.settings,
    visibility: "visible",
    cells,
    tables: [priorities],
    columnWidths: { A: 22, B: 16, C: 90 },
    freezeRows: 0,
    protect: true,
    print: { ...noPrint(framework.council), repeatRows: undefined },
    rowHeights: heights(fit),
  };
}

function listsSheet(registerMeasures: readonly { id: string; name: string }[]): { sheet: SheetDesign; names: NameDesign[] } {
  const cells: CellDesign[] = [];
  const names: NameDesign[] = [];
  const columnWidths: Record<string, number> = {};
  const column = (i: number, header: string, values: readonly string[], name?: string) => {
    const letter = columnLetter(i + 1);
    columnWidths[letter] = 22;
    cells.push({ address: `${letter}1`, value: header, bold: true });
    values.forEach((v, j) => cells.push({ address: `${letter}${j + 2}`, value: v }));
    if (name) names.push({ name, ref: `=${SHEETS.lists}!$${letter}$2:$${letter}$${values.length + 1}` });
  };
  const lists = Object.entries(LISTS);
  lists.forEach(([list, values], i) => column(i, list, values, listName(list as keyof typeof LISTS)));
  // The register's measures, IDs (the dropdown) and names beside them (what each ID is).
  if (registerMeasures.length > 0) {
    column(
      lists.length,
      "RegisterMeasures",
      registerMeasures.map((m) => m.id),
      REGISTER_MEASURES_LIST,
    );
    column(
      lists.length + 1,
      "RegisterMeasureNames",
      registerMeasures.map((m) => m.name),
    );
  }
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
  const title = planTitle(details);
  const actionRows = rowsOf(input.actions ?? [], ACTION_COLUMNS, 2);
  if (input.smartCheck) {
    if (input.smartCheck.length !== actionRows.length) throw new Error(`SMART check: ${input.smartCheck.length} summaries for ${actionRows.length} actions`);
    actionRows.forEach((r, i) => (r[r.length - 1] = input.smartCheck![i] || null));
  }

  const actionRef = structuredRef(TABLES.actions, ACTION_COLUMNS);
  const actions = table(
    TABLES.actions,
    SHEETS.actions,
    [
      ...actionColumns(details.tier),
      formulaColumn(STATUS_COLUMNS.actionStatus, STATUS_WIDTHS.actionStatus, unlessRowBlank(actionRef, actionStatusFormula(actionRef))),
      { header: STATUS_COLUMNS.smartCheck, width: 30, locked: true, wrap: true },
    ],
    actionRows,
    statusFormats(STATUS_COLUMNS.actionStatus, ACTION_STATUS_COLOURS),
  );

  // RAG and direction read the worked-out figure columns after them (src/status/measureFigures.ts).
  const measureRef = structuredRef(TABLES.measures, [...MEASURE_COLUMNS, ...FIGURE_COLUMNS, ...VS_TARGET_COLUMNS]);
  const measures = table(
    TABLES.measures,
    SHEETS.measures,
    [
      ...measureColumns(input.registerMeasures ?? []),
      formulaColumn(STATUS_COLUMNS.rag, STATUS_WIDTHS.rag, unlessRowBlank(measureRef, ragFormula(measureRef))),
      formulaColumn(STATUS_COLUMNS.direction, STATUS_WIDTHS.direction, unlessRowBlank(measureRef, directionFormula(measureRef))),
      ...figureColumns(measureRef),
      { header: TREND_COLUMN, width: 18, locked: true, wrap: false },
      ...VS_TARGET_COLUMNS.map((c, i) => ({
        header: c.meta.header,
        width: c.meta.width,
        formula: unlessRowBlank(measureRef, vsTargetFormula(measureRef, VS_TARGET_QUARTERS[i])),
        locked: true,
        wrap: false,
      })),
      { header: AGAINST_TARGET_COLUMN, width: 18, locked: true, wrap: false },
    ],
    rowsOf(input.measures ?? [], MEASURE_COLUMNS, 4 + FIGURE_COLUMNS.length + VS_TARGET_COLUMNS.length),
    [...statusFormats(STATUS_COLUMNS.rag, RAG_COLOURS), ...statusFormats(STATUS_COLUMNS.direction, DIRECTION_COLOURS)],
  );
  // A column sparkline of the four quarters' actuals in every row, the latest quarter picked out:
  // drawn by Excel and LibreOffice, no add-in needed (LibreOffice 7.4 prints a line sparkline's points only).
  // And how far each quarter was better or worse than its target: the axis is the target, misses in red below it.
  measures.sparklines = [
    { column: TREND_COLUMN, first: headerOf("q1Actual"), last: headerOf("q4Actual"), kind: "column" },
    { column: AGAINST_TARGET_COLUMN, first: vsTargetHeader(1), last: vsTargetHeader(4), kind: "against" },
  ];

  const updates = table(TABLES.updates, SHEETS.updates, UPDATE_COLUMNS.map(fieldColumn), rowsOf(input.updates ?? [], UPDATE_COLUMNS, 0));
  const register = table(TABLES.register, SHEETS.register, REGISTER_COLUMNS.map(fieldColumn), rowsOf(planRegister(framework, input.register), REGISTER_COLUMNS, 0));
  const lists = listsSheet(input.registerMeasures ?? []);

  const settingNames = (["reportingDate", "reportingQuarter", "reportingQuarterEnd", "greenWithin", "amberWithin", "slippageMonths"] as const).map(settingName);
  return {
    sheets: [
      planSheet(details, title),
      tableSheet(SHEETS.actions, actions, true, tablePrintUnlessEmpty(title, input.actions, input.measures)),
      tableSheet(SHEETS.measures, measures, true, tablePrintUnlessEmpty(title, input.measures, input.actions)),
      // No formulas on these two: left unprotected so their tables grow as people type.
      tableSheet(SHEETS.updates, updates, false, noPrint(title)),
      tableSheet(SHEETS.register, register, false, noPrint(title)),
      // Format v2: agreed changes to signed-off values (src/cycle); the Sign-off sheet comes at sign-off.
      agreedChangesSheet(title),
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
