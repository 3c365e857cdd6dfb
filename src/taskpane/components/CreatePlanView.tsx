// Create a plan: tier, plan year and the council framework it follows; its Measure ID column offers
// the measure register's IDs.
import * as React from "react";
import { Button, Field, Input, Select, Spinner } from "@fluentui/react-components";
import { financialYearLabel, parseFinancialYear } from "../../model/period";
import { TIERS } from "../../model/plan";
import type { FrameworkSummary, NewPlanRequest, PaneServices, RegisterSummary } from "../paneModel";
import { ErrorNote } from "./ErrorNote";
import { useTask } from "./useTask";
import type { ViewId } from "./views";

interface Props {
  services: Pick<PaneServices, "createPlan" | "currentFramework" | "currentRegister">;
  onNavigate(view: ViewId): void;
}

/** The framework's year and the one after it: plans are written for the coming year. */
function planYears(framework: FrameworkSummary | null): string[] {
  const start = framework ? parseFinancialYear(framework.planYear) : new Date().getFullYear();
  return [financialYearLabel(start), financialYearLabel(start + 1)];
}

export function CreatePlanView({ services, onNavigate }: Props): React.JSX.Element {
  const task = useTask();
  const [framework, setFramework] = React.useState<FrameworkSummary | null>(null);
  const [register, setRegister] = React.useState<RegisterSummary | null>(null);
  const [created, setCreated] = React.useState(false);
  const [request, setRequest] = React.useState<NewPlanRequest>({ tier: "Operational", planYear: "", planId: "", directorate: "", service: "", team: "", owner: "" });
  React.useEffect(() => {
    void task.run(async () => {
      const [f, r] = await Promise.all([services.currentFramework(), services.currentRegister()]);
      setFramework(f);
      setRegister(r);
      setRequest((req) => ({ ...req, planYear: req.planYear || f.planYear }));
    });
  }, [services, task.run]);

  const set = (key: keyof NewPlanRequest) => (_: unknown, data: { value: string }) => setRequest((r) => ({ ...r, [key]: data.value }));
  const missing = !request.planId.trim() ? "Give the plan an ID, e.g. OSP-ASC-2024." : null;

  const create = () =>
    task.run(async () => {
      await services.createPlan({ ...request, planId: request.planId.trim() });
      setCreated(true);
    });

  return (
    <section aria-labelledby="create-heading">
      <h2 id="create-heading">Create a plan</h2>
      {framework && (
        <p>
          Framework: {framework.council} {framework.planYear} (change it in Settings).
        </p>
      )}
      {register && <p>{register.none ? "No measure register: measure IDs are typed freely" : `Measure IDs are offered from ${register.source}`} (change it in Settings).</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!missing) void create();
        }}
        style={{ display: "grid", gap: 8 }}
      >
        <Field label="Tier" hint="Directorate plans link to the Corporate Plan; Operational and Team plans link to their parent plan.">
          <Select value={request.tier} onChange={set("tier")}>
            {TIERS.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </Select>
        </Field>
        <Field label="Plan year">
          <Select value={request.planYear} onChange={set("planYear")}>
            {planYears(framework).map((y) => (
              <option key={y}>{y}</option>
            ))}
          </Select>
        </Field>
        <Field label="Plan ID" required validationMessage={missing ?? undefined} validationState={missing ? "none" : undefined}>
          <Input value={request.planId} onChange={set("planId")} />
        </Field>
        <Field label="Directorate">
          <Input value={request.directorate} onChange={set("directorate")} />
        </Field>
        {request.tier !== "Directorate" && (
          <Field label="Service">
            <Input value={request.service} onChange={set("service")} />
          </Field>
        )}
        {request.tier === "Team" && (
          <Field label="Team">
            <Input value={request.team} onChange={set("team")} />
          </Field>
        )}
        <Field label="Plan owner" hint="Assistant Director, Service Manager or Team Manager.">
          <Input value={request.owner} onChange={set("owner")} />
        </Field>
        {!register?.none && (
          <Field
            label="Start with register measures (optional)"
            hint="Measure IDs or Corporate Plan priorities, comma-separated, e.g. SM15, SM16 or CP2: their name, polarity, unit and officer come from the register."
          >
            <Input value={request.fromRegister ?? ""} onChange={set("fromRegister")} />
          </Field>
        )}
        <div>
          <Button appearance="primary" type="submit" disabled={task.busy || !!missing}>
            Create plan
          </Button>
        </div>
      </form>
      {task.busy && <Spinner size="tiny" label="Working…" />}
      <ErrorNote error={task.error} />
      {created && (
        <div role="status">
          <p>
            The {request.tier} plan {request.planId} for {request.planYear} is ready. Fill in the actions and measures, then check it.
          </p>
          <Button onClick={() => onNavigate("check")}>Check plan</Button>
        </div>
      )}
    </section>
  );
}
