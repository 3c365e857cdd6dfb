import type { ActionRule } from "../types";
import { defineRule } from "../registry";

/** People a council serves: an outcome promised for every one of them in a year is rarely achievable. */
const EVERYONE =
  /(?:^|[^a-z])(?:100% of|every|all)(?: the| our)? (?:residents?|people|children|child|pupils?|young people|households?|famil(?:y|ies)|adults|older people|tenants|carers|businesses)(?![a-z])/;
/** Verbs that promise an outcome rather than a service: "Ensure every child...", "Get 100% of residents...". */
const OUTCOME_OPENING = /^(?:ensure|get|make|achieve|guarantee)(?![a-z])/;
/** Ending a social problem outright. */
const ERADICATE =
  /^(?:eliminate|eradicate|end)\s+(?:all\s+)?(?:rough sleeping|homelessness|poverty|child poverty|fuel poverty|loneliness|food poverty|hunger|crime|anti-social behaviour|fly-tipping|waiting lists?)(?![a-z])/;

/** Achievable: "Ensure every child reads at the expected standard" or "Eliminate rough sleeping" in one plan year. */
defineRule<ActionRule>({
  scope: "action",
  id: "absolute-target",
  criterion: "Achievable",
  severity: "warning",
  title: "Absolute target",
  hint: 'Set a stretching but reachable amount for this year (e.g. "from 72% to 80%"), and keep the absolute aim as the long-term ambition in the intended outcome.',
  check: (_a, _facts, _ctx, text) => {
    const opening = text.opening;
    const absolute = (OUTCOME_OPENING.test(opening) && EVERYONE.exec(text.lower)) || ERADICATE.exec(opening);
    if (!absolute) return null;
    return {
      field: "action",
      message: `Promises "${absolute[0].trim()}" within one plan year, which is rarely achievable: set this year's step towards it, e.g. "from [now] to [target] by 31 March".`,
    };
  },
});
