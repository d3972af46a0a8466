import { useEffect, useState } from 'react';
import type { PaneServices } from '../services/pane-services';

/** Whether the pane is shown; always true where the host does not say (no shared runtime). */
export function usePaneVisible(services: Pick<PaneServices, 'onPaneVisibility'>): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => services.onPaneVisibility?.(setVisible), [services]);
  return visible;
}
