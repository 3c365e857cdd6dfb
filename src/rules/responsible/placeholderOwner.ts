import type { ActionRule } from "../types";
import { str } from "../text/dates";
import { ownerKey } from "./ownerNames";

/** Responsible: "TBC", "All", "Various" name nobody, so nobody is accountable. */
export const placeholderOwner: ActionRule = {
  scope: "action",
  id: "placeholder-owner",
  criterion: "Responsible",
  severity: "error",
  title: "Placeholder lead officer",
  hint: "Replace it with the name of the one officer accountable; if the post is vacant, name who covers it.",
  check: (a, _t, ctx) => {
    const owner = str(a.leadOfficer).trim();
    if (owner === "") return null;
    const key = ownerKey(owner);
    const firstWord = key.split(" ")[0];
    const placeholder = ctx.settings.nonPersonOwnerSet.has(key) || firstWord === "tbc" || firstWord === "tba" || firstWord === "tbd";
    return placeholder ? { field: "leadOfficer", message: `"${owner}" does not name an accountable officer.` } : null;
  },
};
