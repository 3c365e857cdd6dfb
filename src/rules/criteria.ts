// The names every part of the checker shares. A leaf module (it imports nothing), so types, settings
// and the rules can all use it without import cycles.

/** Sefton Appendix 3: SMART plus Responsibility, and the golden thread between plans. */
export const CRITERIA = ["Specific", "Measurable", "Achievable", "Relevant", "Time-bound", "Responsible", "Golden thread"] as const;
export type Criterion = (typeof CRITERIA)[number];

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];
