// The pane's face onto the use cases (src/app): each function maps the view's inputs onto one use
// case over the WorkbookPort and its answer onto the plain shapes the views show (paneModel.ts).
// Views never touch Excel.run; ExcelJS (reading files, writing the return) loads only when used.
import exampleFramework from "../../examples/sefton-framework.json";
import { addPlanRows } from "../app/addRows";
import { checkWorkbook } from "../app/check";
import { yearServices } from "../app/yearServices";
import { bytesSources, collectReturns } from "../app/collect";
import { conversionSummary, convertInto, correctedProposal, Proposal, proposeConversion, tableKey } from "../app/convert";
import { createPlan } from "../app/create";
import { goldenThreadMap, parentPlanFrom, updateRegisterFromParent } from "../app/goldenThread";
import { describeWorkbook, openPlan } from "../app/plan";
import { prepareReturn, returnFiles, returnGaps, XLSX_MIME } from "../app/qsr";
import { openSession, Session, sessionFromText } from "../app/session";
import { reportingQuarters, setReportingQuarter, statusCounts } from "../app/status";
import { measureTrends } from "../app/trends";
import type { TableProposal } from "../convert/mapping";
import { Framework, parseFramework } from "../model/framework";
import { indexRegister, measuresFromRegister, parseMeasureRegister, RegisterIndex } from "../model/measureRegister";
import { parsePeriod } from "../model/period";
import { ACTION_COLUMNS, Column, MEASURE_COLUMNS, Plan, TIERS } from "../model/plan";
import type { Finding } from "../rules/types";
import { cellAddress, cellOrNull } from "../workbook/a1";
import type { WorkbookPort } from "../workbook/port";
import type {
  CheckResult,
  CollectedReturns,
  ConversionProposal,
  CorporateReportResult,
  ConversionResult,
  ExportedFile,
  FindingView,
  FrameworkSummary,
  NewPlanRequest,
  PaneServices,
  Progress,
  ProposedTable,
  RegisterSummary,
  WorkbookSummary,
} from "./paneModel";

/** Where an imported framework and measure register are kept between sessions (localStorage in the pane). */
export interface FrameworkStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface ServiceOptions {
  /** Names the open workbook in error messages. */
  workbookName?: string;
  store?: FrameworkStore | null;
  /** Today, for the return's "prepared on" (tests fix it). */
  today?: () => Date;
}

const FRAMEWORK_KEY = "goldenThread.framework";
const EXAMPLE_SOURCE = "the example Sefton framework shipped with Golden Thread";
const REGISTER_KEY = "goldenThread.measureRegister";
const EXAMPLE_REGISTER_SOURCE = "the example Sefton register shipped with Golden Thread";

interface LoadedRegister {
  /** Absent when the user chose no register: Measure IDs are typed freely and Check compares with nothing. */
  index?: RegisterIndex;
  source: string;
  example: boolean;
  /** Why the register saved before could not be read (the example is in use instead). */
  unreadable?: string;
}

/** What is saved when the user chooses no register, so the choice outlasts the session. */
const NO_REGISTER = JSON.stringify({ none: true });

