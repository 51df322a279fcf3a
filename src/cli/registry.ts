import type { Command } from './command.js';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { importCommand } from './commands/import.js';
import { manifestCommand } from './commands/manifest.js';

/** Every `jianbao` subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [buildCommand, checkCommand, importCommand, manifestCommand];
