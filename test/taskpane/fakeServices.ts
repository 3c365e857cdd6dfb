// A stand-in for the pane's services: realistic answers, and a record of what the views asked for.
import type { CheckResult, ConversionProposal, FindingView, GoldenThreadMap, MeasureTrendView, PaneServices, RegisterSummary, StatusCounts } from "../../src/taskpane/paneModel";

export const FINDINGS: FindingView[] = [
  {
    ruleId: "specific.noVerb",
    criterion: "Specific",
    severity: "warning",
    sheet: "Actions",
    cell: "B5",
    actionId: "OSP-01",
    message: "The action does not start with a verb.",
    hint: "Start with what will be done.",
  },
  {
    ruleId: "responsible.noLead",
    criterion: "Responsible",
    severity: "error",
    sheet: "Actions",
    cell: "G6",
    actionId: "OSP-02",
    field: "Lead officer",
    message: "No lead officer.",
    hint: "Name one accountable officer.",
  },
  { ruleId: "timeBound.noDue", criterion: "Time-bound", severity: "error", sheet: "Actions", cell: "I6", actionId: "OSP-02", message: "No due date.", hint: "" },
  { ruleId: "specific.vague", criterion: "Specific", severity: "info", sheet: "Actions", cell: "B7", actionId: "OSP-03", message: "The action uses vague words (support).", hint: "" },
];

/** Two measures' quarters: a cumulative one on its way, and one not reported yet. */
const TRENDS: MeasureTrendView[] = [
  {
    id: "KPI-01",
    name: "People completing reablement (year to date)",
    unit: "number",
    points: [
      { quarter: 1, actual: 410, target: 400, rag: "Green" },
      { quarter: 2, actual: 790, target: 800, rag: "Amber" },
      { quarter: 3, actual: null, target: 1200, rag: null },
      { quarter: 4, actual: null, target: 1600, rag: null },
    ],
  },
  {
    id: "KPI-02",
    name: "Adult Social Care Survey: quality of life",
    unit: "%",
    points: [
      { quarter: 1, actual: null, target: null, rag: "M" },
      { quarter: 2, actual: null, target: 85, rag: "M" },
      { quarter: 3, actual: null, target: null, rag: null },
      { quarter: 4, actual: null, target: null, rag: null },
    ],
  },
];

const COUNTS: Record<string, StatusCounts> = {
  "2024/25 Q1": {
    period: "2024/25 Q1",
    reportingDate: "30/06/2024",
    rag: [
      { label: "Green", count: 4 },
      { label: "Amber", count: 1 },
      { label: "Red", count: 0 },
    ],
    direction: [{ label: "Improving", count: 3 }],
    actions: [{ label: "On track", count: 5 }],
  },
  "2024/25 Q2": {
    period: "2024/25 Q2",
    reportingDate: "30/09/2024",
    rag: [
      { label: "Green", count: 2 },
      { label: "Amber", count: 2 },
      { label: "Red", count: 3 },
    ],
    direction: [{ label: "Declining", count: 2 }],
    actions: [{ label: "Slipped (more than 3 months)", count: 1 }],
  },
};

const PROPOSAL: ConversionProposal = {
  tier: "Operational",
  tables: [
    {
      key: "Plan!A3",
      sheet: "Plan",
      target: "actions",
      headerRow: 3,
      rowCount: 12,
      columns: [
        { index: 0, header: "Ref", field: "id", confidence: 0.95 },
        { index: 1, header: "What we will do", field: "action", confidence: 0.7 },
        { index: 2, header: "Owner", field: "leadOfficer", confidence: 0.4 },
        { index: 3, header: "Notes to self", field: null, confidence: 0 },
      ],
      preview: [["A1", "Review the housing allocations policy", "J Smith", "ask Pat"]],
    },
  ],
  fields: {
    actions: [
      { key: "id", header: "Action ID" },
      { key: "action", header: "Action" },
      { key: "leadOfficer", header: "Lead officer" },
      { key: "dueDate", header: "Due date" },
    ],
    measures: [{ key: "id", header: "Measure ID" }],
  },
  unparsedDates: [{ sheet: "Plan", cell: "E7", text: "Spring 2025", field: "Due date" }],
};

const THREAD: GoldenThreadMap = {
  roots: [
    {
      id: "CP2",
      title: "Care and support that empowers people",
      tier: "Corporate",
      state: "linked",
      children: [
        {
          id: "DSP-ASC-01",
          title: "Reshape home care",
          tier: "Directorate",
          state: "linked",
          children: [{ id: "OSP-01", title: "Recommission home care", tier: "Operational", state: "linked", children: [], sheet: "Actions", cell: "A5" }],
        },
        { id: "DSP-ASC-02", title: "Grow shared lives", tier: "Directorate", state: "unserved", children: [] },
      ],
    },
  ],
  broken: [{ id: "OSP-09", title: "Refresh the website", tier: "Operational", state: "broken", children: [], sheet: "Actions", cell: "D13" }],
  unserved: [{ id: "DSP-ASC-02", title: "Grow shared lives", tier: "Directorate", state: "unserved", children: [] }],
  parentPlan: "DSP-ASC-2024",
};

const EXAMPLE_REGISTER: RegisterSummary = { council: "Sefton Council", measures: 85, source: "the example Sefton register shipped with Golden Thread", example: true, none: false };

export interface FakeServices extends PaneServices {
  calls: string[];
  selected: string[];
  reportingPeriod: string;
}

