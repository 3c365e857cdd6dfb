// The planning year for the task pane: sign off, record the quarter and a preview of the roll-forward,
// over the open workbook's port. Plain functions over the use cases; the pane only shows them.
import type { Framework } from "../model/framework";
import { recordedPeriods } from "../cycle/history";
import { rollForward } from "../cycle/rollForward";
import { TABLES } from "../workbook/names";
import type { WorkbookPort } from "../workbook/port";
import { openPlan, returnSettings } from "./plan";
import { recordQuarter } from "./recordQuarter";
import { signOffWorkbook } from "./signOff";

export function yearServices(port: WorkbookPort, fileName: string, framework: () => Framework, today: () => Date) {
  const isoToday = () => today().toISOString().slice(0, 10);
  return {
    async yearState() {
      const open = await openPlan(port, fileName);
      const s = open.plan.cycle?.signOff;
      const updates = open.snapshot.tables.find((t) => t.name.toLowerCase() === TABLES.updates.toLowerCase());
      return { planYear: open.plan.details.planYear, signedOff: s ? { by: s.by, role: s.role, on: s.on } : null, recorded: updates ? recordedPeriods(updates) : [] };
    },
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
