/** Handlers of the `app:` and `design:` calls. */
import { fail, ok } from '../../../shared/contract'
import { emptyDesign, openIntoSession } from '../../engine'
import type { AppContext } from '../context'
import { designProblems } from '../design-problems'
import type { HandlerMap } from '../handler-types'
import { simulationPatchProblem } from './simulation-patch'
import { listSamples, readSample } from '../samples'
import { refuseUnsaved } from '../unsaved-guard'

type DesignCall =
  | 'app:info'
  | 'design:get'
  | 'design:validate'
  | 'design:apply'
  | 'design:undo'
  | 'design:redo'
  | 'design:new'
  | 'design:open-sample'
  | 'design:load'

export function designHandlers(ctx: AppContext): HandlerMap<DesignCall> {
  const { design } = ctx
  return {
    'app:info': (_req, call) =>
      ok({
        version: ctx.version,
        shell: ctx.shell.kind,
        session: call.session,
        samples: listSamples(ctx.paths.samplesDir),
      }),
    'design:get': () =>
      ok({ ...design.state, design: design.design, ...designProblems(design.problems) }),
    'design:validate': () => ok(designProblems(design.problems).problems),
    'design:apply': (req) => {
      // a policy or weigher the run would refuse is refused now, naming the valid ones
      const refused = simulationPatchProblem(req.command)
      if (refused) return fail('bad-request', `${refused.path}: ${refused.message}`, [refused])
      return design.apply(req.command)
    },
    'design:undo': () => design.undo(),
    'design:redo': () => design.redo(),
    'design:new': (req) => {
      const blocked = refuseUnsaved(design, req.discardChanges)
      if (blocked) return blocked
      design.replace(emptyDesign(req.name))
      return ok(design.state)
    },
    'design:open-sample': (req) => {
      const blocked = refuseUnsaved(design, req.discardChanges)
      if (blocked) return blocked
      const raw = readSample(ctx.paths.samplesDir, req.name)
      if (raw === undefined) return fail('not-found', `no sample named "${req.name}"`)
      return design.load(raw, { source: `sample "${req.name}"` })
    },
    // Through the file reader, so migrations and saved results are handled as for files.
    'design:load': (req) => {
      const blocked = refuseUnsaved(design, req.discardChanges)
      if (blocked) return blocked
      const opened = openIntoSession(design, JSON.stringify(req.document ?? null), {
        source: req.fileName ?? 'the uploaded document',
      })
      return opened.ok ? ok(opened.value.state) : opened
    },
  }
}
