/** Types of node-version.mjs (the check `npm start` and `strata` run before anything else). */
export declare const NODE_RANGE: string
/** Whether a Node version ("v20.19.0" or "20.19.0") is in NODE_RANGE. */
export declare function nodeSupported(version: string): boolean
/** The message for a too-old Node, or undefined when the version is supported. */
export declare function nodeVersionProblem(version?: string): string | undefined
/** Prints the problem and exits with status 1 when the running Node is too old. */
export declare function exitOnOldNode(): void
