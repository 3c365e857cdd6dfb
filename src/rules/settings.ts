// The `checks` block of the council framework: which rules run, their thresholds and word lists.
// Defaults follow Sefton's framework (Appendix 3: SMART plus Responsibility; actions name one
// accountable officer, a timescale, an intended outcome and a measure of success).
import { z } from "zod";
import { SEVERITIES, Severity } from "./types";
import * as words from "./text/words";

const wordList = z.array(z.string().trim().min(1, "an empty word")).default([]);

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
    /** Some councils name roles ("Head of Housing") instead of people. */
    allowRoles: z.boolean().default(false),
    /** Extra words and phrases, added to the defaults. */
    verbs: wordList,
    vagueOpenings: wordList,
    weakVerbs: wordList,
    hedges: wordList,
    nonPersonOwners: wordList,
    teamWords: wordList,
    roleWords: wordList,
    ongoingWords: wordList,
  })
  .strict();

export type CheckSettings = z.infer<typeof checkSettingsSchema>;

export const DEFAULT_CHECK_SETTINGS: CheckSettings = checkSettingsSchema.parse({});

/** Settings with word lists compiled once into sets and regular expressions. */
export interface CompiledSettings extends CheckSettings {
  disabledSet: Set<string>;
  verbForms: Map<string, VerbForm>;
  nounLikeVerbs: Set<string>;
  followThroughVerbs: Set<string>;
  /** Matches a vague opening at the start of normalised action text. Each phrase regex captures the phrase as group 1. */
  vagueOpening: RegExp;
  weakOpening: RegExp;
  hedge: RegExp;
  ongoing: RegExp;
  nonPersonOwnerSet: Set<string>;
  teamWord: RegExp;
  roleWord: RegExp;
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

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const lower = (list: readonly string[]) => list.map((w) => w.toLowerCase().trim()).filter((w) => w !== "");

/**
 * One alternation of every phrase, longest first, so "continue to" wins over "continue"; letters may not
 * run on either side. The phrase found is group 1: the letter test before it consumes a character rather
 * than looking behind, which lets the engine scan for the phrases' first letters (twice as fast).
 */
function phraseRegex(list: readonly string[], anchored: boolean): RegExp {
  const alternatives = [...new Set(lower(list))].sort((a, b) => b.length - a.length).map(escapeRegex);
  return new RegExp(`${anchored ? "^" : "(?:^|[^a-z])"}(${alternatives.join("|")})(?![a-z])`, "i");
}

export type VerbKind = "base" | "s" | "ed" | "ing";
export interface VerbForm {
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

type WordParts = Pick<CompiledSettings, "verbForms" | "nounLikeVerbs" | "followThroughVerbs" | "vagueOpening" | "weakOpening" | "hedge" | "ongoing" | "nonPersonOwnerSet" | "teamWord" | "roleWord">;

// Compiling word lists costs a few milliseconds (hundreds of verb forms), so each set of lists compiles once.
const compiledWords = new Map<string, WordParts>();

export function compileSettings(settings: CheckSettings): CompiledSettings {
  const lists = [settings.verbs, settings.vagueOpenings, settings.weakVerbs, settings.hedges, settings.nonPersonOwners, settings.teamWords, settings.roleWords, settings.ongoingWords];
  const key = JSON.stringify(lists);
  let parts = compiledWords.get(key);
  if (!parts) {
    parts = compileWords(settings);
    if (compiledWords.size >= 16) compiledWords.delete(compiledWords.keys().next().value as string);
    compiledWords.set(key, parts);
  }
  return { ...settings, ...parts, disabledSet: new Set(settings.disabled), severityOf: (ruleId, fallback) => settings.severity[ruleId] ?? fallback };
}

function compileWords(settings: CheckSettings): WordParts {
  const verbForms = new Map<string, VerbForm>();
  const bases = [...words.COUNCIL_VERBS, ...settings.verbs];
  // Base forms first: a word that is both a base and another form ("set") counts as the base.
  for (const v of bases) verbForms.set(v.toLowerCase().trim(), { base: v.toLowerCase().trim(), kind: "base" });
  for (const v of bases) for (const [form, kind] of verbFormsOf(v.trim())) if (!verbForms.has(form)) verbForms.set(form, { base: v.toLowerCase().trim(), kind });
  for (const [form, base] of Object.entries(words.IRREGULAR_FORMS)) if (!verbForms.has(form)) verbForms.set(form, { base, kind: "ed" });
  return {
    verbForms,
    nounLikeVerbs: new Set(lower(words.NOUN_LIKE_VERBS)),
    followThroughVerbs: new Set(lower(words.FOLLOW_THROUGH_VERBS)),
    vagueOpening: phraseRegex([...words.VAGUE_OPENINGS, ...settings.vagueOpenings], true),
    weakOpening: phraseRegex([...words.WEAK_VERBS, ...settings.weakVerbs], true),
    hedge: phraseRegex([...words.HEDGES, ...settings.hedges], false),
    ongoing: phraseRegex([...words.ONGOING_WORDS, ...settings.ongoingWords], false),
    nonPersonOwnerSet: new Set(lower([...words.NON_PERSON_OWNERS, ...settings.nonPersonOwners])),
    teamWord: phraseRegex(lower([...words.TEAM_WORDS, ...settings.teamWords]), false),
    roleWord: phraseRegex(lower([...words.ROLE_WORDS, ...settings.roleWords]), false),
  };
}
