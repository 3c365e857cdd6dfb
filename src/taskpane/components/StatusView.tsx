// Status: choose the reporting quarter (it sets the ReportingDate cell) and see RAG, direction of
// travel and action status counts, and the trend of a measure picked from a list.
import * as React from "react";
import { Field, Select, Spinner } from "@fluentui/react-components";
import type { MeasureTrendView, PaneServices, StatusCounts } from "../paneModel";
import { CountsChart } from "./CountsChart";
import { ErrorNote } from "./ErrorNote";
import { TrendChart } from "./TrendChart";
import { useTask } from "./useTask";

interface Props {
  services: Pick<PaneServices, "reportingQuarters" | "setReportingQuarter" | "statusCounts"> & Partial<Pick<PaneServices, "measureTrends">>;
}

export function StatusView({ services }: Props): React.JSX.Element {
  const task = useTask();
  const [quarters, setQuarters] = React.useState<{ options: string[]; current: string } | null>(null);
  const [counts, setCounts] = React.useState<StatusCounts | null>(null);
  const [trends, setTrends] = React.useState<MeasureTrendView[]>([]);
  const [trendId, setTrendId] = React.useState("");
  React.useEffect(() => {
    void task.run(async () => {
      setQuarters(await services.reportingQuarters());
      setCounts(await services.statusCounts());
      if (services.measureTrends) setTrends(await services.measureTrends());
    });
  }, [services, task.run]);

  const choose = (period: string) =>
    task.run(async () => {
      await services.setReportingQuarter(period);
      setQuarters((q) => (q ? { ...q, current: period } : q));
      setCounts(await services.statusCounts());
      if (services.measureTrends) setTrends(await services.measureTrends());
    });
  const trend = trends.find((t) => t.id === trendId) ?? trends[0];

  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">Status</h2>
      {quarters && (
        <Field label="Reporting quarter" hint="Sets the plan's reporting date to the last day of the quarter; the statuses in the sheets follow it.">
          <Select value={quarters.current} onChange={(_, d) => void choose(d.value)} disabled={task.busy}>
            {quarters.options.map((q) => (
              <option key={q}>{q}</option>
            ))}
          </Select>
        </Field>
      )}
      {task.busy && <Spinner size="tiny" label="Working out statuses…" />}
      <ErrorNote error={task.error} />
      {counts && (
        <div data-testid="status-counts">
          <p role="status">
            Statuses for {counts.period}, reporting date {counts.reportingDate}.
          </p>
          <CountsChart title="Measures: RAG" counts={counts.rag} />
          <CountsChart title="Measures: direction of travel" counts={counts.direction} />
          <CountsChart title="Actions" counts={counts.actions} />
        </div>
      )}
      {/* Excel's sparklines cannot be drawn through office.js: the pane draws the selected measure's trend. */}
      {trend && (
        <div data-testid="measure-trend">
          <Field label="Measure trend">
            {/* A long measure name must not widen the pane: the list shrinks to it and cuts the name short. */}
            <Select value={trend.id} onChange={(_, d) => setTrendId(d.value)} root={{ style: { minWidth: 0, maxWidth: "100%" } }} select={{ style: { minWidth: 0, textOverflow: "ellipsis" } }}>
              {trends.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.id} {t.name}
                </option>
              ))}
            </Select>
          </Field>
          <TrendChart id={trend.id} name={trend.name} unit={trend.unit} points={trend.points} />
        </div>
      )}
    </section>
  );
}
