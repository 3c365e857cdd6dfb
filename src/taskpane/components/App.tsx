// The pane: the views a Service Manager needs for the open workbook as tabs (an empty workbook:
// create or convert; a loose plan: convert; a structured plan: check, thread, status, year, return),
// and the BI team's tools in their own menu. A view, once opened, stays mounted so check results
// and mappings survive a trip to another tab.
import * as React from "react";
import { FluentProvider, Menu, MenuButton, MenuItemRadio, MenuList, MenuPopover, MenuTrigger, Tab, TabList, Theme, makeStyles, tokens } from "@fluentui/react-components";
import type { PaneServices, WorkbookKind, WorkbookSummary } from "../paneModel";
import { CheckView } from "./CheckView";
import { ConvertView } from "./ConvertView";
import { CreatePlanView } from "./CreatePlanView";
import { GoldenThreadView } from "./GoldenThreadView";
import { HomeView } from "./HomeView";
import { QsrView } from "./QsrView";
import { ReportView } from "./ReportView";
import { SettingsView } from "./SettingsView";
import { StatusView } from "./StatusView";
import { YearView } from "./YearView";
import { UnshownNotice } from "./UnshownNotice";
import { BI_VIEWS, VIEWS, ViewId, planViewsFor } from "./views";

const useStyles = makeStyles({
  root: { minHeight: "100vh", padding: "8px 12px", boxSizing: "border-box", fontFamily: tokens.fontFamilyBase, background: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  tabs: { flexWrap: "wrap" },
  titleRow: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px", flexWrap: "wrap" },
});

interface Props {
  services: PaneServices;
  theme: Theme;
  initialView?: ViewId;
}

export function App({ services, theme, initialView = "home" }: Props): React.JSX.Element {
  const styles = useStyles();
  const [view, setView] = React.useState<ViewId>(initialView);
  // Home is always mounted: it looks at the workbook even when the pane opens on another view.
  const [opened, setOpened] = React.useState<Set<ViewId>>(new Set<ViewId>(["home", initialView]));
  // What Home found the workbook to be; null until it has looked. Returning Home looks again
  // (after Create or Convert the workbook has changed kind).
  const [kind, setKind] = React.useState<WorkbookKind | null>(null);
  const [homeVisit, setHomeVisit] = React.useState(0);
  const navigate = React.useCallback((next: ViewId) => {
    setView(next);
    if (next === "home") setHomeVisit((n) => n + 1);
    setOpened((o) => (o.has(next) ? o : new Set(o).add(next)));
  }, []);
  const onSummary = React.useCallback((s: WorkbookSummary) => setKind(s.kind), []);
  const tabs = planViewsFor(kind);
  const tabIds = new Set<ViewId>(tabs.map((t) => t.id));
  // A view that no longer applies (a plan just converted) gives way to Home.
  React.useEffect(() => {
    if (kind !== null && VIEWS.some((v) => v.id === view && v.group === "plan") && !tabIds.has(view)) navigate("home");
  });

  const render = (id: ViewId): React.JSX.Element => {
    switch (id) {
      case "home":
        return <HomeView key={homeVisit} services={services} onNavigate={navigate} onSummary={onSummary} />;
      case "create":
        return <CreatePlanView services={services} onNavigate={navigate} />;
      case "convert":
        return <ConvertView services={services} onNavigate={navigate} />;
      case "check":
        return <CheckView services={services} />;
      case "thread":
        return <GoldenThreadView services={services} />;
      case "status":
        return <StatusView services={services} />;
      case "qsr":
        return <QsrView services={services} />;
      case "year":
        return <YearView services={services} />;
      case "report":
        return <ReportView services={services} />;
      case "settings":
        return <SettingsView services={services} />;
    }
  };

  return (
    <FluentProvider theme={theme} className={styles.root} lang="en-GB">
      <header>
        <div className={styles.titleRow}>
          <h1 style={{ fontSize: tokens.fontSizeBase500, margin: "4px 0 8px" }}>Golden Thread</h1>
          <Menu checkedValues={{ bi: BI_VIEWS.some((v) => v.id === view) ? [view] : [] }} onCheckedValueChange={(_, d) => d.checkedItems[0] && navigate(d.checkedItems[0] as ViewId)}>
            <MenuTrigger disableButtonEnhancement>
              <MenuButton size="small" appearance="subtle">
                BI team
              </MenuButton>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                {BI_VIEWS.map((v) => (
                  <MenuItemRadio key={v.id} name="bi" value={v.id}>
                    {v.label}
                  </MenuItemRadio>
                ))}
              </MenuList>
            </MenuPopover>
          </Menu>
        </div>
        <nav aria-label="Views for this workbook">
          <TabList className={styles.tabs} size="small" selectedValue={tabIds.has(view) ? view : null} onTabSelect={(_, d) => navigate(d.value as ViewId)}>
            {tabs.map((v) => (
              <Tab key={v.id} value={v.id} id={`tab-${v.id}`} aria-controls={opened.has(v.id) ? `panel-${v.id}` : undefined}>
                {v.label}
              </Tab>
            ))}
          </TabList>
        </nav>
        <UnshownNotice />
      </header>
      <main>
        {VIEWS.filter((v) => opened.has(v.id)).map((v) => (
          <div
            key={v.id}
            id={`panel-${v.id}`}
            role={tabIds.has(v.id) ? "tabpanel" : "region"}
            aria-labelledby={tabIds.has(v.id) ? `tab-${v.id}` : undefined}
            aria-label={tabIds.has(v.id) ? undefined : v.label}
            hidden={v.id !== view}
          >
            {render(v.id)}
          </div>
        ))}
      </main>
    </FluentProvider>
  );
}
