/** What a ribbon button may ask the pane to run. */
export type PaneAction = 'import' | 'check';

/** What a ribbon command may ask of the add-in (the pane answers, since both share one runtime). */
export interface CommandHost {
  showPane(): Promise<void>;
  /** Hands an action to the pane; resolves once the pane has taken it (its progress and outcome show there). */
  request(action: PaneAction): Promise<void>;
  /** Shows a failure in the pane, as soon as the pane is ready. */
  reportError(message: string): void;
}

/** One ribbon button: `id` equals the manifest's `<FunctionName>`. */
export interface RibbonCommand {
  id: string;
  run(host: CommandHost): Promise<void>;
}
