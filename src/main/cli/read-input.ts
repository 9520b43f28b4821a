/**
 * The one way the CLI reads a file it was given (a design, a CSV, a NetBox or OpenDC file,
 * traces, an order file): a regular file only (a FIFO or device is refused), at most 64 MiB
 * counted while reading, and never through a symbolic link (closing note s9: the planetlab
 * traces were refused when linked, the `--order` file was read through its link). Never
 * throws; a refusal names the file: `/x/order.txt is a symbolic link; inputs are read only
 * from regular files, not through links (name the file it points to)`. Links in the folders
 * above the file are followed, as the user's own path.
 */
import { DEFAULT_MAX_FILE_BYTES } from '../engine'
import { readUserFileSync, type UserFileRead } from '../services/files/safe-read'

/** Reads the input file `path` (absolute); see the module comment. */
export function readCliInput(
  path: string,
  maxBytes: number = DEFAULT_MAX_FILE_BYTES,
): UserFileRead {
  return readUserFileSync(path, maxBytes, { noFollow: true })
}
