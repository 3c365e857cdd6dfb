import type { OwnerRule } from "../types";
import { defineRule } from "../registry";

/** Responsible: for councils that ask for personal names (checks.personalNames), a post alone is not enough. */
defineRule<OwnerRule>({
  scope: "owner",
  id: "role-as-owner",
  criterion: "Responsible",
  severity: "warning",
  title: "Post without the officer's name",
  hint: "Add the officer's name beside the post, e.g. \"Jane Smith (Head of Housing)\". (This council's framework asks for personal names.)",
  check: (owner, ctx) => {
    if (!ctx.settings.namesRequired || owner.namesPerson || (owner.kind !== "post" && owner.kind !== "generalPost")) return null;
    return `"${owner.text}" is a post; this council asks for the officer's name as well, e.g. "Jane Smith (${owner.text})".`;
  },
});
