import type { OwnerRule } from "../types";
import { defineRule } from "../registry";

const GROUP_ENDING = /\s+(?:team|teams|service|services|section|unit|division|department|dept|function|hub)$/i;
const PLURAL_POST = /\s+(?:officers|managers|leads|workers|practitioners|coordinators|co-ordinators|staff)$/i;

/** The post that most likely leads the group, in the user's own words: "Housing Options Team" -> "Housing Options Manager". */
function leadPostFor(group: string): string {
  const area = group
    .replace(/\([^)]*\)/g, "")
    .trim()
    .replace(GROUP_ENDING, "")
    .replace(PLURAL_POST, "")
    .trim();
  return area === "" || /^(?:service|team|all)$/i.test(area) ? "Head of Service (named in full)" : `${area} Manager`;
}

/** Responsible: a team, section or service cannot be held to account; one officer or post in it can. */
defineRule<OwnerRule>({
  scope: "owner",
  id: "team-as-owner",
  criterion: "Responsible",
  severity: "warning",
  title: "Team, section or service named as lead",
  hint: 'Name the one post or officer who answers for it (a post such as "Licensing Manager" is enough); the team can be mentioned in the action text.',
  check: (owner, _ctx, role) =>
    owner.kind === "group" ? `"${owner.text}" is a team, section or service, not one accountable ${role}: name the post that leads it, e.g. "${leadPostFor(owner.text)}".` : null,
});
