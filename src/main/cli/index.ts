/**
 * Entry of the `strata` command (npm run strata -- ..., or the package bin). Checks the Node
 * version and installs the "strata: interrupted" handler before anything else, then loads the
 * CLI: an ES module runs no code until its whole static import graph has loaded (about a second
 * through tsx), so the commands come in by a dynamic import, after the handler.
 */
import { exitOnOldNode } from '../../../scripts/node-version.mjs'
import { sayInterruptedUntilHandled } from '../../../scripts/early-interrupt.mjs'

exitOnOldNode()
sayInterruptedUntilHandled()
void import('./run-process')
