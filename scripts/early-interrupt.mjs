// Ctrl+C (SIGINT) or SIGTERM while the `strata` command is still loading (about a second of
// module loading before any command has its own handler) used to end it at once with exit 130
// and no word. The first thing the command does is install this handler: it says
// "strata: interrupted" and exits 130 (143 for SIGTERM), the codes a shell gives a process
// ended by that signal, unless a command has since installed its own handler, which then
// speaks for it (simulate says where it stopped, experiment what it wrote).
// Plain JavaScript, imported by bin/strata.js before anything else is loaded.

const INSTALLED = Symbol.for('strata.earlyInterrupt')

/** Exit codes of a process ended by each signal (128 + its number). */
const EXIT = { SIGINT: 130, SIGTERM: 143 }

/** Installs the handler once per process (later calls do nothing). */
export function sayInterruptedUntilHandled() {
  if (globalThis[INSTALLED]) return
  globalThis[INSTALLED] = true
  for (const signal of Object.keys(EXIT))
    process.on(signal, () => {
      // a command's own handler answers for it
      if (process.listenerCount(signal) > 1) return
      process.stderr.write('strata: interrupted\n')
      process.exit(EXIT[signal])
    })
}
