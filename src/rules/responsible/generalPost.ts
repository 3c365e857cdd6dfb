import type { OwnerRule } from "../types";
import { defineRule } from "../registry";

/** Responsible: "Manager" or "Service Manager" could be any of several officers. */
defineRule<OwnerRule>({
  scope: "owner",
  id: "general-post",
  criterion: "Responsible",
  severity: "warning",
  title: "Post too general to identify one officer",
  hint: 'Name the post in full, with its service, e.g. "Street Lighting Manager" rather than "Manager".',
  check: (owner, _ctx, role) => (owner.kind === "generalPost" ? `"${owner.text}" could be any of several officers; name the ${role}'s post in full, e.g. "Highways ${owner.text}".` : null),
});