export function createPaneServices(port: WorkbookPort, options: ServiceOptions = {}): PaneServices {
  const workbookName = options.workbookName ?? "this workbook";
  const store = options.store === undefined ? defaultStore() : options.store;
  const today = options.today ?? (() => new Date());
  // The framework is parsed once, when the pane opens or a new one is imported.
  let session: Session = savedSession(store);
  let parentPlan: Plan | undefined;
  /** The proposal as the convert use case made it, kept so the user's corrections apply to it. */
  let lastProposal: Proposal | null = null;
  // The register is parsed once, on first use (the example's JSON loads only then).
  let register: Promise<LoadedRegister> | undefined;
  const loadRegister = () => (register ??= savedRegister(store));

  const loadPlan = () => openPlan(port, workbookName);

  const services: PaneServices = {
    addRows: (table, count) => addPlanRows(port, table, count),

    year: {
      ...yearServices(port, workbookName, () => session.framework, today),
      async rollForward(year: string) {
        const { rollForwardFile } = await import(/* webpackChunkName: "plan-file" */ "./rollForwardFile");
        return rollForwardFile(port, { fileName: workbookName, year, framework: session.framework });
      },
    },

    detect: (): Promise<WorkbookSummary> => describeWorkbook(port, workbookName),

    async createPlan(request: NewPlanRequest): Promise<void> {
      const { index, source } = await loadRegister();
      const wanted = request.fromRegister?.trim();
      if (wanted && !index) throw new Error(`Cannot start with the register measures ${wanted}: no measure register is in use. Import one in Settings, or leave the field empty.`);
      const measures = wanted && index ? measuresFromRegister(index, wanted.split(","), source) : undefined;
      await createPlan(port, { ...request, measures, registerMeasures: index?.register.measures }, session.framework, workbookName);
    },

    async proposeConversion(): Promise<ConversionProposal> {
      lastProposal = proposeConversion(await port.read(), session.framework);
      return {
        tier: "Operational",
        tables: lastProposal.proposal.tables.map(tableView),
        fields: {
          actions: ACTION_COLUMNS.map((c) => ({ key: c.key, header: c.meta.header })),
          measures: MEASURE_COLUMNS.map((c) => ({ key: c.key, header: c.meta.header })),
        },
        unparsedDates: lastProposal.unreadDates,
      };
    },

    async convert(view: ConversionProposal, onProgress?: Progress): Promise<ConversionResult> {
      if (!lastProposal) throw new Error("Read the workbook first: there is no proposed mapping to convert with.");
      const tier = TIERS.find((t) => t === view.tier);
      if (!tier) throw new Error(`"${view.tier}" is not a plan tier: choose Directorate, Operational or Team.`);
      const total = 3;
      onProgress?.(1, total, "Converting rows");
      const proposal = correctedProposal(lastProposal.proposal, view.tables);
      onProgress?.(2, total, "Writing the plan sheets");
      const { index, source } = await loadRegister();
      const converted = await convertInto(port, lastProposal.snapshot, proposal, { tier, framework: session.framework, fileName: workbookName, register: index });
      onProgress?.(total, total, "Done");
      const result = conversionSummary(converted);
      const filled = converted.filledFromRegister.map((f) => `${f.id}: ${f.fields.join(", ")} filled in from ${source}.`);
      return { ...result, notes: [...result.notes, ...filled] };
    },

    async runCheck(): Promise<CheckResult> {
      // The SMART check column lets people see the result in the sheet without the pane.
      const { index } = await loadRegister();
      const outcome = await checkWorkbook(port, session, { fileName: workbookName, parent: parentPlan, writeColumn: true, register: index });
      return {
        findings: outcome.findings.map((f): FindingView => ({
          ruleId: f.ruleId,
          criterion: f.criterion,
          severity: f.severity,
          sheet: f.sheet,
          cell: f.cell,
          actionId: f.actionId ?? f.measureId,
          field: headerAt(outcome.plan, f),
          message: f.message,
          hint: f.hint,
        })),
        checkedActions: outcome.counts.actions,
        checkedAt: today().toISOString(),
      };
    },

    async selectCell(sheet: string, cell: string): Promise<void> {
      // Plan-wide findings name a range or "row N"; select the first cell Excel can take.
      const at = cellOrNull(cell.split(":")[0]);
      if (!at) throw new Error(`${sheet}: "${cell}" is not a cell to go to.`);
      await port.select(sheet, cellAddress(at.row, at.col));
    },

    async goldenThread() {
      const { plan } = await loadPlan();
      return goldenThreadMap(plan, session.framework, parentPlan);
    },

    async importParentPlan(fileName: string, bytes: ArrayBuffer) {
      // Read from the file only: the parent plan is held in the pane, nothing is written to this workbook.
      const { planFileSnapshot } = await import(/* webpackChunkName: "plan-file" */ "./planFile");
      const snapshot = await planFileSnapshot(fileName, bytes);
      const { plan } = await loadPlan();
      parentPlan = parentPlanFrom(snapshot, fileName, plan);
      return goldenThreadMap(plan, session.framework, parentPlan);
    },

    async updateRegister(parentPlanId: string) {
      if (!parentPlan || parentPlan.details.planId !== parentPlanId) throw new Error(`Import the parent plan ${parentPlanId} again: it is no longer held in the pane.`);
      await updateRegisterFromParent(port, parentPlan, session.framework);
      const { plan } = await loadPlan();
      return goldenThreadMap(plan, session.framework, parentPlan);
    },

    async reportingQuarters() {
      return reportingQuarters(await loadPlan());
    },

    async setReportingQuarter(label: string): Promise<void> {
      await setReportingQuarter(port, label);
    },

    async statusCounts() {
      return statusCounts(await loadPlan());
    },

    async measureTrends() {
      return measureTrends(await loadPlan());
    },

    async qsrGaps(label: string) {
      return returnGaps(await loadPlan(), parsePeriod(label));
    },

    async exportReturn(label: string, format: "xlsx" | "csv" | "json"): Promise<ExportedFile> {
      if (format === "csv") throw new Error("CSV returns are four files: export them with the command line (service-plan qsr), or choose xlsx or JSON here.");
      const open = await loadPlan();
      const ret = prepareReturn(open, { period: parsePeriod(label), preparedBy: open.plan.details.owner, preparedOn: today().toISOString().slice(0, 10), draft: "auto", fileName: workbookName });
      const [file] = await returnFiles(ret, [format]);
      return { fileName: file.path, mimeType: file.mimeType, bytes: file.bytes };
    },

    async collectReturns(files): Promise<CollectedReturns> {
      const rollup = await collectReturns(bytesSources(files), { priorities: session.framework.priorities });
      const [{ rollupWorkbook }, { workbookBytes }] = await Promise.all([
        import(/* webpackChunkName: "qsr-rollup" */ "../qsr/files/rollupXlsx"),
        import(/* webpackChunkName: "qsr-rollup" */ "../xlsx/print"),
      ]);
      const bytes = await workbookBytes(rollupWorkbook(rollup, today().toISOString().slice(0, 10)));
      return {
        file: { fileName: `QSR roll-up${rollup.period ? ` ${rollup.period.replace("/", "-")}` : ""}.xlsx`, mimeType: XLSX_MIME, bytes },
        period: rollup.period,
        counts: { returns: rollup.returns.length, actions: rollup.actions.length, measures: rollup.measures.length, exceptions: rollup.exceptions.length, missing: rollup.missing.length },
        rejects: rollup.rejects.map((r) => ({ file: r.file, sheet: r.sheet, cell: r.cell, reason: r.reason })),
      };
    },

    async corporateReport(request): Promise<CorporateReportResult> {
      const [{ corporateReport }, { parseRollupJson }, { indexRegister, parseMeasureRegister }, { cporWorkbook }, { workbookBytes }] = await Promise.all([
        import(/* webpackChunkName: "cpor" */ "../app/report"),
        import(/* webpackChunkName: "cpor" */ "../qsr/files/rollupJson"),
        import(/* webpackChunkName: "cpor" */ "../model/measureRegister"),
        import(/* webpackChunkName: "cpor" */ "../report/files/cporXlsx"),
        import(/* webpackChunkName: "qsr-rollup" */ "../xlsx/print"),
      ]);
      const { rollup, report, html } = await corporateReport({
        current: { sources: bytesSources(request.returns) },
        previous: request.previous.map((p) => ({ file: p.name, rollup: parseRollupJson(p.text, p.name) })),
        register: request.register ? indexRegister(parseMeasureRegister(request.register.text, request.register.name)) : undefined,
        framework: session.framework,
        generatedOn: today().toISOString().slice(0, 10),
      });
      const stem = `CPOR ${report.period.replace("/", "-")}`;
      return {
        period: report.period,
        html: { fileName: `${stem}.html`, mimeType: "text/html", bytes: new TextEncoder().encode(html) },
        workbook: { fileName: `${stem}.xlsx`, mimeType: XLSX_MIME, bytes: await workbookBytes(cporWorkbook(report)) },
        priorities: report.priorities.map((p) => ({
          id: p.id,
          title: p.title,
          measures: p.counts.measures,
          red: Number(p.counts["RAG: Red"] ?? 0),
          amber: Number(p.counts["RAG: Amber"] ?? 0),
          green: Number(p.counts["RAG: Green"] ?? 0),
          exceptions: p.exceptions.length,
          slipped: p.slipped.length,
        })),
        returns: report.returns,
        draftsLeftOut: report.draftsLeftOut,
        dataQuality: report.dataQuality.length,
        rejects: rollup.rejects.map((r) => ({ file: r.file, sheet: r.sheet, cell: r.cell, reason: r.reason })),
      };
    },

    async importFramework(fileName: string, text: string): Promise<FrameworkSummary> {
      session = sessionFromText(text, fileName);
      store?.setItem(FRAMEWORK_KEY, JSON.stringify({ text, source: fileName }));
      return summary(session.framework, fileName);
    },

    async currentFramework(): Promise<FrameworkSummary> {
      return summary(session.framework, session.frameworkSource);
    },

    async importRegister(fileName: string, text: string): Promise<RegisterSummary> {
      const loaded = { index: indexRegister(parseMeasureRegister(text, fileName)), source: fileName, example: false };
      store?.setItem(REGISTER_KEY, JSON.stringify({ text, source: fileName }));
      register = Promise.resolve(loaded);
      return registerSummary(loaded);
    },

    async currentRegister(): Promise<RegisterSummary> {
      return registerSummary(await loadRegister());
    },

    async useExampleRegister(): Promise<RegisterSummary> {
      store?.removeItem(REGISTER_KEY);
      register = exampleRegister();
      return registerSummary(await register);
    },

    async useNoRegister(): Promise<RegisterSummary> {
      store?.setItem(REGISTER_KEY, NO_REGISTER);
      register = Promise.resolve(noRegister);
      return registerSummary(noRegister);
    },
  };
  return services;
}

