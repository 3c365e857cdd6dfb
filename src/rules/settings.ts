// The `checks` block of the council framework: which rules run, their thresholds and word lists.
// Defaults follow Sefton's framework (Appendix 3: SMART plus Responsibility; actions name one
// accountable officer, a timescale, an intended outcome and a measure of success).
//
// Each word list is declared once, in WORD_LISTS (its key, its default words, how it compiles): the
// schema, the compiled settings and the compile cache key all follow from that table, so adding a
// list is one line there.
import { z } from "zod";
import { SEVERITIES, Severity } from "./criteria";
import * as words from "./text/words";

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const lower = (list: readonly string[]) => list.map((w) => w.toLowerCase().trim()).filter((w) => w !== "");

/**
 * One alternation of every phrase, longest first, so "continue to" wins over "continue"; letters may not
 * run on either side. The phrase found is group 1: the letter test before it consumes a character rather
 * than looking behind, which lets the engine scan for the phrases' first letters (twice as fast).
 */
function phraseRegex(list: readonly string[], anchored: boolean): RegExp {
  const alternatives = [...new Set(lower(list))].sort((a, b) => b.length - a.length).map(escapeRegex);
  // An empty list matches nothing (an empty alternation would match everywhere).
  if (alternatives.length === 0) return /(?!)/;
  return new RegExp(`${anchored ? "^" : "(?:^|[^a-z])"}(${alternatives.join("|")})(?![a-z])`, "i");
}

/** How a word list compiles. */
const phrasesAnywhere = (list: readonly string[]) => phraseRegex(list, false);
const phrasesAtStart = (list: readonly string[]) => phraseRegex(list, true);
const wordSet = (list: readonly string[]): ReadonlySet<string> => new Set(lower(list));

type VerbKind = "base" | "s" | "ed" | "ing";
interface VerbForm {
  base: string;
  kind: VerbKind;
}

/** All the forms of a base verb a plan might use: deliver, delivers, delivered, delivering. */
export function verbFormsOf(base: string): [string, VerbKind][] {
  const b = base.toLowerCase();
  const forms: [string, VerbKind][] = [[b, "base"]];
  const last = b[b.length - 1];
  const consonantY = /[^aeiou]y$/.test(b);
  forms.push([/(s|x|z|ch|sh)$/.test(b) ? `${b}es` : consonantY ? `${b.slice(0, -1)}ies` : `${b}s`, "s"]);
  if (last === "e") forms.push([`${b}d`, "ed"], [/(ee|ye|oe)$/.test(b) ? `${b}ing` : `${b.slice(0, -1)}ing`, "ing"]);
  else if (consonantY) forms.push([`${b.slice(0, -1)}ied`, "ed"], [`${b}ing`, "ing"]);
  else forms.push([`${b}ed`, "ed"], [`${b}ing`, "ing"]);
  // Consonant-vowel-consonant endings may double (plan -> planned, commit -> committed, label -> labelled).
  if (/[^aeiou][aeiou][^aeiouwxy]$/.test(b)) forms.push([`${b}${last}ed`, "ed"], [`${b}${last}ing`, "ing"]);
  return forms;
}

/** Every form of every verb, mapped to its base. */
function verbForms(bases: readonly string[]): ReadonlyMap<string, VerbForm> {
  const forms = new Map<string, VerbForm>();
  // Base forms first: a word that is both a base and another form ("set") counts as the base.
  for (const v of lower(bases)) forms.set(v, { base: v, kind: "base" });
  for (const v of lower(bases)) for (const [form, kind] of verbFormsOf(v)) if (!forms.has(form)) forms.set(form, { base: v, kind });
  for (const [form, base] of Object.entries(words.IRREGULAR_FORMS)) if (!forms.has(form)) forms.set(form, { base, kind: "ed" });
  return forms;
}

interface WordList<T> {
  /** The words every council gets. */
  defaults: readonly string[];
  /** Turns defaults plus the council's extra words into what the rules use. */
  compile(list: readonly string[]): T;
}
const list = <T>(defaults: readonly string[], compile: (list: readonly string[]) => T): WordList<T> => ({ defaults, compile });

/** Every word list a council may extend, declared once. Extra words in the framework are added to the defaults. */
export const WORD_LISTS = {
  /** Verbs councils use to say what will be done (base forms; other forms are derived). */
  verbs: list(words.COUNCIL_VERBS, verbForms),
  /** Openings that promise effort, not a result. */
  vagueOpenings: list(words.VAGUE_OPENINGS, phrasesAtStart),
  /** Openings that are vague unless the action states how much. */
  weakVerbs: list(words.WEAK_VERBS, phrasesAtStart),
  /** Verbs that set a direction ("Increase", "Reduce"): specific only with an amount. */
  aimVerbs: list(words.AIM_VERBS, wordSet),
  /** Objects that name no particular thing ("the transformation programme"). */
  vagueObjects: list(words.VAGUE_OBJECTS, wordSet),
  /** Words and phrases that take the commitment back. */
  hedges: list(words.HEDGES, phrasesAnywhere),
  /** Owners that name nobody ("TBC", "Various"). */
  nonPersonOwners: list(words.NON_PERSON_OWNERS, wordSet),
  /** Words that make an owner a group ("Team", "Services"). */
  teamWords: list(words.TEAM_WORDS, phrasesAnywhere),
  /** Words that make an owner a post ("Head", "Manager"). */
  roleWords: list(words.ROLE_WORDS, phrasesAnywhere),
  /** Words that make an owner an elected member ("Cabinet Member"), not an officer. */
  memberWords: list(words.MEMBER_WORDS, phrasesAnywhere),
  /** Words of service and section names ("Licensing", "Public Health") that look like a person's name. */
  serviceWords: list(words.SERVICE_WORDS, wordSet),
  /** Posts too general to identify one officer ("Manager", "Service Manager"), matched against the whole cell. */
  generalPosts: list(words.GENERAL_POSTS, wordSet),
  /** Timescales that never end ("Ongoing"). */
  ongoingWords: list(words.ONGOING_WORDS, phrasesAnywhere),
};

