/**
 * HTML -> PDF. In the Electron app the shell's `htmlToPdf` (printToPDF) is used; elsewhere
 * (CLI, web host, tests) headless Chromium through playwright-core, at
 * `STRATA_CHROMIUM` or /usr/bin/chromium.
 */
import type * as PlaywrightCore from 'playwright-core'
import type { ShellCapabilities } from '../context'

/** Flags that keep headless Chromium quiet and offline (see TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** playwright-core, imported once: its first import holds the thread about 1–2 s. */
let playwright: Promise<typeof PlaywrightCore> | undefined

/**
 * Starts importing playwright-core now, in the background (the web host calls it once it
 * listens), so that the first PDF does not hold every other socket while it loads (review
 * s8a #5: another socket's `app:info` waited 1.7 s at the start of the first PDF). A failed
 * import is reported by the PDF that needs it.
 */
export function preloadPdfBrowser(): void {
  playwright ??= import('playwright-core')
  playwright.catch(() => undefined)
}

export function chromiumPath(): string {
  return process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium'
}

/**
 * Prints self-contained HTML to an A4 PDF with headless Chromium. When `signal` aborts (the
 * job's cancel, the host's shutdown), the browser is closed at once and the promise rejects:
 * a PDF in progress must not keep a stopping process alive (review s7a #10: 8 s at SIGTERM).
 */
export async function htmlToPdfWithChromium(
  html: string,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  signal?.throwIfAborted()
  let browser
  try {
    // Imported once; the web host starts it in the background at start-up.
    playwright ??= import('playwright-core')
    const { chromium } = await playwright
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  } catch (error) {
    throw new Error(
      `cannot start Chromium at ${chromiumPath()} to make the PDF (set STRATA_CHROMIUM to its path): ${(error as Error).message.split('\n')[0]}`,
      { cause: error },
    )
  }
  const open = browser
  const closeOnAbort = (): void => void open.close().catch(() => undefined)
  signal?.addEventListener('abort', closeOnAbort, { once: true })
  try {
    signal?.throwIfAborted()
    const page = await browser.newPage()
    // The report has no script and no external resource: nothing to wait for but layout.
    await page.setContent(html, { waitUntil: 'load' })
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
    return new Uint8Array(pdf)
  } finally {
    signal?.removeEventListener('abort', closeOnAbort)
    await browser.close()
  }
}

/** The PDF maker for this shell. */
export function pdfMaker(
  shell?: Pick<ShellCapabilities, 'htmlToPdf'>,
): (html: string, signal?: AbortSignal) => Promise<Uint8Array> {
  return shell?.htmlToPdf ?? htmlToPdfWithChromium
}
