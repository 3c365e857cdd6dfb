import type { OwnerRule } from "../types";
import { defineRule } from "../registry";

/** Responsible: two names means each can assume the other has it. */
defineRule<OwnerRule>({
  scope: "owner",
  id: "shared-ownership",
  criterion: "Responsible",
  severity: "warning",
  title: "Several lead officers",
  hint: "Name one lead; mention partners or co-leads in the action text.",
  check: (owner, _ctx, role) => (owner.coOwners ? `${owner.coOwners.length} leads are named (${owner.coOwners.join(", ")}); one ${role} should be accountable, e.g. "${owner.coOwners[0]}".` : null),
});
