// For the BI team: collect the services' returns into one roll-up workbook, and build the quarter's
// Corporate Plan Overview Report from them, with earlier roll-ups for the trend and what changed, and
// the measure register for names and comparators. The pane shows the roll-up's counts and each
// priority's headline; the files themselves are downloaded.
import * as React from "react";
import { Button, Field, Spinner } from "@fluentui/react-components";
import type { CollectedReturns, CorporateReportResult, ExportedFile, PaneServices } from "../paneModel";
import { readFileBytes, saveFile } from "../download";
import { ErrorNote } from "./ErrorNote";
import { FilePicker } from "./FilePicker";
import { RejectsTable } from "./RejectsTable";
import { useTask } from "./useTask";

interface Props {
  services: Pick<PaneServices, "corporateReport" | "collectReturns">;
  save?: (file: ExportedFile) => unknown;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function ReportView({ services, save = saveFile }: Props): React.JSX.Element {
  const task = useTask();
  const [returns, setReturns] = React.useState<File[]>([]);
  const [previous, setPrevious] = React.useState<File[]>([]);
  const [register, setRegister] = React.useState<File | null>(null);
  const [result, setResult] = React.useState<CorporateReportResult | null>(null);
  const [collected, setCollected] = React.useState<CollectedReturns | null>(null);
  const [saved, setSaved] = React.useState<string | null>(null);

  const collect = () =>
    task.run(async () => {
      // One answer on screen at a time: the roll-up or the report.
      setResult(null);
      setCollected(null);
      setSaved(null);
      setCollected(await services.collectReturns(await Promise.all(returns.map(async (f) => ({ name: f.name, bytes: await readFileBytes(f) })))));
    });

  const build = () =>
    task.run(async () => {
      setResult(null);
      setCollected(null);
      setSaved(null);
      const text = async (f: File) => ({ name: f.name, text: new TextDecoder().decode(await readFileBytes(f)) });
      setResult(
        await services.corporateReport({
          returns: await Promise.all(returns.map(async (f) => ({ name: f.name, bytes: await readFileBytes(f) }))),
          previous: await Promise.all(previous.map(text)),
          register: register ? await text(register) : undefined,
        }),
      );
    });

  const download = (file: ExportedFile) =>
    task.run(async () => {
      const said = await save(file);
      setSaved(typeof said === "string" ? said : `Saved ${file.fileName}.`);
    });

  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">Collect and report</h2>
      <p>For the BI team: the services' returns collected into one roll-up, and the quarter's Corporate Plan Overview Report for ELT, Cabinet and Overview &amp; Scrutiny.</p>
      <Field label="Returns (xlsx or JSON)" hint="Pick many returns; drafts are listed and left out of the report.">
        {(props) => <FilePicker field={props} multiple accept=".xlsx,.json" onFiles={(f) => setReturns(Array.from(f ?? []))} />}
      </Field>
      <Field label="Earlier roll-ups this year (optional)" hint="The roll-up JSON from earlier quarters: the trend and what changed since last quarter.">
        {(props) => <FilePicker field={props} multiple accept=".json" onFiles={(f) => setPrevious(Array.from(f ?? []))} />}
      </Field>
      <Field label="Measure register (optional)" hint="The BI team's register JSON: measure names and comparator values.">
        {(props) => <FilePicker field={props} accept=".json" onFiles={(f) => setRegister(f?.[0] ?? null)} />}
      </Field>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap", marginTop: 8 }}>
        <Button appearance="primary" disabled={task.busy || returns.length === 0} onClick={() => void build()}>
          Build the report
        </Button>
        <Button disabled={task.busy || returns.length === 0} onClick={() => void collect()}>
          Collect into a roll-up
        </Button>
      </div>
      {task.busy && <Spinner size="tiny" label="Working…" />}
      <ErrorNote error={task.error} />
      {saved && <p role="status">{saved}</p>}
      {collected && (
        <section aria-labelledby="rollup-heading">
          <h3 id="rollup-heading">Roll-up{collected.period ? ` for ${collected.period}` : ""}</h3>
          <p role="status">
            {plural(collected.counts.returns, "return")} collected: {plural(collected.counts.measures, "measure")}, {plural(collected.counts.actions, "action")},{" "}
            {plural(collected.counts.exceptions, "exception")}; {collected.rejects.length} rejected
            {collected.counts.missing > 0 ? `; ${plural(collected.counts.missing, "expected return")} missing` : ""}.
          </p>
          <Button appearance="primary" onClick={() => void download(collected.file)}>
            Download {collected.file.fileName}
          </Button>
          <RejectsTable rejects={collected.rejects} />
        </section>
      )}
      {result && (
        <section aria-labelledby="report-result-heading">
          <h3 id="report-result-heading">{result.period}</h3>
          <p role="status">
            {plural(result.returns, "return")} in the report
            {result.draftsLeftOut.length > 0 ? `; ${plural(result.draftsLeftOut.length, "draft")} left out (${result.draftsLeftOut.join(", ")})` : ""}
            {result.rejects.length > 0 ? `; ${result.rejects.length} rejected` : ""}
            {result.dataQuality > 0 ? `; ${plural(result.dataQuality, "data-quality finding")}` : ""}.
          </p>
          <table aria-label="Each priority this quarter">
            <thead>
              <tr>
                <th scope="col">Priority</th>
                <th scope="col">Red</th>
                <th scope="col">Amber</th>
                <th scope="col">Green</th>
                <th scope="col">Exceptions</th>
                <th scope="col">Slipped over 3 months</th>
              </tr>
            </thead>
            <tbody>
              {result.priorities.map((p) => (
                <tr key={p.id}>
                  <th scope="row" style={{ textAlign: "left", fontWeight: "normal" }}>
                    {p.id}: {p.title}
                    {p.measures === 0 ? " (no measures reported)" : ""}
                  </th>
                  <td>{p.red}</td>
                  <td>{p.amber}</td>
                  <td>{p.green}</td>
                  <td>{p.exceptions}</td>
                  <td>{p.slipped}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div style={{ display: "flex", gap: 8, flexWrap: "wrap", marginTop: 8 }}>
            <Button appearance="primary" onClick={() => void download(result.html)}>
              Download the report (HTML)
            </Button>
            <Button onClick={() => void download(result.workbook)}>Download the workbook</Button>
          </div>
          <RejectsTable rejects={result.rejects} />
        </section>
      )}
    </section>
  );
}
