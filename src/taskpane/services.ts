// All the pane's glue, in one place: each function reads or writes the workbook through the one
// WorkbookPort and hands the domain core's answers to the views as plain data (paneModel.ts).
// Views never touch Excel.run; ExcelJS (reading files, writing the return) loads only when used.
import exampleFramework from "../../examples/sefton-framework.json";
import { isoToSerial, formatUkDate } from "../model/dates";
import { Framework, parseFramework } from "../model/framework";
import { parseFinancialYear, parsePeriod, Period, periodLabel, periodOfDate, quarterEnd, Quarter } from "../model/period";
import { ACTION_COLUMNS, TIERS, cellOf, MEASURE_COLUMNS, Plan, planDetailsSchema, FORMAT_VERSION } from "../model/plan";
import { parseLooseDate } from "../convert/dates";
import { SheetGrid } from "../convert/grid";
import { ConversionProposal as DomainProposal, proposeMapping, TableProposal, withField, withKind } from "../convert/mapping";
import { columnNumber } from "../convert/address";
import { convertWorkbook } from "../convert/convert";
import { withUnmapped } from "../convert/unmappedDesign";
import { buildReturn } from "../qsr/buildReturn";
import { describeMissing, missingExceptionInfo } from "../qsr/exceptions";
import type { CollectInput } from "../qsr/collect";
import { returnJson } from "../qsr/files/returnJson";
import type { ParsedReturn } from "../qsr/parseReturn";
import { actionStatuses, measureStatuses, ReturnSettings } from "../qsr/rowStatuses";
import { checkPlan } from "../rules/engine";
import { EXPECTED_PARENT_TIERS, buildParentIndex, findParent, linkedIds, ParentEntry, idKey } from "../rules/goldenThread/parentIndex";
import { smartSummary } from "../rules/smartSummary";
import { ACTION_STATUSES } from "../status/actionStatus";
import { DIRECTIONS } from "../status/direction";
import { NAMES } from "../status/names";
import { RAGS } from "../status/rag";
import { planDesign } from "../workbook/design";
import { registerFromParent, registerRows } from "../workbook/register";
import { STATUS_COLUMNS, TABLES } from "../workbook/names";
import type { WorkbookPort, WorkbookSnapshot } from "../workbook/port";
import { detectWorkbookKind, PlanReadError, readPlan } from "../workbook/readPlan";
import type {
  CheckResult, CollectedReturns, ConversionProposal, ConversionResult, Counts, ExportedFile, FindingView, FrameworkSummary,
  GoldenThreadMap, NewPlanRequest, PaneServices, Progress, ProposedTable, QsrGap, StatusCounts, ThreadNode, ThreadTier, WorkbookSummary,
} from "./paneModel";

/** Where an imported framework is kept between sessions (localStorage in the pane). */
export interface FrameworkStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface ServiceOptions {
  /** Names the open workbook in error messages. */
  workbookName?: string;
  store?: FrameworkStore | null;
  /** Today, for the return's "prepared on" (tests fix it). */
  today?: () => Date;
}

const FRAMEWORK_KEY = "goldenThread.framework";
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface LoadedPlan {
  plan: Plan;
  settings: ReturnSettings;
}

