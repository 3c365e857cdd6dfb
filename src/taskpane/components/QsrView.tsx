// QSR: what the exceptions still need before the quarterly return can go, the export, and for the
// BI team, collecting many returns into one roll-up.
import * as React from "react";
import { Button, Field, Select, Spinner } from "@fluentui/react-components";
import type { CollectedReturns, ExportedFile, PaneServices, QsrGap } from "../paneModel";
import { readFileBytes, saveFile } from "../download";
import { FilePicker } from "./FilePicker";
import { ErrorNote } from "./ErrorNote";
import { RejectsTable } from "./RejectsTable";
import { useTask } from "./useTask";

interface Props {
  services: Pick<PaneServices, "reportingQuarters" | "qsrGaps" | "exportReturn" | "collectReturns" | "selectCell">;
  /** How a produced file reaches the user (download, or a new workbook on Mac); may resolve to what to tell them. */
  save?: (file: ExportedFile) => unknown;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function QsrView({ services, save = saveFile }: Props): React.JSX.Element {
  const task = useTask();
  const [period, setPeriod] = React.useState<string>("");
  const [options, setOptions] = React.useState<string[]>([]);
  const [gaps, setGaps] = React.useState<QsrGap[] | null>(null);
  const [exported, setExported] = React.useState<string | null>(null);
  const [collected, setCollected] = React.useState<CollectedReturns | null>(null);

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

  const collect = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    void task.run(async () => {
      const list = await Promise.all(Array.from(files).map(async (f) => ({ name: f.name, bytes: await readFileBytes(f) })));
      setCollected(await services.collectReturns(list));
    });
  };

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
            <ul>
              {gaps.map((g) => (
                <li key={`${g.sheet}!${g.cell}`}>
                  <Button size="small" appearance="subtle" onClick={() => void services.selectCell(g.sheet, g.cell)}>
                    {g.itemId} ({g.sheet}!{g.cell})
                  </Button>{" "}
                  {g.message}
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
      <h3>BI team: collect returns</h3>
      <Field label="Choose the returns to collect" hint="Pick many xlsx or JSON returns; you get one corporate roll-up.">
        {(props) => <FilePicker field={props} multiple accept=".xlsx,.json" onFiles={collect} />}
      </Field>
      {collected && (
        <section aria-labelledby="rollup-heading">
          <h4 id="rollup-heading">Roll-up{collected.period ? ` for ${collected.period}` : ""}</h4>
          <p role="status">
            {plural(collected.counts.returns, "return")} collected: {plural(collected.counts.measures, "measure")}, {plural(collected.counts.actions, "action")},{" "}
            {plural(collected.counts.exceptions, "exception")}; {collected.rejects.length} rejected
            {collected.counts.missing > 0 ? `; ${collected.counts.missing} expected returns missing` : ""}.
          </p>
          <Button
            appearance="primary"
            onClick={() =>
              void task.run(async () => {
                const said = await save(collected.file);
                setExported(typeof said === "string" ? said : `Saved ${collected.file.fileName}.`);
              })
            }
          >
            Download {collected.file.fileName}
          </Button>
          <RejectsTable rejects={collected.rejects} />
        </section>
      )}
    </section>
  );
}
