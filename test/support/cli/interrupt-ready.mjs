// Preloaded (node --import) into a real `strata` process by test/cli/early-interrupt.test.ts:
// writes "ready" to fd 3 as soon as the command's early interrupt handler is installed
// (scripts/early-interrupt.mjs sets this flag), so the test sends its signal while the CLI is
// still loading, however fast or slow the machine.
import { writeSync } from 'node:fs'

const flag = Symbol.for('strata.earlyInterrupt')
const timer = setInterval(() => {
  if (!globalThis[flag]) return
  clearInterval(timer)
  writeSync(3, 'ready\n')
}, 1)
timer.unref()
