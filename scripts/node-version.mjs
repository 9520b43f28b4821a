// The Node.js versions Strata runs on, checked first by `npm start` and the `strata` command
// so an older Node fails with one clear sentence instead of a syntax or import error deep in a
// dependency. Keep NODE_RANGE equal to package.json's "engines.node" (a test compares them).
// Written in plain ES2015 so that very old Node versions can still parse it and print the message.

/** The supported range, as package.json's "engines.node" states it. */
export const NODE_RANGE = '^20.19.0 || >=22.13.0'

/**
 * Whether a Node version ("v20.19.0" or "20.19.0") is in NODE_RANGE: 20.19 or later on the
 * 20 line, 22.13 or later from 22 on (21 is not supported: it lacks require(esm) and is out of
 * support). The floors come from the build and test tools: Vite and electron-vite need
 * ^20.19 || >=22.12, ESLint ^20.19 || ^22.13 || >=24.
 */
export function nodeSupported(version) {
  const [major, minor] = String(version).replace(/^v/, '').split('.').map(Number)
  if (major === 20) return minor >= 19
  if (major === 22) return minor >= 13
  return major > 22
}

/** The message printed when the running Node is too old, or undefined when it is fine. */
export function nodeVersionProblem(version = process.version) {
  if (nodeSupported(version)) return undefined
  return (
    `Strata needs Node.js 20.19 or later on the 20 line, or 22.13 or later (this is Node.js ${version}). ` +
    'Install a current LTS from https://nodejs.org (or with nvm: "nvm install 22"), ' +
    'then run "npm ci" again in this folder.'
  )
}

/** Prints the problem and exits with status 1 when the running Node is too old. */
export function exitOnOldNode() {
  const problem = nodeVersionProblem()
  if (problem) {
    console.error(problem)
    process.exit(1)
  }
}
