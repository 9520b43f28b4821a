/** Every `strata` command. Add one import and one entry per command file. */
import type { CliCommand } from '../command'
import { benchCommand } from './bench'
import { experimentCommand } from './experiment'
import { exportCommand } from './export'
import { generateCommand } from './generate'
import { importCommand } from './import'
import { infoCommand } from './info'
import { placeCommand } from './place'
import { reportCommand } from './report'
import { serveCommand } from './serve'
import { simulateCommand } from './simulate'
import { validateCommand } from './validate'
import { workerCommand } from './worker'

export const COMMANDS: CliCommand[] = [
  validateCommand,
  infoCommand,
  serveCommand,
  placeCommand,
  benchCommand,
  generateCommand,
  simulateCommand,
  importCommand,
  exportCommand,
  reportCommand,
  experimentCommand,
  workerCommand,
]