/** The framework the user imported before, else the example; a damaged saved copy falls back to the example. */
function savedSession(store: FrameworkStore | null): Session {
  const saved = store?.getItem(FRAMEWORK_KEY);
  if (saved) {
    try {
      const { text, source } = JSON.parse(saved) as { text: string; source: string };
      return sessionFromText(text, source);
    } catch {
      // A damaged saved copy falls back to the example rather than locking the pane.
    }
  }
  return openSession(parseFramework(JSON.stringify(exampleFramework), "sefton-framework.json"), EXAMPLE_SOURCE);
}

const noRegister: LoadedRegister = { source: "no measure register", example: false };

/** The register the user imported before (or their choice of none), else the example; a damaged saved copy falls back to the example, saying why. */
async function savedRegister(store: FrameworkStore | null): Promise<LoadedRegister> {
  const saved = store?.getItem(REGISTER_KEY);
  if (!saved) return exampleRegister();
  if (saved === NO_REGISTER) return noRegister;
  try {
    const { text, source } = JSON.parse(saved) as { text: string; source: string };
    return { index: indexRegister(parseMeasureRegister(text, source)), source, example: false };
  } catch (e) {
    // As for the framework: the example rather than a locked pane, but the user is told (Settings) why theirs is not in use.
    return { ...(await exampleRegister()), unreadable: e instanceof Error ? e.message : String(e) };
  }
}

