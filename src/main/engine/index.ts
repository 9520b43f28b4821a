/**
 * The Strata engine: one documented entry point over pure TypeScript parts. It never
 * imports electron, the DOM or Node built-ins; time, randomness and storage come in as
 * ports. It runs the same in Electron's main process, a worker thread, the CLI and tests.
 *
 * Parts (each folder has a README): model/ (the design document, commands, validation),
 * virtualization/, scheduler/, simulation/, tenancy/, persistence/, reports/.
 */
export { DesignSession, type DesignChange } from './design-session'
export { applyCommand, commandLabel, type EditCommand } from './model/commands'
export { emptyDesign } from './model/defaults'
export { findEntity, freshId, indexOf } from './model/index-of'
export { parseDesign, parseEntity } from './model/parse'
export { checkDesignRules, checkIntegrity, hasErrors, validateDesign } from './model/validate'
export * from './tenancy'
export * from './scheduler'
export * from './virtualization'
export * from './simulation'
export * from './persistence'
export * from './reports'
