import { checkTemplate } from './check-template.command';
import type { RibbonCommand } from './command.types';
import { importClients } from './import-clients.command';

/** Every ribbon function command, registered in one place (scripts/check-manifest.ts compares it with the manifest). */
export const COMMANDS: readonly RibbonCommand[] = [importClients, checkTemplate];
