// The small dialog the ribbon commands report through: Excel has no notification bar for add-ins
// (Office's notificationMessages is Outlook only), so a command opens this page with its message.

export function readNotification(search: string): { title: string; message: string } {
  const params = new URLSearchParams(search);
  return { title: params.get("t") || "Golden Thread", message: params.get("m") || "" };
}

function show(): void {
  const { title, message } = readNotification(window.location.search);
  document.getElementById("title")!.textContent = title;
  document.getElementById("message")!.textContent = message;
  const close = document.getElementById("close") as HTMLButtonElement;
  // The command that opened this notice may have finished already: then close the window ourselves.
  close.addEventListener("click", () => {
    try {
      Office.context.ui.messageParent("close");
    } catch {
      window.close();
    }
  });
  close.focus();
}

if (typeof Office !== "undefined") {
  void Office.onReady(show);
}
