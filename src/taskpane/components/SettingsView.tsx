// Settings: the council's framework (priorities, tolerances, slippage rule) the plan follows.
import * as React from "react";
import { Field, Spinner } from "@fluentui/react-components";
import type { FrameworkSummary, PaneServices } from "../paneModel";
import { readFileText } from "../download";
import { FilePicker } from "./FilePicker";
import { ErrorNote } from "./ErrorNote";
import { useTask } from "./useTask";

interface Props {
  services: Pick<PaneServices, "importFramework" | "currentFramework">;
}

export function SettingsView({ services }: Props): React.JSX.Element {
  const task = useTask();
  const [framework, setFramework] = React.useState<FrameworkSummary | null>(null);
  const [imported, setImported] = React.useState(false);
  React.useEffect(() => {
    void task.run(async () => setFramework(await services.currentFramework()));
  }, [services, task.run]);
  const importFile = (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    void task.run(async () => {
      setFramework(await services.importFramework(file.name, await readFileText(file)));
      setImported(true);
    });
  };
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <Field label="Import the council's framework file (JSON)" hint="The BI team issues it: Corporate Plan priorities, RAG tolerances, the slippage rule.">
        {(props) => <FilePicker field={props} accept=".json,application/json" onFiles={importFile} />}
      </Field>
      {task.busy && <Spinner size="tiny" label="Reading…" />}
      <ErrorNote error={task.error} />
      {imported && <p role="status">Framework imported.</p>}
      {framework && (
        <section aria-labelledby="framework-heading">
          <h3 id="framework-heading">
            {framework.council} framework, {framework.planYear}
          </h3>
          <p>From {framework.source}.</p>
          <p>RAG tolerances: {framework.tolerances}.</p>
          <p>An action has slipped when it is {framework.slippageMonths} months or more past its approved due date.</p>
          <h4>Corporate Plan priorities ({framework.priorities.length})</h4>
          <ul>
            {framework.priorities.map((p) => (
              <li key={p.id}>
                <strong>{p.id}</strong> {p.title}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
