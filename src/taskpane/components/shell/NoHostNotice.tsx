import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** Shown when the page is opened in a browser rather than inside Excel. */
export function NoHostNotice() {
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        <MessageBarTitle>Open this pane from Excel</MessageBarTitle>
        This page is the Client Import add-in for Excel. Sideload manifest.xml in Excel on the web or desktop, then choose Show Pane on the Home tab.
      </MessageBarBody>
    </MessageBar>
  );
}