export function createPaneServices(port: WorkbookPort, options: ServiceOptions = {}): PaneServices {
  const workbookName = options.workbookName ?? "this workbook";
  const store = options.store === undefined ? defaultStore() : options.store;
  const today = options.today ?? (() => new Date());
  let parentPlan: Plan | undefined;
  /** The proposal as the convert core made it, kept so the user's corrections apply to it. */
  let lastProposal: { snapshot: WorkbookSnapshot; proposal: DomainProposal } | null = null;

  function framework(): { framework: Framework; source: string } {
    const saved = store?.getItem(FRAMEWORK_KEY);
    if (saved) {
      try {
        const { text, source } = JSON.parse(saved) as { text: string; source: string };
        return { framework: parseFramework(text, source), source };
      } catch {
        // A damaged saved copy falls back to the example rather than locking the pane.
      }
    }
    return { framework: parseFramework(JSON.stringify(exampleFramework), "sefton-framework.json"), source: "the example Sefton framework shipped with Golden Thread" };
  }

  async function loadPlan(): Promise<LoadedPlan & { snapshot: WorkbookSnapshot }> {
    const snapshot = await port.read();
    const kind = detectWorkbookKind(snapshot);
    if (kind.kind !== "plan") {
      throw new Error(kind.kind === "empty" ? `${workbookName} is empty: create a plan first.` : `${workbookName} is not a structured plan yet: convert it first.`);
    }
    // Rows with errors are still read (with blanks); the checks and Home name those cells.
    const read = readPlan(snapshot, workbookName);
    return { snapshot, plan: read.plan, settings: read.settings };
  }

  function currentPeriod(loaded: LoadedPlan): Period {
    if (loaded.settings.reportingDate) return periodOfDate(loaded.settings.reportingDate);
    return { startYear: parseFinancialYear(loaded.plan.details.planYear), quarter: 1 };
  }

  const services: PaneServices = {
    addRows: (table, count) => addRows(port, table, count),
    async detect(): Promise<WorkbookSummary> {
      const snapshot = await port.read();
      const kind = detectWorkbookKind(snapshot);
      if (kind.kind !== "plan") return { kind: kind.kind, problems: [] };
      const read = readPlan(snapshot, workbookName);
      const details = read.plan?.details;
      const reportingDate = read.settings.reportingDate;
      return {
        kind: "plan",
        tier: kind.tier ?? details?.tier,
        formatVersion: kind.formatVersion ?? details?.formatVersion,
        planId: details?.planId,
        planYear: details?.planYear,
        reportingPeriod: reportingDate ? periodLabel(periodOfDate(reportingDate)) : undefined,
        problems: read.errors.map(errorText),
      };
    },

    async createPlan(request: NewPlanRequest): Promise<void> {
      const snapshot = await port.read();
      const kind = detectWorkbookKind(snapshot);
      if (kind.kind === "plan") throw new Error(`${workbookName} already holds a plan: create the new plan in a new, empty workbook.`);
      const fw = framework().framework;
      const parsed = planDetailsSchema.safeParse({
        formatVersion: FORMAT_VERSION,
        planId: request.planId,
        tier: request.tier,
        council: fw.council,
        directorate: request.directorate,
        service: request.service,
        team: request.team,
        planYear: request.planYear,
        owner: request.owner,
      });
      if (!parsed.success) throw new Error(`The plan details are not complete: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      await port.apply(planDesign({ details: parsed.data, framework: fw }));
    },

    async proposeConversion(): Promise<ConversionProposal> {
      const snapshot = await port.read();
      const proposal = proposeMapping(snapshot);
      lastProposal = { snapshot, proposal };
      const fw = framework().framework;
      return {
        tier: "Operational",
        tables: proposal.tables.map(tableView),
        fields: {
          actions: ACTION_COLUMNS.map((c) => ({ key: c.key, header: c.meta.header })),
          measures: MEASURE_COLUMNS.map((c) => ({ key: c.key, header: c.meta.header })),
        },
        unparsedDates: unreadDates(snapshot, proposal.tables, fw.planYear),
      };
    },

    async convert(view: ConversionProposal, onProgress?: Progress): Promise<ConversionResult> {
      if (!lastProposal) throw new Error("Read the workbook first: there is no proposed mapping to convert with.");
      const { snapshot, proposal } = lastProposal;
      const total = view.tables.length + 2;
      onProgress?.(0, total, "Applying your corrections");
      const tables: TableProposal[] = [];
      for (const t of view.tables) {
        const original = proposal.tables.find((p) => tableKey(p) === t.key);
        if (!original || t.target === "unmapped") continue; // its cells stay in Unmapped
        let table = withKind(original, t.target);
        for (const c of t.columns) {
          const letter = table.columns[c.index]?.sourceColumn;
          if (letter && table.columns[c.index].field !== c.field) table = withField(table, letter, c.field);
        }
        tables.push(table);
      }
      onProgress?.(1, total, "Converting rows");
      const fw = framework().framework;
      const tier = TIERS.find((t) => t === view.tier);
      if (!tier) throw new Error(`"${view.tier}" is not a plan tier: choose Directorate, Operational or Team.`);
      const result = convertWorkbook(snapshot, { ...proposal, tables }, { tier, framework: fw, file: workbookName, planYear: fw.planYear });
      onProgress?.(total - 1, total, "Writing the plan sheets");
      // The loose plan does not say its ID or tier reliably; the Plan sheet asks for them after.
      const details = planDetailsSchema.parse({ formatVersion: FORMAT_VERSION, planId: "NEW-PLAN", tier, council: fw.council, planYear: fw.planYear });
      await port.apply(withUnmapped(planDesign({ details, framework: fw, actions: result.actions, measures: result.measures }), result));
      onProgress?.(total, total, "Done");
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
          "Fill in the Plan ID, tier and owner on the Plan sheet (the loose plan did not say them).",
          ...result.findings.filter((f) => f.severity !== "info").map((f) => `${f.sheet}!${f.cell}: ${f.message}`),
        ],
      };
    },

    async runCheck(): Promise<CheckResult> {
      const { plan } = await loadPlan();
      const findings = checkPlan({ plan, framework: framework().framework, parent: parentPlan });
      // The SMART summary column lets people see the result in the sheet without the pane.
      if (plan.actions.length > 0) await port.writeColumn(TABLES.actions, STATUS_COLUMNS.smartCheck, smartSummary(findings, plan.actions));
      return {
        findings: findings.map(
          (f): FindingView => ({ ruleId: f.ruleId, criterion: f.criterion, severity: f.severity, sheet: f.sheet, cell: f.cell, actionId: f.actionId ?? f.measureId, message: f.message, hint: f.hint }),
        ),
        checkedActions: plan.actions.length,
        checkedAt: today().toISOString(),
      };
    },

    async selectCell(sheet: string, cell: string): Promise<void> {
      // Plan-wide findings name a range or "row N"; select the first cell Excel can take.
      const address = /^[A-Z]{1,3}\d+/i.exec(cell)?.[0];
      if (!address) throw new Error(`${sheet}: "${cell}" is not a cell to go to.`);
      await port.select(sheet, address.toUpperCase());
    },

    async goldenThread(): Promise<GoldenThreadMap> {
      const { plan } = await loadPlan();
      return withRegisterUpdate(threadMap(plan, framework().framework, parentPlan), plan, framework().framework, parentPlan);
    },

    async importParentPlan(fileName: string, bytes: ArrayBuffer): Promise<GoldenThreadMap> {
      // Read from the file only: the parent plan is held in the pane, nothing is written to this workbook.
      const { planFileSnapshot } = await import(/* webpackChunkName: "plan-file" */ "./planFile");
      const snapshot = await planFileSnapshot(fileName, bytes);
      if (detectWorkbookKind(snapshot).kind !== "plan") throw new Error(`${fileName} is not a structured plan: choose the parent plan's workbook (convert it first if it is a loose plan).`);
      const read = readPlan(snapshot, fileName);
      const { plan } = await loadPlan();
      parentPlan = read.plan;
      return withRegisterUpdate(threadMap(plan, framework().framework, parentPlan), plan, framework().framework, parentPlan);
    },

    async updateRegister(parentPlanId: string): Promise<GoldenThreadMap> {
      if (!parentPlan || parentPlan.details.planId !== parentPlanId) throw new Error(`Import the parent plan ${parentPlanId} again: it is no longer held in the pane.`);
      const fw = framework().framework;
      await updateRegister(port, parentPlan, fw);
      const { plan } = await loadPlan();
      return withRegisterUpdate(threadMap(plan, fw, parentPlan), plan, fw, parentPlan);
    },

    async reportingQuarters() {
      const loaded = await loadPlan();
      const start = parseFinancialYear(loaded.plan.details.planYear);
      const options = ([1, 2, 3, 4] as Quarter[]).map((quarter) => periodLabel({ startYear: start, quarter }));
      const current = periodLabel(currentPeriod(loaded));
      return { options: options.includes(current) ? options : [current, ...options], current };
    },

    async setReportingQuarter(label: string): Promise<void> {
      const period = parsePeriod(label);
      await port.setNamedValue(NAMES.reportingDate, isoToSerial(quarterEnd(period)));
    },

    async statusCounts(): Promise<StatusCounts> {
      const loaded = await loadPlan();
      const period = currentPeriod(loaded);
      const measures = measureStatuses(loaded.plan, period, loaded.settings);
      const actions = actionStatuses(loaded.plan, period, loaded.settings);
      const count = (labels: readonly string[], values: string[], rename: Record<string, string> = {}): Counts =>
        labels.map((label) => ({ label: rename[label] ?? label, count: values.filter((v) => v === label).length }));
      return {
        period: periodLabel(period),
        reportingDate: formatUkDate(loaded.settings.reportingDate ?? quarterEnd(period)),
        rag: count(RAGS, measures.map((m) => m.rag), { M: "Cannot be measured yet (M)" }),
        direction: count(DIRECTIONS, measures.map((m) => m.direction), { M: "Cannot be measured yet (M)" }),
        actions: count(ACTION_STATUSES, actions.map((a) => a.status)),
      };
    },

    async qsrGaps(label: string): Promise<QsrGap[]> {
      const loaded = await loadPlan();
      return missingExceptionInfo(loaded.plan, loaded.settings, parsePeriod(label)).map((f) => ({
        itemId: f.id,
        sheet: f.source?.sheet ?? "",
        cell: f.source ? cellOf(f.source, f.missing[0]?.field ?? "id") : "",
        message: describeMissing(f),
      }));
    },

    async exportReturn(label: string, format: "xlsx" | "csv" | "json"): Promise<ExportedFile> {
      const loaded = await loadPlan();
      const period = parsePeriod(label);
      const draft = missingExceptionInfo(loaded.plan, loaded.settings, period).length > 0;
      const r = buildReturn(loaded.plan, loaded.settings, period, { preparedBy: loaded.plan.details.owner, preparedOn: today().toISOString().slice(0, 10), draft });
      const base = `QSR ${loaded.plan.details.planId} ${label.replace("/", "-")}${draft ? " DRAFT" : ""}`;
      if (format === "json") return { fileName: `${base}.json`, mimeType: "application/json", bytes: new TextEncoder().encode(returnJson(r)) };
      if (format === "csv") throw new Error("CSV returns are four files: export them with the command line (service-plan qsr), or choose xlsx or JSON here.");
      const { returnWorkbook } = await import(/* webpackChunkName: "qsr-xlsx" */ "../qsr/files/returnXlsx");
      const buffer = await returnWorkbook(r).xlsx.writeBuffer();
      return { fileName: `${base}.xlsx`, mimeType: XLSX_MIME, bytes: new Uint8Array(buffer as ArrayBuffer) };
    },

    async collectReturns(files): Promise<CollectedReturns> {
      const [{ readReturnBytes }, { collect }, { rollupWorkbook }] = await Promise.all([
        import(/* webpackChunkName: "qsr-read" */ "../qsr/files/readReturnBytes"),
        import(/* webpackChunkName: "qsr-read" */ "../qsr/collect"),
        import(/* webpackChunkName: "qsr-rollup" */ "../qsr/files/rollupXlsx"),
      ]);
      const inputs: CollectInput[] = [];
      for (const f of files) {
        let parsed: ParsedReturn;
        try {
          parsed = await readReturnBytes(f.name, f.bytes);
        } catch (e) {
          // The reader turns every known problem into a reject; this is the unforeseen one, kept as one too.
          parsed = { ok: false, issues: [{ file: f.name, sheet: "", cell: "", reason: `could not be read (${(e as Error).message})` }] };
        }
        inputs.push({ file: f.name, parsed });
      }
      const rollup = collect(inputs, { priorityIds: framework().framework.priorities.map((p) => p.id) });
      const buffer = await rollupWorkbook(rollup, today().toISOString().slice(0, 10)).xlsx.writeBuffer();
      return {
        file: { fileName: `QSR roll-up${rollup.period ? ` ${rollup.period.replace("/", "-")}` : ""}.xlsx`, mimeType: XLSX_MIME, bytes: new Uint8Array(buffer as ArrayBuffer) },
        period: rollup.period,
        counts: { returns: rollup.returns.length, actions: rollup.actions.length, measures: rollup.measures.length, exceptions: rollup.exceptions.length, missing: rollup.missing.length },
        rejects: rollup.rejects.map((r) => ({ file: r.file, sheet: r.sheet, cell: r.cell, reason: r.reason })),
      };
    },

    async importFramework(fileName: string, text: string): Promise<FrameworkSummary> {
      const parsed = parseFramework(text, fileName);
      store?.setItem(FRAMEWORK_KEY, JSON.stringify({ text, source: fileName }));
      return summary(parsed, fileName);
    },

    async currentFramework(): Promise<FrameworkSummary> {
      const { framework: fw, source } = framework();
      return summary(fw, source);
    },
  };
  return services;
}

function defaultStore(): FrameworkStore | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // storage blocked (e.g. some Office webviews in private mode)
  }
}

