// What the rules need to know about one action, worked out once per check: its dates (only
// well-formed ones count), who leads it and its ID. Rules read these instead of re-parsing the row.
// Its wording (ActionText) is read separately, one action at a time, while that action's rules run.
import type { IsoDate } from "../model/dates";
import { idKey, LinkVerdict } from "./goldenThread/parentIndex";
import type { OwnerReading } from "./responsible/ownerReading";
import type { ActionRow } from "./rows";
import { str, validDate } from "./text/dates";

export interface ActionFacts {
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
  links: readonly LinkVerdict[] | undefined;
}

export function actionFacts(a: ActionRow, readOwner: (raw: string) => OwnerReading): ActionFacts {
  const due = validDate(a.dueDate);
  const revised = validDate(a.revisedDueDate);
  // One literal with every field, so all facts objects share a shape.
  return {
    start: validDate(a.startDate),
    due,
    revised,
    expected: revised ?? due,
    owner: readOwner(str(a.leadOfficer)),
    key: idKey(str(a.id)),
    links: undefined,
  };
}
