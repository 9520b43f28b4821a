/**
 * Files in the browser: "Open" reads a local file into `design:load`; "Save" downloads the
 * design as `.strata.json`. (The desktop app's native dialogs come through `files:` calls.)
 */
import { api } from '../../api'
import type { DesignState, Result } from '../../../../shared/contract'
import type { useDesignStore } from '../../stores/design'

export function pickAndLoadDesign(): Promise<Result<DesignState> | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.json,application/json'
    input.onchange = async () => {
      const file = input.files?.[0]
      if (!file) return resolve(undefined)
      let document: unknown
      try {
        document = JSON.parse(await file.text())
      } catch (error) {
        return resolve({
          ok: false,
          error: {
            code: 'bad-request',
            message: `${file.name} is not JSON: ${(error as Error).message}`,
          },
        })
      }
      resolve(await api.call('design:load', { document, fileName: file.name }))
    }
    input.click()
  })
}

export function downloadDesign(store: ReturnType<typeof useDesignStore>, _askName: boolean): void {
  const d = store.design
  if (!d) return
  const blob = new Blob([JSON.stringify(d, null, 2)], { type: 'application/json' })
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = `${d.meta.name.replace(/[^\w.-]+/g, '-').toLowerCase() || 'design'}.strata.json`
  a.click()
  setTimeout(() => URL.revokeObjectURL(a.href), 1000)
}
