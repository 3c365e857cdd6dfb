// Settings: the council's framework (priorities, tolerances, slippage rule) the plan follows, and the
// measure register its corporate measures come from.
import * as React from "react";
import { Button, Field, Spinner } from "@fluentui/react-components";
import type { FrameworkSummary, PaneServices, RegisterSummary } from "../paneModel";
import { readFileText } from "../download";
import { FilePicker } from "./FilePicker";
import { ErrorNote } from "./ErrorNote";
import { useTask } from "./useTask";

interface Props {
  services: Pick<PaneServices, "importFramework" | "currentFramework" | "importRegister" | "currentRegister" | "useExampleRegister" | "useNoRegister">;
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
      <RegisterSettings services={services} />
    </section>
  );
}

/** The measure register: which one is in use, importing the council's own, and going back to the example. */
function RegisterSettings({ services }: Props): React.JSX.Element {
  const task = useTask();
  const [register, setRegister] = React.useState<RegisterSummary | null>(null);
  const [done, setDone] = React.useState<string | null>(null);
  React.useEffect(() => {
    void task.run(async () => setRegister(await services.currentRegister()));
  }, [services, task.run]);
  const change = (work: () => Promise<RegisterSummary>, said: string) =>
    void task.run(async () => {
      setRegister(await work());
      setDone(said);
    });
  const importFile = (files: FileList | null) => {
    const file = files?.[0];
    if (file) change(async () => services.importRegister(file.name, await readFileText(file)), "Measure register imported.");
  };
  return (
    <section aria-labelledby="register-heading">
      <h3 id="register-heading">Measure register</h3>
      <Field
        label="Import the council's measure register (JSON)"
        hint="The BI team keeps it: each corporate measure's ID, name, polarity and unit. New plans offer its IDs in the Measure ID column, and Check reports plan measures that disagree with it."
      >
        {(props) => <FilePicker field={props} accept=".json,application/json" onFiles={importFile} />}
      </Field>
      {task.busy && <Spinner size="tiny" label="Reading…" />}
      <ErrorNote error={task.error} />
      {done && <p role="status">{done}</p>}
      {register?.unreadable && <p>The register saved before could not be read ({register.unreadable}); the example Sefton register is in use. Import yours again.</p>}
      {register && (
        <>
          <p>{registerLine(register)}</p>
          <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
            {!register.example && (
              <Button size="small" disabled={task.busy} onClick={() => change(() => services.useExampleRegister(), "Back to the example Sefton register.")}>
                Use the example Sefton register
              </Button>
            )}
            {!register.none && (
              <Button size="small" disabled={task.busy} onClick={() => change(() => services.useNoRegister(), "New plans and Check now use no measure register.")}>
                Use no measure register
              </Button>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function registerLine(register: RegisterSummary): string {
  if (register.none) return "No measure register: measure IDs are typed freely.";
  const which = register.example ? register.source : `${register.council || "the council's"} register from ${register.source}`;
  return `In use: ${which}, ${register.measures} measure${register.measures === 1 ? "" : "s"}.`;
}