function errorText(e: PlanReadError): string {
  return e.message;
}

function summary(fw: Framework, source: string): FrameworkSummary {
  const { greenWithin, amberWithin } = fw.tolerances;
  const green = greenWithin > 0 ? `Green when met or missed by up to ${greenWithin}%` : "Green when met";
  return {
    council: fw.council,
    planYear: fw.planYear,
    priorities: fw.priorities.map((p) => ({ id: p.id, title: p.title })),
    tolerances: `${green}; Amber when missed by up to ${amberWithin}%; Red beyond that`,
    slippageMonths: fw.slippageMonths,
    source,
  };
}

function tableKey(t: TableProposal): string {
  return `${t.sheet}!${t.range}`;
}

function tableView(t: TableProposal): ProposedTable {
  return {
    key: tableKey(t),
    sheet: t.sheet,
    target: t.kind,
    headerRow: t.headerRow,
    rowCount: Math.max(0, t.lastDataRow - t.firstDataRow + 1),
    columns: t.columns.map((c, index) => ({ index, header: c.sourceHeader, field: c.field, confidence: c.confidence })),
    preview: t.preview,
  };
}

/** Cells in columns mapped to a date field that do not read as a date even loosely. */
function unreadDates(snapshot: WorkbookSnapshot, tables: TableProposal[], planYear: string): ConversionProposal["unparsedDates"] {
  const out: ConversionProposal["unparsedDates"] = [];
  for (const t of tables) {
    const sheet = snapshot.sheets.find((s) => s.name === t.sheet);
    if (!sheet) continue;
    const grid = new SheetGrid(sheet);
    const columns = t.kind === "actions" ? ACTION_COLUMNS : MEASURE_COLUMNS;
    for (const c of t.columns) {
      const meta = columns.find((col) => col.key === c.field)?.meta;
      if (!meta || meta.kind !== "date") continue;
      const col = columnNumber(c.sourceColumn);
      for (let row = t.firstDataRow; row <= t.lastDataRow; row++) {
        const cell = grid.cell(row, col);
        if (!cell || cell.value === null || cell.value === "") continue;
        const read = parseLooseDate(cell.value as string | number, { isDate: cell.isDate, planYear });
        if (read.certainty === "none") out.push({ sheet: t.sheet, cell: `${c.sourceColumn}${row}`, text: String(cell.value), field: meta.header });
      }
    }
  }
  return out;
}

