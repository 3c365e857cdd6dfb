// Shows a command's notice in a small dialog (notification.html). Excel offers add-ins no
// notification bar, and a function command has no UI of its own; a dialog works on desktop and web.
import type { Notice } from "./ribbon";

/** Dialog URLs are limited in length; long messages are cut with a pointer to the pane. */
const MAX_MESSAGE = 1200;

export function notificationUrl(base: string, notice: Notice): string {
  const message = notice.message.length > MAX_MESSAGE ? `${notice.message.slice(0, MAX_MESSAGE)}… (open the pane for the rest)` : notice.message;
  const url = new URL("notification.html", base);
  url.searchParams.set("t", notice.title);
  url.searchParams.set("m", message);
  return url.href;
}

/** Resolves when the user closes the notice (or at once if the dialog cannot open). */
export function notify(notice: Notice): Promise<void> {
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(notificationUrl(window.location.href, notice), { height: 30, width: 35, displayInIframe: true }, (result) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        console.error(`Golden Thread: ${notice.title}: ${notice.message} (${result.error.message})`);
        resolve();
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        dialog.close();
        resolve();
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}
