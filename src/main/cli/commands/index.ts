/** Every `strata` command. Add one import and one entry per command file. */
import type { CliCommand } from '../command'
import { infoCommand } from './info'
import { serveCommand } from './serve'
import { validateCommand } from './validate'

export const COMMANDS: CliCommand[] = [validateCommand, infoCommand, serveCommand]
