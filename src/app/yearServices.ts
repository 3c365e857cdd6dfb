// The planning year for the task pane: sign off, record the quarter and a preview of the roll-forward,
// over the open workbook's port. Plain functions over the use cases; the pane only shows them.
import type { Framework } from "../model/framework";
import { recordedPeriods } from "../cycle/history";
import { rollForward } from "../cycle/rollForward";
import { CYCLE_SHEETS } from "../cycle/sheet";
import { UPDATE_COLUMNS } from "../model/plan";
import { SHEETS, TABLES } from "../workbook/names";
import type { ReadRequest, WorkbookPort } from "../workbook/port";
import { openPlan, planOf, returnSettings } from "./plan";
import { recordQuarter } from "./recordQuarter";
import { signOffWorkbook } from "./signOff";

/**
 * What the year view shows, no more: the plan's details, who signed it off and when (the Sign-off
 * sheet; the frozen values are not read, so the plan's sign-off reads without them) and the periods
 * in the Updates table. The items' tables by their headers only: a plan is read as one with them.
 */
const YEAR_STATE_READ: ReadRequest = {
  sheets: [SHEETS.plan, SHEETS.settings, CYCLE_SHEETS.signOff],
  tables: [
    { name: TABLES.actions, columns: [] },
    { name: TABLES.measures, columns: [] },
    { name: TABLES.register, columns: [] },
    { name: TABLES.updates, columns: [UPDATE_COLUMNS[0].meta.header] },
  ],
};

export function yearServices(port: WorkbookPort, fileName: string, framework: () => Framework, today: () => Date) {
  const isoToday = () => today().toISOString().slice(0, 10);
  return {
    /** Two syncs inside Excel whatever the plan's size: one update() that reads what the view shows and writes nothing. */
    yearState: () =>
      port.update(YEAR_STATE_READ, (snapshot) => {
        const open = planOf(snapshot, fileName);
        const s = open.plan.cycle?.signOff;
        const updates = snapshot.tables.find((t) => t.name.toLowerCase() === TABLES.updates.toLowerCase());
        return { edits: [], result: { planYear: open.plan.details.planYear, signedOff: s ? { by: s.by, role: s.role, on: s.on } : null, recorded: updates ? recordedPeriods(updates) : [] } };
      }),
    async signOff(request: { by: string; role: string; on: string }) {
      const r = await signOffWorkbook(port, { fileName, ...request });
      return { frozen: r.signOff.values.length, recordLine: r.recordLine };
    },
    recordQuarter: (request: { period: string; by: string; replace: boolean }) =>
      recordQuarter(port, { fileName, period: request.period, updatedBy: request.by, updatedOn: isoToday(), replace: request.replace }),
    async previewRollForward(year: string) {
      const open = await openPlan(port, fileName);
      return rollForward(open.plan, returnSettings(open, framework()), year).summary;
    },
  };
}