async function exampleRegister(): Promise<LoadedRegister> {
  // 60 KB of JSON: loaded when first needed, not with the pane.
  const { default: json } = await import(/* webpackChunkName: "measure-register" */ "../../examples/sefton-measure-register.json");
  return { index: indexRegister(parseMeasureRegister(JSON.stringify(json), "sefton-measure-register.json")), source: EXAMPLE_REGISTER_SOURCE, example: true };
}

function registerSummary({ index, source, example, unreadable }: LoadedRegister): RegisterSummary {
  const summary: RegisterSummary = { council: index?.register.council ?? "", measures: index?.register.measures.length ?? 0, source, example, none: !index };
  return unreadable ? { ...summary, unreadable } : summary;
}

function defaultStore(): FrameworkStore | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // storage blocked (e.g. some Office webviews in private mode)
  }
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

const HEADERS = new Map<string, string>([...ACTION_COLUMNS, ...MEASURE_COLUMNS].map((c: Column) => [c.key, c.meta.header]));

/**
 * The header of the column a finding's cell is in ("Annual target"), read from where the plan found
 * its row's fields, so people see the column's name, never the field's internal key.
 */
function headerAt(plan: Plan, f: Finding): string | undefined {
  const letters = /^([A-Z]+)\d+$/.exec(f.cell)?.[1];
  if (!letters || f.row === undefined) return undefined;
  const rows = f.sheet === plan.actions[0]?.source.sheet ? plan.actions : f.sheet === plan.measures[0]?.source.sheet ? plan.measures : [];
  const source = rows.find((r) => r.source.row === f.row)?.source;
  const key = source && Object.keys(source.columns).find((k) => source.columns[k] === letters);
  return key ? HEADERS.get(key) : undefined;
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
