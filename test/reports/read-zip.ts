/**
 * Reads a zip with Info-ZIP's `unzip` (an implementation independent of the fflate that writes
 * it): entry names in order and each entry's text. `.ci/run` installs `unzip`.
 */
import { execFileSync } from 'node:child_process'

/** Every entry of the zip at `path`, name -> UTF-8 text, in archive order. */
export function readZip(path: string): Map<string, string> {
  const names = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
  execFileSync('unzip', ['-tq', path]) // every entry's CRC checks out
  return new Map(
    names.map((name) => [
      name,
      execFileSync('unzip', ['-p', path, name], { encoding: 'utf8', maxBuffer: 256 << 20 }),
    ]),
  )
}
