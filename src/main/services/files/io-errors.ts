/** Plain-language messages for file system errors, so a failed save or open says why. */

/** A file operation that failed, with a message fit for the user. */
export class FileIoError extends Error {
  constructor(
    message: string,
    /** The Node error code (`ENOSPC`, `EACCES`, ...), when there is one. */
    readonly code: string | undefined,
    readonly path: string,
  ) {
    super(message)
    this.name = 'FileIoError'
  }
}

/** Why an operation on `path` failed, in words. */
export function describeIoError(error: unknown, path: string): { code?: string; reason: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return { code, reason: 'the disk is full' }
    case 'EACCES':
    case 'EPERM':
      return { code, reason: `permission denied for ${path}` }
    case 'ENOENT':
      return { code, reason: `${path} or its folder no longer exists` }
    case 'ENOTDIR':
      return { code, reason: `a part of ${path} is not a folder` }
    case 'EROFS':
      return { code, reason: 'the disk is read-only' }
    case 'EISDIR':
      return { code, reason: `${path} is a folder` }
    case 'EFBIG':
      return { code, reason: 'the file would pass the size limit of this process (ulimit -f)' }
    case 'EMFILE':
    case 'ENFILE':
      return { code, reason: 'too many files are open' }
    default:
      return { code, reason: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * Why reading `what` (a file, a folder) failed, in words, for a path the user named: `there is
 * no such file`, `a symbolic link on its path loops …`, never Node's bare code (review s9a #6:
 * `cannot read …/nonexist.json: ENOENT`, `…: ELOOP`). The caller names the path.
 */
export function readFailureReason(error: unknown, what: 'file' | 'folder' = 'file'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOENT':
      return `there is no such ${what}`
    case 'ELOOP':
      return 'a symbolic link on its path loops (it leads back to itself, or through too many links)'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ENOTDIR':
      return what === 'folder' ? 'it is not a folder' : 'a part of its path is not a folder'
    case 'ENAMETOOLONG':
      return 'its path is too long for the file system'
    case 'EISDIR':
      return 'it is a folder'
    case 'EIO':
      return 'the disk could not be read (input/output error)'
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open'
    default:
      return error instanceof Error ? error.message : String(error)
  }
}
