import type { PaneAction } from '../domain';

/** What a ribbon command may ask of the add-in (the pane answers, since both share one runtime). */
export type { PaneAction };

export interface CommandHost {
  showPane(): Promise<void>;
  /** Asks the pane to run an action; resolves when the pane has finished it (its outcome shows in the pane). */
  request(action: PaneAction): Promise<void>;
  /** Shows a failure the pane could not show itself (e.g. the pane never loaded). */
  reportError(message: string): void;
}

/** One ribbon button: `id` equals the manifest's `<FunctionName>`. */
export interface RibbonCommand {
  id: string;
  run(host: CommandHost): Promise<void>;
}
