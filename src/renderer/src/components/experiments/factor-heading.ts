/**
 * A factor's heading: the last step of its path (`cpuAllocationRatio`; the full path is its
 * title), breakable between its words (a zero-width space) so a narrow table wraps it.
 */
export const shortFactor = (path: string): string =>
  (path.split('.').at(-1) ?? path).replace(/([a-z0-9])([A-Z])/g, '$1\u200b$2')
