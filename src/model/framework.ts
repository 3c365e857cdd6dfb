// The council's framework: a small JSON file the BI team hands to every service.
import { z } from "zod";

export const toleranceSchema = z.object({
  /** A miss of up to this % of |target| is still Green (default 0: Green means met). */
  greenWithin: z.number().min(0).default(0),
  /** A miss of up to this % of |target| is Amber; more is Red (default 5). */
  amberWithin: z.number().min(0).default(5),
});
export type Tolerances = z.infer<typeof toleranceSchema>;

export const frameworkSchema = z.object({
  formatVersion: z.literal(1).default(1),
  council: z.string().trim().min(1),
  planYear: z
    .string()
    .trim()
    .regex(/^\d{4}\/\d{2}$/, "should be written like 2024/25"),
  corporatePlan: z.string().trim().default("Corporate Plan"),
  priorities: z.array(z.object({ id: z.string().trim().min(1), title: z.string().trim().min(1), description: z.string().default("") })).min(1),
  transformationProgrammes: z.array(z.object({ id: z.string().trim().min(1), title: z.string().trim().min(1) })).default([]),
  directorates: z.array(z.object({ id: z.string().trim().min(1), name: z.string().trim().min(1), services: z.array(z.string()).default([]) })).default([]),
  tolerances: toleranceSchema.default({ greenWithin: 0, amberWithin: 5 }),
  /** An action whose expected date is this many months or more past its approved due date has slipped "more than 3 months". */
  slippageMonths: z.number().int().min(1).max(24).default(3),
  /**
   * Settings for the SMART and golden-thread checks, parsed by src/rules/settings.ts: rules switched off or
   * re-graded, thresholds, extra words, `personalNames` (a post alone is not enough) and `teamPlansExpected`.
   */
  checks: z.record(z.string(), z.unknown()).default({}),
});
export type Framework = z.infer<typeof frameworkSchema>;

export const DEFAULT_TOLERANCES: Tolerances = { greenWithin: 0, amberWithin: 5 };
export const DEFAULT_SLIPPAGE_MONTHS = 3;

/** What each field of the framework is called in messages: people edit this file by hand. */
const FIELD_WORDS: Record<string, string> = {
  formatVersion: "the file's version number (formatVersion)",
  council: "the council's name",
  planYear: "the plan year",
  corporatePlan: "the corporate plan's name",
  priorities: "the list of priorities",
  transformationProgrammes: "the list of transformation programmes",
  directorates: "the list of directorates",
  tolerances: "the tolerances",
  greenWithin: "the Green within % tolerance",
  amberWithin: "the Amber within % tolerance",
  slippageMonths: "the slippage months",
  checks: "the check settings",
  id: "ID",
  title: "title",
  description: "description",
  name: "name",
  services: "list of services",
};
const ITEM_WORDS: Record<string, string> = { priorities: "priority", transformationProgrammes: "transformation programme", directorates: "directorate", services: "service" };

/** ["priorities", 2, "title"] -> "priority 3's title"; ["tolerances", "amberWithin"] -> "the Amber within % tolerance". */
export function fieldInWords(path: readonly PropertyKey[]): string {
  let words = "";
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = path[i + 1];
    if (typeof key === "number") continue;
    const name = String(key);
    if (typeof next === "number") {
      const item = `${ITEM_WORDS[name] ?? name} ${next + 1}`;
      words = words ? `${words}'s ${item}` : item;
    } else if (words === "" || path[i - 1] === "tolerances") words = FIELD_WORDS[name] ?? name;
    else words = `${words}'s ${FIELD_WORDS[name] ?? name}`;
  }
  return words || "the file";
}

/** A value as found in the file, short enough for a message. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value !== null && typeof value === "object") return "a group of fields";
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const KIND_WORDS: Record<string, string> = { string: "text", number: "a number", int: "a whole number", array: "a list", object: "a group of fields in { }", boolean: "true or false" };

/** One zod issue in plain words: what is wrong with which field, and what was found. */
function issueInWords(issue: z.core.$ZodIssue, raw: unknown): string {
  const field = fieldInWords(issue.path);
  const found = issue.path.reduce<unknown>((v, k) => (v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined), raw);
  const was = found === undefined ? "" : ` (found ${shown(found)})`;
  switch (issue.code) {
    case "invalid_type":
      if (issue.path.length === 0) return `the file should hold one JSON object, { ... }, with the council, plan year and priorities${was}`;
      if (found === undefined) return `${field} is missing`;
      return `${field} should be ${KIND_WORDS[issue.expected] ?? issue.expected}${was}`;
    case "too_small":
      if (issue.origin === "string") return `${field} is empty`;
      if (issue.origin === "array") return `${field} needs at least ${issue.minimum === 1 ? "one entry" : `${issue.minimum} entries`}`;
      return `${field} should be at least ${issue.minimum}${was}`;
    case "too_big":
      return `${field} should be at most ${issue.maximum}${was}`;
    case "invalid_value":
      return `${field} should be ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}${was}`;
    case "invalid_format":
      return `${field} ${issue.message}${was}`;
    default:
      return `${field}: ${issue.message}`;
  }
}

/** Parses framework JSON text; errors name the file and each wrong field in plain words. */
export function parseFramework(jsonText: string, file = "framework"): Framework {
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const result = frameworkSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => issueInWords(i, raw));
    const listed = issues.slice(0, 6).join("; ") + (issues.length > 6 ? `; and ${issues.length - 6} more` : "");
    throw new Error(`${file}: the framework needs fixing: ${listed}.`);
  }
  return result.data;
}
