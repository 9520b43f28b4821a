/** Installs the "strata: interrupted" handler for SIGINT and SIGTERM once per process. */
export function sayInterruptedUntilHandled(): void
