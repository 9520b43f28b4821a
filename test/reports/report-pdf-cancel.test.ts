/**
 * A PDF in progress stops with its job (review s7a #10): a cancel (or the host's shutdown,
 * which cancels every job) while headless Chromium prints closes the browser at once, and the
 * report fails `ReportCancelled`. Before, the PDF ran to its end and kept a stopping
 * `strata serve` alive for it (8.3 s at load 14 on the sample). Real Chromium
 * (/usr/bin/chromium or STRATA_CHROMIUM), the real report; checked by outcome, never timed.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkIntegrity } from '../../src/main/engine/model/validate'
import { htmlToPdfWithChromium } from '../../src/main/services/reports/pdf'
import { produceReport, ReportCancelled } from '../../src/main/services/reports/produce-report'
import type { Design } from '../../src/shared/design/schema'

const design = checkIntegrity(
  JSON.parse(readFileSync(join(__dirname, '../../resources/samples/two-hall.strata.json'), 'utf8')),
).design as Design

describe('a report cancelled while its PDF prints', () => {
  it('closes the browser and fails ReportCancelled; the PDF maker saw the abort', async () => {
    const controller = new AbortController()
    let printing: Promise<Uint8Array> | undefined
    const outcome = await produceReport({
      design,
      html: true,
      pdf: true,
      signal: controller.signal,
      // The real printer; the job is cancelled once Chromium has been asked to print.
      makePdf: (html, signal) => {
        printing = htmlToPdfWithChromium(html, signal)
        setTimeout(() => controller.abort(), 0)
        return printing
      },
    }).catch((error: unknown) => error)
    expect(outcome).toBeInstanceOf(ReportCancelled)
    // The printer itself stopped (rejected), not a PDF finished and thrown away.
    expect(await printing?.then(() => 'printed').catch(() => 'stopped')).toBe('stopped')
  }, 120_000)

  it('an already cancelled signal never starts Chromium', async () => {
    const controller = new AbortController()
    controller.abort()
    const error = await htmlToPdfWithChromium('<p>x</p>', controller.signal).catch((e) => e)
    expect((error as Error).name).toBe('AbortError')
  })
})
