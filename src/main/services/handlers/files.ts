/** Handlers of the `files:` calls: open, save, recent files, recovery, imports and exports. */
import { fail, ok, type Result } from '../../../shared/contract'
import { boundedProblems } from '../../../shared/domain/problem'
import {
  exportNetboxCsv,
  exportOpenDcTopology,
  mergeCommands,
  type ImportResult,
  type OpenedFile,
} from '../../engine'
import type { AppContext } from '../context'
import { fileNameFor, filesServices } from '../files'
import { ImportUnavailable, importOffThread } from '../files/import-off-thread'
import type { HandlerMap } from '../handler-types'
import { refuseUnsaved } from '../unsaved-guard'

type FilesCall =
  | 'files:open'
  | 'files:save'
  | 'files:save-as'
  | 'files:recent'
  | 'files:recovery'
  | 'files:recover'
  | 'files:discard-recovery'
  | 'files:import'
  | 'files:export'

const FILTERS = [{ name: 'Strata design', extensions: ['strata.json', 'json'] }]

function opened(o: OpenedFile) {
  const response = {
    state: o.state,
    warnings: boundedProblems(o.warnings),
    hasResults: o.lastRun !== undefined,
  }
  return o.migratedFrom === undefined ? response : { ...response, migratedFrom: o.migratedFrom }
}

export function filesHandlers(ctx: AppContext): HandlerMap<FilesCall> {
  const { design } = ctx
  // Made now, so that autosave runs from the start of the app, not from the first files call.
  filesServices(ctx)
  const services = () => filesServices(ctx)
  const guard = (discardChanges: boolean): Result<never> | undefined =>
    refuseUnsaved(design, discardChanges)

  return {
    'files:open': async (req) => {
      const blocked = guard(req.discardChanges)
      if (blocked) return blocked
      const { files } = services()
      if (req.contents !== undefined) {
        const bytes = req.encoding === 'base64' ? Buffer.from(req.contents, 'base64') : req.contents
        const r = files.openBytes(bytes, req.name ?? 'the uploaded file')
        return r.ok ? ok(opened(r.value)) : r
      }
      const path =
        req.path ?? (await ctx.shell.showOpenDialog?.({ title: 'Open design', filters: FILTERS }))
      if (path === undefined)
        return ctx.shell.showOpenDialog
          ? fail('cancelled', 'no file was chosen')
          : fail('bad-request', 'give a path or the file contents')
      const r = await files.openPath(path)
      return r.ok ? ok(opened(r.value)) : r
    },
    'files:save': async (req) => {
      const path = design.state.filePath
      if (!path) return fail('conflict', 'the design has not been saved to a file yet; use Save As')
      return services().files.saveTo(path, { overwrite: req.overwrite })
    },
    'files:save-as': async (req) => {
      const { files } = services()
      const fileName = fileNameFor(design.design.meta.name)
      const path =
        req.path ??
        (await ctx.shell.showSaveDialog?.({
          title: 'Save design as',
          defaultPath: design.state.filePath ?? fileName,
          filters: FILTERS,
        }))
      // A dialog has already asked before replacing a file; a path in the request has not.
      if (path !== undefined)
        return files.saveTo(path, {
          overwrite: req.overwrite || req.path === undefined,
          keepOtherFiles: req.path !== undefined,
        })
      if (ctx.shell.showSaveDialog) return fail('cancelled', 'no file was chosen')
      // Web host: the browser saves the download, which is the saved copy: what was downloaded
      // counts as saved (title, dirty mark and save status agree; a later edit is unsaved again).
      const contents = files.contents()
      const resultsNotSaved = files.resultsLeftOut()
      design.markSaved()
      return ok({
        state: design.state,
        download: { fileName, mimeType: 'application/json', contents },
        ...(resultsNotSaved ? { resultsNotSaved } : {}),
      })
    },
    'files:recent': async () => ok(await services().recent.list()),
    'files:recovery': async () => ok(await services().autosaver.list()),
    'files:recover': async (req) => {
      const blocked = guard(req.discardChanges)
      if (blocked) return blocked
      const { autosaver } = services()
      const read = await autosaver.read(req.id)
      if (!read) return fail('not-found', `no autosave "${req.id}" to recover`)
      if (!read.ok) return fail('invalid-design', read.message, read.problems)
      // A recovered autosave exists in no saved file yet: it counts as unsaved.
      design.replace(read.design, read.filePath, { unsaved: true })
      await autosaver.tick() // the recovered work is safe in this run's autosave before the old one goes
      await autosaver.discard(req.id)
      return ok({
        state: design.state,
        warnings: boundedProblems(read.warnings),
        hasResults: false,
      })
    },
    'files:discard-recovery': async (req) => {
      const { autosaver } = services()
      await autosaver.discard(req.id)
      return ok(await autosaver.list())
    },
    'files:import': async (req) => {
      if (req.mode === 'new') {
        const blocked = guard(req.discardChanges)
        if (blocked) return blocked
      }
      // converted in the import thread: other sessions are answered meanwhile
      let result: ImportResult
      try {
        result = await importOffThread({
          format: req.format,
          contents: req.contents,
          ...(req.name !== undefined ? { name: req.name } : {}),
        })
      } catch (error) {
        if (error instanceof ImportUnavailable) return fail('unavailable', error.message)
        throw error
      }
      if (!result.ok) return fail('invalid-design', result.message, result.problems)
      if (req.mode === 'new') {
        // the design may have been edited while the file was converted
        const blocked = guard(req.discardChanges)
        if (blocked) return blocked
      }
      if (req.mode === 'new') {
        design.replace(result.design, undefined, { unsaved: true })
      } else {
        const label = req.format === 'netbox-csv' ? 'Import from NetBox' : 'Import from OpenDC'
        const commands = mergeCommands(design.design, result.design)
        if (commands.length === 0) return fail('conflict', 'the file holds nothing to import')
        const applied = design.apply({
          type: 'batch',
          label,
          commands,
        })
        if (!applied.ok) return applied
      }
      return ok({
        state: design.state,
        warnings: boundedProblems(result.warnings),
        counts: result.counts,
      })
    },
    'files:export': (req) => {
      const stem = design.design.meta.name
      if (req.format === 'strata')
        return ok({
          fileName: fileNameFor(stem),
          mimeType: 'application/json',
          contents: services().files.contents(),
          warnings: [],
        })
      if (req.format === 'opendc')
        return ok({
          fileName: fileNameFor(stem, '.opendc-topology.json'),
          mimeType: 'application/json',
          ...exportOpenDcTopology(design.design),
        })
      return ok({
        fileName: fileNameFor(stem, '.netbox-devices.csv'),
        mimeType: 'text/csv',
        ...exportNetboxCsv(design.design),
      })
    },
  }
}
