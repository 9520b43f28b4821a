/** `strata simulate --parquet DIR`: the run's tables as Parquet files in DIR (created if missing). */
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { SimulationResult } from '../../shared/contract/calls/simulation'
import { resultParquetFiles } from '../services/results/result-parquet'
import { writeFileAtomic } from '../services/files/atomic-write'

/** Writes `series.parquet`, `tenant-series.parquet`, `tenants.parquet` (and `host-series.parquet`). */
export async function writeResultParquet(
  result: SimulationResult,
  dir: string,
  cwd: string,
): Promise<string[]> {
  const folder = resolve(cwd, dir)
  await mkdir(folder, { recursive: true })
  const written: string[] = []
  for (const file of resultParquetFiles(result)) {
    const path = join(folder, file.fileName)
    await writeFileAtomic(path, file.bytes)
    written.push(path)
  }
  return written
}
