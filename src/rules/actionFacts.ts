// What the rules need to know about one action, worked out once per check: its wording, its dates
// (only well-formed ones count) and who leads it. Rules read these instead of re-parsing the row.
import type { IsoDate } from "../model/dates";
import type { Action } from "../model/plan";
import type { LinkVerdict } from "./goldenThread/linkCheck";
import { idKey } from "./goldenThread/parentIndex";
import type { OwnerReading } from "./responsible/ownerReading";
import { ActionText, analyseAction } from "./text/actionText";
import { str, validDate } from "./text/dates";

export interface ActionFacts extends ActionText {
  start: IsoDate | null;
  due: IsoDate | null;
  revised: IsoDate | null;
  /** When the action is now expected: the revised date if set, else the due date. */
  expected: IsoDate | null;
  /** The lead officer cell, read once. */
  owner: OwnerReading;
  /** The action ID, upper-cased and trimmed, as links compare it. */
  key: string;
  /** The verdict on each parent link, filled by the first link rule that needs it. */
  links: LinkVerdict[] | undefined;
}

export function actionFacts(a: Action, readOwner: (raw: string) => OwnerReading): ActionFacts {
  const text = analyseAction(str(a.action));
  const due = validDate(a.dueDate);
  const revised = validDate(a.revisedDueDate);
  // One literal with every field, so all facts objects share a shape.
  return {
    lower: text.lower,
    tokens: text.tokens,
    wordCount: text.wordCount,
    opening: text.opening,
    hasQuantity: text.hasQuantity,
    start: validDate(a.startDate),
    due,
    revised,
    expected: revised ?? due,
    owner: readOwner(str(a.leadOfficer)),
    key: idKey(str(a.id)),
    links: undefined,
  };
}
