// The pane: a tab list of views over one set of services. A view, once opened, stays mounted so
// check results and mappings survive a trip to another tab.
import * as React from "react";
import { FluentProvider, Tab, TabList, Theme, makeStyles, tokens } from "@fluentui/react-components";
import type { PaneServices } from "../paneModel";
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
import { VIEWS, ViewId } from "./views";

const useStyles = makeStyles({
  root: { minHeight: "100vh", padding: "8px 12px", boxSizing: "border-box", fontFamily: tokens.fontFamilyBase, background: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  tabs: { flexWrap: "wrap" },
});

interface Props {
  services: PaneServices;
  theme: Theme;
  initialView?: ViewId;
}

export function App({ services, theme, initialView = "home" }: Props): React.JSX.Element {
  const styles = useStyles();
  const [view, setView] = React.useState<ViewId>(initialView);
  const [opened, setOpened] = React.useState<Set<ViewId>>(new Set([initialView]));
  const navigate = React.useCallback((next: ViewId) => {
    setView(next);
    setOpened((o) => (o.has(next) ? o : new Set(o).add(next)));
  }, []);

  const render = (id: ViewId): React.JSX.Element => {
    switch (id) {
      case "home":
        return <HomeView services={services} onNavigate={navigate} />;
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
        <h1 style={{ fontSize: tokens.fontSizeBase500, margin: "4px 0 8px" }}>Golden Thread</h1>
        <nav aria-label="Golden Thread views">
          <TabList className={styles.tabs} size="small" selectedValue={view} onTabSelect={(_, d) => navigate(d.value as ViewId)}>
            {VIEWS.map((v) => (
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
          <div key={v.id} id={`panel-${v.id}`} role="tabpanel" aria-labelledby={`tab-${v.id}`} hidden={v.id !== view}>
            {render(v.id)}
          </div>
        ))}
      </main>
    </FluentProvider>
  );
}