export function fakeServices(overrides: Partial<PaneServices> = {}): FakeServices {
  const calls: string[] = [];
  const selected: string[] = [];
  let checks = 0;
  let register = EXAMPLE_REGISTER;
  const s: FakeServices = {
    calls,
    selected,
    reportingPeriod: "2024/25 Q1",
    detect: async () => ({ kind: "plan", tier: "Operational", formatVersion: 1, planId: "OSP-ASC-2024", planYear: "2024/25", reportingPeriod: s.reportingPeriod, problems: [] }),
    createPlan: async (r) => void calls.push(`createPlan ${r.tier} ${r.planYear} ${r.planId}${r.fromRegister ? ` fromRegister=${r.fromRegister}` : ""}`),
    proposeConversion: async () => JSON.parse(JSON.stringify(PROPOSAL)) as ConversionProposal,
    convert: async (p, onProgress) => {
      calls.push(`convert ${p.tier} ${JSON.stringify(p.tables.map((t) => [t.target, t.columns.map((c) => c.field)]))}`);
      onProgress?.(1, 2, "Actions");
      return { actions: 12, measures: 0, unmapped: [{ sheet: "Plan", header: "Notes to self", cells: 12 }], notes: [] };
    },
    runCheck: async (): Promise<CheckResult> => {
      checks++;
      // The second check finds the first finding fixed, as after the user corrects it.
      return { findings: checks === 1 ? FINDINGS : FINDINGS.slice(1), checkedActions: 3, checkedAt: "2024-10-01T09:00:00Z" };
    },
    selectCell: async (sheet, cell) => void selected.push(`${sheet}!${cell}`),
    goldenThread: async () => THREAD,
    importParentPlan: async (name) => {
      calls.push(`importParentPlan ${name}`);
      return { ...THREAD, parentPlan: name, registerUpdate: { parentId: "DSP-ASC-2024", entries: 12, replaces: 7 } };
    },
    updateRegister: async (id) => {
      calls.push(`updateRegister ${id}`);
      return { ...THREAD, parentPlan: id, registerUpdate: { parentId: id, entries: 12, replaces: 12 } };
    },
    reportingQuarters: async () => ({ options: ["2024/25 Q1", "2024/25 Q2", "2024/25 Q3", "2024/25 Q4"], current: s.reportingPeriod }),
    setReportingQuarter: async (p) => {
      calls.push(`setReportingQuarter ${p}`);
      s.reportingPeriod = p;
    },
    statusCounts: async () => COUNTS[s.reportingPeriod] ?? { ...COUNTS["2024/25 Q1"], period: s.reportingPeriod },
    measureTrends: async () => TRENDS,
    qsrGaps: async (p) => (p === "2024/25 Q2" ? [{ itemId: "KPI-01", sheet: "Measures", cell: "AA7", message: "Red at Q2: needs a reason, corrective action and recovery date." }] : []),
    exportReturn: async (p, format) => ({ fileName: `QSR OSP-ASC-2024 ${p.replace("/", "-")}.${format}`, mimeType: "application/octet-stream", bytes: new Uint8Array([1, 2, 3]) }),
    collectReturns: async (files) => ({
      file: { fileName: "QSR roll-up 2024-25 Q2.xlsx", mimeType: "application/octet-stream", bytes: new Uint8Array([4]) },
      period: "2024/25 Q2",
      counts: { returns: files.filter((f) => f.name.endsWith(".xlsx")).length, actions: 8, measures: 8, exceptions: 1, missing: 0 },
      rejects: files.filter((f) => !f.name.endsWith(".xlsx")).map((f) => ({ file: f.name, sheet: "", cell: "", reason: "not a return workbook" })),
    }),
    corporateReport: async (request) => {
      calls.push(`corporateReport ${request.returns.map((f) => f.name).join(",")} previous=${request.previous.length} register=${request.register?.name ?? ""}`);
      return {
        period: "2024/25 Q2",
        html: { fileName: "CPOR 2024-25 Q2.html", mimeType: "text/html", bytes: new Uint8Array([60]) },
        workbook: { fileName: "CPOR 2024-25 Q2.xlsx", mimeType: "application/octet-stream", bytes: new Uint8Array([4]) },
        priorities: [
          { id: "CP1", title: "Children & Young People", measures: 0, red: 0, amber: 0, green: 0, exceptions: 0, slipped: 0 },
          { id: "CP2", title: "Adult Social Care", measures: 12, red: 3, amber: 4, green: 5, exceptions: 1, slipped: 1 },
        ],
        returns: request.returns.filter((f) => !/DRAFT/.test(f.name)).length,
        draftsLeftOut: request.returns.filter((f) => /DRAFT/.test(f.name)).map((f) => f.name),
        dataQuality: 0,
        rejects: [],
      };
    },
    importFramework: async (name, text) => {
      const parsed = JSON.parse(text) as { council: string; planYear: string };
      return {
        council: parsed.council,
        planYear: parsed.planYear,
        priorities: [{ id: "P1", title: "Thriving places" }],
        tolerances: "Green when met; Amber within 5%",
        slippageMonths: 3,
        source: name,
      };
    },
    importRegister: async (name, text) => {
      const parsed = JSON.parse(text) as { council: string; measures: unknown[] };
      return (register = { council: parsed.council, measures: parsed.measures.length, source: name, example: false, none: false });
    },
    currentRegister: async () => register,
    useExampleRegister: async () => (register = EXAMPLE_REGISTER),
    useNoRegister: async () => (register = { council: "", measures: 0, source: "no measure register", example: false, none: true }),
    addRows: async (table, count) => void calls.push(`addRows ${table} ${count}`),
    currentFramework: async () => ({
      council: "Sefton Council",
      planYear: "2024/25",
      priorities: [
        { id: "CP1", title: "Improving outcomes for children and their families" },
        { id: "CP2", title: "Care and support that empowers people" },
      ],
      tolerances: "Green when met; Amber within 5%",
      slippageMonths: 3,
      source: "the example framework shipped with Golden Thread",
    }),
    ...overrides,
  };
  return s;
}
