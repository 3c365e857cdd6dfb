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
    .regex(/^\d{4}\/\d{2}$/, "plan year like 2024/25"),
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

/** Parses framework JSON text; errors name the file and the field. */
export function parseFramework(jsonText: string, file = "framework"): Framework {
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const result = frameworkSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`).join("; ");
    throw new Error(`${file}: framework is not valid: ${issues}`);
  }
  return result.data;
}
