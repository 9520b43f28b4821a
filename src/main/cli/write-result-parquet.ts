/** `strata simulate --parquet DIR`: the run's tables as Parquet files in DIR (created if missing). */
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { SimulationResult } from '../../shared/contract/calls/simulation'
import { resultParquetFiles } from '../services/results/result-parquet'
import { describeIoError } from '../services/files/io-errors'
import { writeOut } from './write-output'

/**
 * Writes `series.parquet`, `tenant-series.parquet`, `tenants.parquet` (and `host-series.parquet`),
 * each atomically; throws an Error whose message names the file it could not write.
 */
export async function writeResultParquet(
  result: SimulationResult,
  dir: string,
  cwd: string,
): Promise<string[]> {
  const folder = resolve(cwd, dir)
  await mkdir(folder, { recursive: true }).catch((error: unknown) => {
    throw new Error(`cannot make the folder ${folder}: ${describeIoError(error, folder).reason}`)
  })
  const written: string[] = []
  for (const file of resultParquetFiles(result)) {
    const path = join(folder, file.fileName)
    const done = await writeOut(path, cwd, file.bytes)
    if (!done.ok) throw new Error(done.message)
    written.push(path)
  }
  return written
}