type WordListKey = keyof typeof WORD_LISTS;
export const WORD_LIST_KEYS = Object.keys(WORD_LISTS) as WordListKey[];
/** What each list compiles to, under the list's own key. */
export type CompiledWords = { [K in WordListKey]: ReturnType<(typeof WORD_LISTS)[K]["compile"]> };

const wordListSchema = z.array(z.string().trim().min(1, "an empty word")).default([]);
const wordListShape = Object.fromEntries(WORD_LIST_KEYS.map((k) => [k, wordListSchema])) as { [K in WordListKey]: typeof wordListSchema };

export const checkSettingsSchema = z
  .object({
    /** Rule IDs the council does not use, e.g. ["role-as-owner"]. */
    disabled: z.array(z.string().trim().min(1)).default([]),
    /** Per-rule severity, e.g. { "no-milestone": "info" }. */
    severity: z.record(z.string(), z.enum(SEVERITIES)).default({}),
    /** An action with fewer words than this is too short to be specific. */
    minWords: z.number().int().min(1).max(30).default(4),
    /** More actions than this due in one quarter for one officer is not achievable. */
    maxActionsPerOwnerPerQuarter: z.number().int().min(1).default(5),
    /** When this share of dated actions or more share one due date, dates were not really set. */
    sameDateShare: z.number().gt(0).max(1).default(0.6),
    /** ... counted only in plans with at least this many dated actions. */
    sameDateMinActions: z.number().int().min(2).default(5),
    /** Actions running this many months or more need a milestone or revised date. */
    longActionMonths: z.number().int().min(1).max(60).default(12),
    /**
     * A post that identifies one officer ("Head of Planning") is accountable, as posts outlive post holders.
     * A council that wants a person's name as well switches this on.
     */
    personalNames: z.boolean().default(false),
    /** The older form of personalNames: `allowRoles: false` asks for personal names. */
    allowRoles: z.boolean().optional(),
    /** Team plans are expected under every Operational plan; when false (Sefton: optional), an Operational action with no Team action is not reported. */
    teamPlansExpected: z.boolean().default(false),
    /** Extra words and phrases, added to the defaults. */
    ...wordListShape,
  })
  .strict();

export type CheckSettings = z.infer<typeof checkSettingsSchema>;

export const DEFAULT_CHECK_SETTINGS: CheckSettings = checkSettingsSchema.parse({});

/** Settings with word lists compiled once into sets and regular expressions. */
export interface CompiledSettings extends CheckSettings {
  disabledSet: Set<string>;
  /** Whether a post alone is not enough: personalNames, or the older allowRoles: false. */
  namesRequired: boolean;
  /** Each word list, defaults plus the council's words, compiled. */
  words: CompiledWords;
  severityOf(ruleId: string, fallback: Severity): Severity;
}

/** Parses a framework's `checks` block; errors name the file and the setting. */
export function parseCheckSettings(raw: unknown, file = "framework", knownRuleIds?: readonly string[]): CheckSettings {
  const result = checkSettingsSchema.safeParse(raw ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((i) => `checks.${i.path.join(".") || "(block)"}: ${i.message}`).join("; ");
    throw new Error(`${file}: check settings are not valid: ${issues}`);
  }
  if (knownRuleIds) {
    const known = new Set(knownRuleIds);
    const unknown = [...result.data.disabled, ...Object.keys(result.data.severity)].filter((id) => !known.has(id));
    if (unknown.length > 0) throw new Error(`${file}: checks names rules that do not exist: ${unknown.join(", ")} (known: ${knownRuleIds.join(", ")})`);
  }
  return result.data;
}

/** The compile cache key: the council's extra words, list by list. */
export const wordsKey = (settings: CheckSettings): string => JSON.stringify(WORD_LIST_KEYS.map((k) => settings[k]));

// Compiling word lists costs a few milliseconds (hundreds of verb forms), so each set of lists compiles once.
const compiledWords = new Map<string, CompiledWords>();

export function compileSettings(settings: CheckSettings): CompiledSettings {
  const key = wordsKey(settings);
  let compiled = compiledWords.get(key);
  if (!compiled) {
    compiled = compileWords(settings);
    if (compiledWords.size >= 16) compiledWords.delete(compiledWords.keys().next().value as string);
    compiledWords.set(key, compiled);
  }
  return {
    ...settings,
    words: compiled,
    namesRequired: settings.personalNames || settings.allowRoles === false,
    disabledSet: new Set(settings.disabled),
    severityOf: (ruleId, fallback) => settings.severity[ruleId] ?? fallback,
  };
}

function compileWords(settings: CheckSettings): CompiledWords {
  const out: Record<string, unknown> = {};
  for (const k of WORD_LIST_KEYS) out[k] = (WORD_LISTS[k] as WordList<unknown>).compile([...WORD_LISTS[k].defaults, ...settings[k]]);
  return out as CompiledWords;
}
