// A failure, said plainly where the user is looking (and announced to screen readers).
import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";

export function ErrorNote({ error }: { error: string | null }): React.JSX.Element | null {
  if (!error) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{error}</MessageBarBody>
    </MessageBar>
  );
}
