import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { PaneServicesContext, type PaneServices } from './services/pane-services';

/** Renders the pane into #root with the given services (Office in production, the fake in the e2e harness). */
export function mountPane(services: PaneServices, element = document.getElementById('root')!): void {
  createRoot(element).render(
    <FluentProvider theme={webLightTheme}>
      <PaneServicesContext.Provider value={services}>
        <App />
      </PaneServicesContext.Provider>
    </FluentProvider>,
  );
}