const TIER_OF_PARENT: Record<string, ThreadTier> = { Corporate: "Corporate", Transformation: "Corporate", Directorate: "Directorate", Operational: "Operational", Team: "Team" };

/** The thread as a tree: priorities at the root, parent actions under the priority they serve, this plan's actions under their parents. */
export function threadMap(plan: Plan, fw: Framework, parent: Plan | undefined): GoldenThreadMap {
  const index = buildParentIndex(plan, fw, parent);
  const nodeOf = (e: ParentEntry): ThreadNode => ({
    id: e.id,
    title: e.title,
    tier: TIER_OF_PARENT[e.tier] ?? "Directorate",
    state: "linked",
    children: [],
    sheet: e.source?.sheet,
    cell: e.source ? cellOf(e.source, "id") : undefined,
  });
  const nodes = new Map<string, ThreadNode>(index.entries.map((e) => [idKey(e.id), nodeOf(e)]));
  const roots: ThreadNode[] = [];
  // Parent-plan actions hang under the priority they link to, when the parent file says.
  const parentLinks = new Map((parent?.actions ?? []).map((a) => [idKey(a.id), linkedIds(a.parentLink)]));
  for (const e of index.entries) {
    const node = nodes.get(idKey(e.id))!;
    const up = (parentLinks.get(idKey(e.id)) ?? []).map((l) => findParent(index, l)).find((p) => p && p.id !== e.id);
    if (up) nodes.get(idKey(up.id))!.children.push(node);
    else roots.push(node);
  }
  const tier = plan.details.tier as ThreadTier;
  const broken: ThreadNode[] = [];
  for (const a of plan.actions) {
    const node: ThreadNode = { id: a.id, title: a.action, tier, state: "linked", children: [], sheet: a.source.sheet, cell: cellOf(a.source, "parentLink") };
    const parents = linkedIds(a.parentLink).map((l) => findParent(index, l));
    const found = parents.filter((p): p is ParentEntry => !!p);
    if (found.length === 0 || found.length < parents.length) broken.push({ ...node, state: "broken" });
    for (const p of found) nodes.get(idKey(p.id))!.children.push(node);
  }
  const expected = EXPECTED_PARENT_TIERS[plan.details.tier];
  const unserved: ThreadNode[] = [];
  for (const e of index.entries) {
    if (!expected.includes(e.tier)) continue;
    const node = nodes.get(idKey(e.id))!;
    if (!node.children.some((c) => c.tier === tier)) {
      node.state = "unserved";
      unserved.push(node);
    }
  }
  // Broken actions also show in the tree, under a root of their own, so the tree is complete.
  if (broken.length > 0) roots.push({ id: "No known parent", title: "actions whose link names nothing in the register or the Corporate Plan", tier, state: "broken", group: true, children: broken });
  return { roots, broken, unserved, parentPlan: parent ? `${parent.details.planId} (${parent.details.tier}, ${parent.details.planYear})` : undefined };
}

function withRegisterUpdate(map: GoldenThreadMap, plan: Plan, fw: Framework, parent: Plan | undefined): GoldenThreadMap {
  if (!parent) return map;
  return { ...map, registerUpdate: { parentId: parent.details.planId, entries: registerFromParent(parent, fw).length, replaces: plan.register.length } };
}

/** Replaces the plan's Register with the parent plan's actions and the framework's priorities, so the link dropdown offers them. */
export async function updateRegister(port: WorkbookPort, parent: Plan, fw: Framework): Promise<void> {
  await port.replaceRows(TABLES.register, registerRows(registerFromParent(parent, fw)));
}

/** Adds rows to a plan table through the port, which keeps its formulas, dropdowns and protection. */
export async function addRows(port: WorkbookPort, table: "Actions" | "Measures", count: number): Promise<void> {
  await port.addRows(table, count);
}
