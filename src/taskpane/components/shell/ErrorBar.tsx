import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { PaneMessage } from '../../hooks/use-error-bar';

export interface ErrorBarProps {
  message: PaneMessage | null;
  onDismiss(): void;
}

/** The pane's one MessageBar for errors and outcomes. */
export function ErrorBar({ message, onDismiss }: ErrorBarProps) {
  if (!message) return null;
  return (
    <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{message.text}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" aria-label="Dismiss message" onClick={onDismiss}>
            ×
          </Button>
        }
      />
    </MessageBar>
  );
}
