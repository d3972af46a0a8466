// The sign-in dialog's entry (sign-in.html): the page Office opens with displayDialogAsync, and the redirect URI
// the firm's identity provider returns to. No React, no Fluent: a few lines of status text.
import { runSignInPage } from './sign-in-page';

void Office.onReady(() => {
  const status = document.getElementById('status');
  void runSignInPage({
    search: window.location.search,
    fetch: (url, init) => window.fetch(url, init),
    go: (url) => window.location.assign(url),
    messageParent: (message) => Office.context.ui.messageParent(message),
    say: (text) => {
      if (status) status.textContent = text;
    },
  });
});
