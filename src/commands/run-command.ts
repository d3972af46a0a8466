import { plainMessage } from '../api/api-errors';
import type { CommandHost, RibbonCommand } from './command.types';

export interface CompletableEvent {
  completed(): void;
}

/** Runs a command for Office; `event.completed()` is called whatever happens, or Excel keeps the button busy. */
export async function runCommand(command: RibbonCommand, host: CommandHost, event: CompletableEvent): Promise<void> {
  try {
    await command.run(host);
  } catch (error) {
    host.reportError(plainMessage(error));
  } finally {
    event.completed();
  }
}

/** Associates every command's id with its function (Office.actions.associate in production). */
export function registerCommands(
  commands: readonly RibbonCommand[],
  associate: (id: string, handler: (event: CompletableEvent) => Promise<void>) => void,
  host: CommandHost,
): void {
  const seen = new Set<string>();
  for (const command of commands) {
    if (seen.has(command.id)) throw new Error(`Two ribbon commands share the id ${command.id}`);
    seen.add(command.id);
    associate(command.id, (event) => runCommand(command, host, event));
  }
}
