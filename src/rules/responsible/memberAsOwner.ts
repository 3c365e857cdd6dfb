import type { OwnerRule } from "../types";
import { defineRule } from "../registry";

/** Responsible: a councillor sponsors the work politically, but an officer answers for delivering it. */
defineRule<OwnerRule>({
  scope: "owner",
  id: "member-as-owner",
  criterion: "Responsible",
  severity: "warning",
  title: "Elected member named as lead",
  hint: "Name the officer who delivers it (e.g. the Head of Service); the Cabinet Member can be mentioned in the action text.",
  check: (owner, _ctx, role) =>
    owner.kind === "member" ? `"${owner.text}" is an elected member, not an officer: name the ${role} who delivers it, e.g. the Head of Service reporting to them.` : null,
});
