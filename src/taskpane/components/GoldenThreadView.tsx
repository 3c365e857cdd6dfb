// Golden thread: Corporate Plan priority -> Directorate -> Operational -> Team actions, with broken
// links and parent actions that nothing serves made obvious; import the parent plan from a file.
import * as React from "react";
import { Button, Field, Spinner, Tree, TreeItem, TreeItemLayout } from "@fluentui/react-components";
import type { GoldenThreadMap, PaneServices, RegisterUpdate, ThreadNode } from "../paneModel";
import { readFileBytes } from "../download";
import { FilePicker } from "./FilePicker";
import { ErrorNote } from "./ErrorNote";
import { StatusBadge } from "./StatusBadge";
import { useTask } from "./useTask";

interface Props {
  services: Pick<PaneServices, "goldenThread" | "importParentPlan" | "selectCell" | "updateRegister">;
}

const STATE_WORDS: Record<ThreadNode["state"], string | null> = { linked: null, broken: "Broken link", unserved: "Nothing serves this" };

function allIds(nodes: ThreadNode[]): string[] {
  return nodes.flatMap((n) => [`${n.tier}:${n.id}`, ...allIds(n.children)]);
}

function Branch({ node, onSelect }: { node: ThreadNode; onSelect(n: ThreadNode): void }): React.JSX.Element {
  const words = STATE_WORDS[node.state];
  // The visible text is the accessible name: ID, title, tier, then the state in words.
  return (
    <TreeItem itemType={node.children.length ? "branch" : "leaf"} value={`${node.tier}:${node.id}`}>
      <TreeItemLayout
        onDoubleClick={() => onSelect(node)}
        onKeyDown={(e: React.KeyboardEvent) => {
          if (e.key === "Enter" && node.cell) onSelect(node);
        }}
      >
        <strong>{node.id}</strong>: {node.title} {node.group ? null : <span style={{ opacity: 0.85 }}>({node.tier})</span>}
        {/* The state follows the text rather than sitting beside it: at 320 px a side column squeezes the title. */}
        {words ? (
          <>
            {" "}
            <StatusBadge label={words} />
          </>
        ) : null}
      </TreeItemLayout>
      {node.children.length > 0 && (
        <Tree>
          {node.children.map((c) => (
            <Branch key={`${c.tier}:${c.id}`} node={c} onSelect={onSelect} />
          ))}
        </Tree>
      )}
    </TreeItem>
  );
}

function NodeList({ title, nodes, onSelect }: { title: string; nodes: ThreadNode[]; onSelect(n: ThreadNode): void }): React.JSX.Element {
  return (
    <section aria-label={`${title}: ${nodes.length}`}>
      <h3>
        {title} ({nodes.length})
      </h3>
      {nodes.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {nodes.map((n) => (
            <li key={`${n.tier}:${n.id}`}>
              {n.cell ? (
                <Button size="small" appearance="subtle" onClick={() => onSelect(n)}>
                  {n.id}
                </Button>
              ) : (
                <strong>{n.id}</strong>
              )}{" "}
              {n.title}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Office add-ins cannot use window.confirm, so the confirmation is asked in the pane itself. */
function RegisterUpdateButton({ update, busy, onConfirm }: { update: RegisterUpdate; busy: boolean; onConfirm(): void }): React.JSX.Element {
  const [asking, setAsking] = React.useState(false);
  const entries = (n: number) => `${n} ${n === 1 ? "entry" : "entries"}`;
  if (!asking)
    return (
      <Button disabled={busy} onClick={() => setAsking(true)}>
        Update this plan&apos;s Register from {update.parentId}
      </Button>
    );
  return (
    <section role="alertdialog" aria-label="Replace the Register?">
      <p>
        Replace the {entries(update.replaces)} in this plan&apos;s Register with {entries(update.entries)} from {update.parentId} (its actions, then the Corporate Plan&apos;s priorities and
        programmes)? The link dropdown will offer these.
      </p>
      <Button
        appearance="primary"
        disabled={busy}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        Replace the Register
      </Button>{" "}
      <Button onClick={() => setAsking(false)}>Cancel</Button>
    </section>
  );
}

export function GoldenThreadView({ services }: Props): React.JSX.Element {
  const task = useTask();
  const [map, setMap] = React.useState<GoldenThreadMap | null>(null);
  React.useEffect(() => {
    void task.run(async () => setMap(await services.goldenThread()));
  }, [services, task.run]);
  const select = (n: ThreadNode) => {
    if (n.sheet && n.cell) void services.selectCell(n.sheet, n.cell);
  };
  const importParent = (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    void task.run(async () => setMap(await services.importParentPlan(file.name, await readFileBytes(file))));
  };

  const [updated, setUpdated] = React.useState<string | null>(null);
  const updateRegister = (update: RegisterUpdate) => {
    setUpdated(null);
    void task.run(async () => {
      setMap(await services.updateRegister(update.parentId));
      setUpdated(`The Register now lists ${update.entries} entries from ${update.parentId}: the link dropdown offers its actions.`);
    });
  };

  return (
    <section aria-labelledby="thread-heading">
      <h2 id="thread-heading">Golden thread</h2>
      <Field label="Import the parent plan (xlsx)" hint={map?.parentPlan ? `Parent plan: ${map.parentPlan}` : "Its actions become the links this plan's actions can choose."}>
        {(props) => <FilePicker field={props} accept=".xlsx" onFiles={importParent} />}
      </Field>
      {map?.registerUpdate && <RegisterUpdateButton update={map.registerUpdate} busy={task.busy} onConfirm={() => updateRegister(map.registerUpdate as RegisterUpdate)} />}
      {updated && <p role="status">{updated}</p>}
      {task.busy && <Spinner size="tiny" label="Tracing the thread…" />}
      <ErrorNote error={task.error} />
      {map && (
        <>
          <NodeList title="Broken links" nodes={map.broken} onSelect={select} />
          <NodeList title="Priorities and parent actions nothing serves" nodes={map.unserved} onSelect={select} />
          <h3>From Corporate Plan to team</h3>
          {map.roots.length === 0 ? (
            <p>No priorities or parent actions yet: import the framework in Settings or the parent plan above.</p>
          ) : (
            <Tree aria-label="Golden thread from Corporate Plan priority to team actions" defaultOpenItems={allIds(map.roots)}>
              {map.roots.map((n) => (
                <Branch key={`${n.tier}:${n.id}`} node={n} onSelect={select} />
              ))}
            </Tree>
          )}
        </>
      )}
    </section>
  );
}
