// QSR: what the exceptions still need before the quarterly return can go, and the export. Collecting
// many returns is the BI team's, in their own menu (ReportView), not here.
import * as React from "react";
import { Button, Field, Link, Select, Spinner } from "@fluentui/react-components";
import type { ExportedFile, PaneServices, QsrGap } from "../paneModel";
import { saveFile } from "../download";
import { aboutWhat } from "./CheckView";
import { ErrorNote } from "./ErrorNote";
import { useTask } from "./useTask";

interface Props {
  services: Pick<PaneServices, "reportingQuarters" | "qsrGaps" | "exportReturn" | "selectCell">;
  /** How a produced file reaches the user (download, or a new workbook on Mac); may resolve to what to tell them. */
  save?: (file: ExportedFile) => unknown;
}

export function QsrView({ services, save = saveFile }: Props): React.JSX.Element {
  const task = useTask();
  const [period, setPeriod] = React.useState<string>("");
  const [options, setOptions] = React.useState<string[]>([]);
  const [gaps, setGaps] = React.useState<QsrGap[] | null>(null);
  const [exported, setExported] = React.useState<string | null>(null);

  const loadGaps = React.useCallback((p: string) => task.run(async () => setGaps(await services.qsrGaps(p))), [services, task.run]);
  React.useEffect(() => {
    void task.run(async () => {
      const q = await services.reportingQuarters();
      setOptions(q.options);
      setPeriod(q.current);
      setGaps(await services.qsrGaps(q.current));
    });
  }, [services, task.run]);

  const exportAs = (format: "xlsx" | "json") =>
    task.run(async () => {
      const file = await services.exportReturn(period, format);
      const said = await save(file);
      setExported(typeof said === "string" ? said : `Saved ${file.fileName}.`);
    });

  return (
    <section aria-labelledby="qsr-heading">
      <h2 id="qsr-heading">Quarterly Service Report</h2>
      <Field label="Return for">
        <Select
          value={period}
          onChange={(_, d) => {
            setPeriod(d.value);
            void loadGaps(d.value);
          }}
        >
          {options.map((q) => (
            <option key={q}>{q}</option>
          ))}
        </Select>
      </Field>
      {task.busy && <Spinner size="tiny" label="Working…" />}
      <ErrorNote error={task.error} />
      {gaps && (
        <section aria-labelledby="gaps-heading">
          <h3 id="gaps-heading">What the exceptions need ({gaps.length})</h3>
          {gaps.length === 0 ? (
            <p>Every exception has its reason, corrective action and recovery date.</p>
          ) : (
            <ul style={{ paddingLeft: 16 }}>
              {/* As the check's findings: what it is about, its cell as a link, then what it needs. */}
              {gaps.map((g) => (
                <li key={`${g.sheet}!${g.cell}`} style={{ marginBottom: 6 }}>
                  <strong>{aboutWhat({ sheet: g.sheet, actionId: g.itemId })}</strong>{" "}
                  <Link as="button" onClick={() => void services.selectCell(g.sheet, g.cell)} aria-label={`Go to ${g.sheet}!${g.cell}`}>
                    {g.sheet}!{g.cell}
                  </Link>
                  <div>{g.message}</div>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <h3>Export the return</h3>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button appearance="primary" disabled={task.busy || !period} onClick={() => void exportAs("xlsx")}>
          Export return (xlsx)
        </Button>
        <Button disabled={task.busy || !period} onClick={() => void exportAs("json")}>
          Export return (JSON)
        </Button>
      </div>
      {exported && <p role="status">{exported}</p>}
    </section>
  );
}
