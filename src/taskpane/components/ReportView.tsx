// For the BI team: the quarter's Corporate Plan Overview Report from the returns, with earlier roll-ups
// for the trend and what changed, and the measure register for names and comparators. The pane shows
// each priority's headline; the report itself is downloaded as an HTML page and a workbook.
import * as React from "react";
import { Button, Field, Spinner } from "@fluentui/react-components";
import type { CorporateReportResult, ExportedFile, PaneServices } from "../paneModel";
import { readFileBytes, saveFile } from "../download";
import { ErrorNote } from "./ErrorNote";
import { RejectsTable } from "./RejectsTable";
import { useTask } from "./useTask";

interface Props {
  services: Pick<PaneServices, "corporateReport">;
  save?: (file: ExportedFile) => unknown;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function ReportView({ services, save = saveFile }: Props): React.JSX.Element {
  const task = useTask();
  const [returns, setReturns] = React.useState<File[]>([]);
  const [previous, setPrevious] = React.useState<File[]>([]);
  const [register, setRegister] = React.useState<File | null>(null);
  const [result, setResult] = React.useState<CorporateReportResult | null>(null);
  const [saved, setSaved] = React.useState<string | null>(null);

  const build = () =>
    task.run(async () => {
      setResult(null);
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
      <h2 id="report-heading">Corporate Plan Overview Report</h2>
      <p>For the BI team: the quarter's report for ELT, Cabinet and Overview &amp; Scrutiny, from the services' returns.</p>
      <Field label="Returns (xlsx or JSON)" hint="Draft returns are listed and left out.">
        {(props) => <input {...props} type="file" multiple accept=".xlsx,.json" onChange={(e) => setReturns(Array.from(e.target.files ?? []))} />}
      </Field>
      <Field label="Earlier roll-ups this year (optional)" hint="The roll-up JSON from earlier quarters: the trend and what changed since last quarter.">
        {(props) => <input {...props} type="file" multiple accept=".json" onChange={(e) => setPrevious(Array.from(e.target.files ?? []))} />}
      </Field>
      <Field label="Measure register (optional)" hint="The BI team's register JSON: measure names and comparator values.">
        {(props) => <input {...props} type="file" accept=".json" onChange={(e) => setRegister(e.target.files?.[0] ?? null)} />}
      </Field>
      <Button appearance="primary" disabled={task.busy || returns.length === 0} onClick={() => void build()} style={{ marginTop: 8 }}>
        Build the report
      </Button>
      {task.busy && <Spinner size="tiny" label="Working…" />}
      <ErrorNote error={task.error} />
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
          {saved && <p role="status">{saved}</p>}
          <RejectsTable rejects={result.rejects} />
        </section>
      )}
    </section>
  );
}
