// Sefton Appendix 3: Contextual Indicators inform planning and carry no target, so the KPI quality
// checks apply to Key Results and Performance Indicators only.
import type { Measure } from "../../model/plan";

export const isContextual = (m: Pick<Measure, "type">) => m.type === "Contextual Indicator";
