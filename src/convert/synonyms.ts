// The header vocabulary of loose council plans: which words in a header row mean which format v1
// field. Strong words (the ones councils actually use) decide where a table's header row is; the
// weaker "mentions" only help map a column once the header row is known.
import { ACTION_COLUMNS, MEASURE_COLUMNS } from "../model/plan";

export type TableKind = "actions" | "measures";

export interface FieldCandidate {
  field: string;
  /** 0..1: how sure we are this header means this field. */
  confidence: number;
  reason: string;
}

interface Synonym {
  field: string;
  confidence: number;
  /** Whole normalised headers that mean the field. */
  names: string[];
}

interface Mention {
  field: string;
  confidence: number;
  /** Matched anywhere in a short header. */
  pattern: RegExp;
}

/** The strength from which a header counts as a sure sign of a header row. */
export const STRONG = 0.75;

/** Lower case, "&" as "and", "(s)" dropped, punctuation out except / and %. */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/\(s\)/g, "s")
    .replace(/&/g, " and ")
    .replace(/#/g, " number ")
    .replace(/[\u2018\u2019'"`]/g, "")
    .replace(/[^a-z0-9/%]+/g, " ")
    .trim();
}

const s = (field: string, confidence: number, ...names: string[]): Synonym => ({ field, confidence, names });
const m = (field: string, confidence: number, pattern: RegExp): Mention => ({ field, confidence, pattern });

const ID_NAMES = ["ref", "ref no", "reference", "ref number", "id", "no", "number", "item", "item no"];

const ACTION_SYNONYMS: Synonym[] = [
  s("id", 0.95, ...ID_NAMES, "action ref", "action id", "action no", "action number", "action reference"),
  s(
    "action",
    0.95,
    "action",
    "actions",
    "key action",
    "key actions",
    "improvement",
    "improvements",
    "improvement action",
    "improvement actions",
    "what will we do",
    "what we will do",
    "action description",
    "key actions and milestones",
    "specific action",
    "planned action",
    "planned actions",
  ),
  s("action", 0.8, "activity", "activities", "task", "tasks", "key task", "key tasks", "deliverable", "deliverables", "objective", "objectives", "project", "projects", "initiative"),
  s(
    "intendedOutcome",
    0.9,
    "outcome",
    "outcomes",
    "intended outcome",
    "intended outcomes",
    "expected outcome",
    "expected outcomes",
    "desired outcome",
    "desired outcomes",
    "impact",
    "expected impact",
    "outcome for residents",
    "benefits",
    "what difference will it make",
  ),
  s(
    "parentLink",
    0.9,
    "link to directorate plan",
    "link to directorate service plan",
    "link to corporate plan",
    "link to operational service plan",
    "link to service plan",
    "link to parent plan",
    "link to team plan",
    "corporate priority",
    "corporate plan priority",
    "directorate priority",
    "strategic priority",
    "council priority",
    "corporate plan theme",
    "golden thread",
    "links to",
    "link",
  ),
  s("parentLink", 0.75, "priority", "theme", "corporate theme", "strategic objective"),
  s(
    "measureOfSuccess",
    0.9,
    "performance measures or project milestones",
    "measure of success",
    "measures of success",
    "success measure",
    "success measures",
    "success criteria",
    "how will we know",
    "how will we measure success",
    "how we will measure success",
    "key performance measures",
    "performance measures",
    "performance measure",
    "evidence of success",
  ),
  s("measureOfSuccess", 0.75, "key milestones", "milestones", "milestone", "project milestones", "measures", "targets", "target"),
  s("action", 0.6, "key milestones", "milestones", "milestone"),
  s("linkedMeasures", 0.9, "linked measures", "linked kpis", "related kpis", "related indicators", "kpi ref", "kpi refs"),
  s("measureOfSuccess", 0.6, "kpi", "kpis", "indicator", "indicators"),
  s(
    "leadOfficer",
    0.95,
    "lead officer",
    "lead officers",
    "responsible officer",
    "responsible officers",
    "responsible person",
    "lead",
    "officer",
    "action owner",
    "owner",
    "accountable officer",
    "by whom",
    "who",
    "lead manager",
    "responsibility",
    "responsible",
    "lead person",
    "named officer",
  ),
  s("startDate", 0.9, "start date", "start", "date started", "from", "commencement date"),
  s(
    "dueDate",
    0.95,
    "timescale",
    "timescales",
    "time scale",
    "timeframe",
    "time frame",
    "deadline",
    "target date",
    "by when",
    "due date",
    "due",
    "target completion date",
    "completion date",
    "end date",
    "date due",
    "when",
    "target timescale",
  ),
  s("dueDate", 0.6, "date"),
  s("revisedDueDate", 0.95, "revised date", "revised due date", "revised deadline", "revised timescale", "revised target date"),
  s("completedDate", 0.9, "completed date", "date completed", "actual completion date", "date achieved", "completed"),
  s("percentComplete", 0.95, "% complete", "percent complete", "percentage complete", "progress %", "% progress"),
  s("selfAssessedRag", 0.95, "rag", "rag status", "rag rating", "self assessed rag", "progress rag", "rag self assessment"),
  s("selfAssessedRag", 0.75, "status", "current status"),
  s(
    "progress",
    0.9,
    "progress",
    "progress update",
    "update",
    "updates",
    "progress to date",
    "progress narrative",
    "latest position",
    "position statement",
    "commentary",
    "comments",
    "progress comments",
    "quarterly update",
  ),
  s("progress", 0.6, "notes", "note"),
  s("slippageReason", 0.9, "reason for slippage", "reasons for slippage", "slippage", "reason for delay", "reasons for delay", "slippage reason"),
  s("correctiveAction", 0.9, "corrective action", "corrective actions", "remedial action", "remedial actions", "mitigation", "recovery action", "recovery actions"),
  s("recoveryDate", 0.9, "recovery date", "back on track by", "revised recovery date"),
  s("noLongerViable", 0.85, "no longer viable", "withdrawn", "stopped"),
];

const ACTION_MENTIONS: Mention[] = [
  m("id", 0.55, /\b(ref|id)\b/),
  m("action", 0.6, /\b(actions?|improvements?|tasks?|activit(y|ies))\b/),
  m("intendedOutcome", 0.6, /\boutcomes?\b/),
  m("parentLink", 0.6, /\b(link|links|linked to|priority|priorities|theme)\b/),
  m("measureOfSuccess", 0.55, /\b(measures?|milestones?|kpis?|success)\b/),
  m("leadOfficer", 0.6, /\b(officer|lead|responsib\w*|owner)\b/),
  m("revisedDueDate", 0.6, /\brevised\b/),
  m("dueDate", 0.55, /\b(date|timescales?|deadline|when|due)\b/),
  m("selfAssessedRag", 0.55, /\b(rag|status)\b/),
  m("progress", 0.55, /\b(progress|update|comments?|notes?)\b/),
];

const MEASURE_SYNONYMS: Synonym[] = [
  s("id", 0.95, ...ID_NAMES, "kpi ref", "pi ref", "measure id", "measure ref", "indicator ref", "kpi no", "kpi number", "code", "pi code", "kpi code"),
  s(
    "name",
    0.95,
    "measure",
    "measures",
    "kpi",
    "kpis",
    "indicator",
    "indicators",
    "performance indicator",
    "performance indicators",
    "key performance indicator",
    "key performance indicators",
    "pi",
    "measure name",
    "indicator name",
    "measure description",
    "indicator description",
    "corporate plan measure",
    "performance measure",
    "metric",
    "metrics",
    "kpi description",
  ),
  s("name", 0.7, "description", "title"),
  s("type", 0.9, "type", "measure type", "indicator type", "kpi type"),
  s("polarity", 0.95, "polarity", "good is", "what is good", "good performance is", "higher or lower is better", "is higher better", "direction of good", "better is", "high or low is good", "aim"),
  s("unit", 0.9, "unit", "units", "unit of measure", "measure unit"),
  s("frequency", 0.9, "frequency", "reporting frequency", "how often"),
  s("dataSource", 0.85, "data source", "source", "data source and officer", "source of data", "system"),
  s(
    "accountableOfficer",
    0.9,
    "accountable officer",
    "lead officer",
    "responsible officer",
    "metric responsibility",
    "owner",
    "measure owner",
    "kpi owner",
    "lead",
    "officer",
    "responsible person",
    "responsibility",
  ),
  s(
    "parentLink",
    0.85,
    "corporate plan theme",
    "theme",
    "priority",
    "corporate priority",
    "link to corporate plan",
    "link to directorate plan",
    "link to parent plan",
    "strategic priority",
    "outcome",
  ),
  s("keyMeasure", 0.85, "key measure", "key", "kpi yes/no", "is kpi"),
  s("baseline", 0.9, "baseline", "outturn", "previous year", "last year", "previous outturn", "last years outturn", "prior year"),
  s("annualTarget", 0.9, "target", "annual target", "year end target", "targets", "target for the year"),
  s("greenWithin", 0.95, "green within %", "green tolerance"),
  s("amberWithin", 0.95, "amber within %", "amber tolerance"),
  s("provisional", 0.9, "provisional", "provisional data"),
  s("comments", 0.85, "comments", "commentary", "notes", "narrative", "progress", "explanation", "note"),
  s("redReason", 0.9, "reason if red", "reason for red", "why red", "reasons for underperformance"),
  s("correctiveAction", 0.9, "corrective action", "remedial action", "actions to improve", "improvement action", "mitigation"),
  s("recoveryDate", 0.9, "recovery date", "back on track by"),
];

const QUARTER_MONTHS = ["apr jun", "jul sep", "oct dec", "jan mar"];
const QUARTER_MONTHS_LONG = ["april june", "july september", "october december", "january march"];
for (let q = 1; q <= 4; q++) {
  MEASURE_SYNONYMS.push(
    s(`q${q}Target`, 0.95, `q${q} target`, `target q${q}`, `quarter ${q} target`, `q${q} trajectory`),
    s(`q${q}Actual`, 0.9, `q${q}`, `q${q} actual`, `actual q${q}`, `quarter ${q}`, `q${q} outturn`, `q${q} performance`, `q${q} result`, QUARTER_MONTHS[q - 1], QUARTER_MONTHS_LONG[q - 1]),
  );
}

const MEASURE_MENTIONS: Mention[] = [
  m("id", 0.55, /\b(ref|id|code)\b/),
  m("q1Target", 0.75, /\bq(uarter)? ?1\b.*\btarget\b|\btarget\b.*\bq(uarter)? ?1\b/),
  m("q2Target", 0.75, /\bq(uarter)? ?2\b.*\btarget\b|\btarget\b.*\bq(uarter)? ?2\b/),
  m("q3Target", 0.75, /\bq(uarter)? ?3\b.*\btarget\b|\btarget\b.*\bq(uarter)? ?3\b/),
  m("q4Target", 0.75, /\bq(uarter)? ?4\b.*\btarget\b|\btarget\b.*\bq(uarter)? ?4\b/),
  m("q1Actual", 0.7, /\bq(uarter)? ?1\b/),
  m("q2Actual", 0.7, /\bq(uarter)? ?2\b/),
  m("q3Actual", 0.7, /\bq(uarter)? ?3\b/),
  m("q4Actual", 0.7, /\bq(uarter)? ?4\b/),
  m("annualTarget", 0.8, /^(\d{4}\/\d{2,4} target|target \d{4}\/\d{2,4}|target for \d{4}\/\d{2,4})$/),
  m("baseline", 0.8, /^(\d{4}\/\d{2,4} (outturn|actual|baseline)|(outturn|actual|baseline) \d{4}\/\d{2,4})$/),
  m("name", 0.6, /\b(indicator|measure|kpi|metric)s?\b/),
  m("annualTarget", 0.6, /\btarget\b/),
  m("baseline", 0.6, /\b(baseline|outturn)\b/),
  m("polarity", 0.6, /\b(good|polarity|better)\b/),
  m("accountableOfficer", 0.6, /\b(officer|lead|responsib\w*|owner)\b/),
  m("dataSource", 0.6, /\bsource\b/),
  m("parentLink", 0.55, /\b(theme|priority|link)\b/),
  m("comments", 0.55, /\b(comments?|notes?|narrative|commentary)\b/),
];

const VOCABULARY: Record<TableKind, { synonyms: Synonym[]; mentions: Mention[]; v1Headers: Map<string, string> }> = {
  actions: { synonyms: ACTION_SYNONYMS, mentions: ACTION_MENTIONS, v1Headers: new Map(ACTION_COLUMNS.map((c) => [normaliseHeader(c.meta.header), c.key])) },
  measures: { synonyms: MEASURE_SYNONYMS, mentions: MEASURE_MENTIONS, v1Headers: new Map(MEASURE_COLUMNS.map((c) => [normaliseHeader(c.meta.header), c.key])) },
};

const FIELD_HEADERS = new Map([...ACTION_COLUMNS, ...MEASURE_COLUMNS].map((c) => [c.key, `"${c.meta.header}"`]));

/** The field keys a table of this kind can map to. */
export function fieldsOf(kind: TableKind): string[] {
  return (kind === "actions" ? ACTION_COLUMNS : MEASURE_COLUMNS).map((c) => c.key);
}

/** Short, label-like text (not a sentence of data) may be read for mentions. */
function looksLikeLabel(normalised: string): boolean {
  return normalised.length > 0 && normalised.length <= 50 && normalised.split(" ").length <= 7;
}

/** Every field this header could mean in a table of this kind, surest first. */
export function headerCandidates(header: string, kind: TableKind): FieldCandidate[] {
  const h = normaliseHeader(header);
  if (!h) return [];
  const vocabulary = VOCABULARY[kind];
  const out: FieldCandidate[] = [];
  const v1 = vocabulary.v1Headers.get(h);
  if (v1) out.push({ field: v1, confidence: 1, reason: `"${header}" is the plan workbook's own header for it` });
  for (const syn of vocabulary.synonyms) {
    if (syn.names.includes(h)) out.push({ field: syn.field, confidence: syn.confidence, reason: `"${header}" is a usual name for this column` });
  }
  if (looksLikeLabel(h)) {
    for (const men of vocabulary.mentions) {
      if (men.pattern.test(h)) out.push({ field: men.field, confidence: men.confidence, reason: `"${header}" mentions a word used for ${FIELD_HEADERS.get(men.field) ?? men.field}` });
    }
  }
  // best candidate per field, surest first
  const best = new Map<string, FieldCandidate>();
  for (const c of out) if (!best.has(c.field) || best.get(c.field)!.confidence < c.confidence) best.set(c.field, c);
  return [...best.values()].sort((a, b) => b.confidence - a.confidence);
}

/** The surest meaning of a header in either kind of table (for finding header rows). */
export function headerStrength(header: string): { actions: number; measures: number } {
  const best = (kind: TableKind) => headerCandidates(header, kind)[0]?.confidence ?? 0;
  return { actions: best("actions"), measures: best("measures") };
}
