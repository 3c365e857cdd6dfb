// Rules register themselves: each rule file defines its rule with defineRule, and src/rules/index.ts
// imports each file once (one line per rule). The action, measure, owner and plan lists all derive
// from the one list kept here, in registration order (the order findings are listed in).
import type { Rule } from "./types";

const registered: Rule[] = [];

/** Adds a rule to the checker; returns it so the file can still export it by name. */
export function defineRule<R extends Rule>(rule: R): R {
  // A module loaded again (hot reload in the dev server) replaces its earlier self rather than adding a twin.
  const at = registered.findIndex((r) => r.id === rule.id);
  if (at >= 0) registered[at] = rule;
  else registered.push(rule);
  return rule;
}

/** Every rule registered so far, in registration order. */
export function registeredRules(): readonly Rule[] {
  return registered;
}
