/**
 * What a front-end write costs a storage system: replication of size N writes every byte N
 * times (Ceph: the client writes the primary, the primary writes the N − 1 replicas; raw
 * capacity N×); erasure coding k + m writes (k + m) / k per byte of a full stripe; reads are
 * served once (NESTED_NETWORK_STORAGE.md §13a and §15c, [S59]). The same factor is applied to
 * I/O operations (a full-stripe approximation for erasure coding: small writes cost a
 * read-modify-write in reality, which this does not model).
 */

/** Erasure-code profile: k data chunks, m coding chunks. */
export interface ErasureCode {
  dataChunks: number
  codingChunks: number
}

/** Operations (or bytes) a system performs per front-end write: N, or (k + m) / k. */
export function writeFactor(replication: number, erasure?: ErasureCode): number {
  if (erasure) return (erasure.dataChunks + erasure.codingChunks) / erasure.dataChunks
  return Math.max(1, replication)
}

/** Whether a volume survives the loss of the system holding it (a copy or parity elsewhere). */
export function isRedundant(replication: number, erasure?: ErasureCode): boolean {
  return erasure ? erasure.codingChunks > 0 : replication > 1
}

/**
 * Capacity consumed (IOPS or MB/s) by `reads` and `writes` front-end operations (or MB/s) with
 * write factor `factor`: reads + factor × writes.
 */
export function consumed(reads: number, writes: number, factor: number): number {
  return reads + factor * writes
}
