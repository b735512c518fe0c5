/**
 * Prints report HTML to PDF. Headless (CLI, browser mode, tests) it is Debian's Chromium through
 * playwright-core, launched on first use and kept warm; nothing is downloaded. The Electron shell
 * passes its own printer (printToPDF of a hidden window) instead.
 */
import { chromium, type Browser } from 'playwright-core';

export interface PdfPrinter {
  print(html: string, signal?: AbortSignal): Promise<Buffer>;
  close(): Promise<void>;
}

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
export const chromiumPath = (): string => process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export class ChromiumPdfPrinter implements PdfPrinter {
  private browser: Promise<Browser> | null = null;

  constructor(private readonly executablePath = chromiumPath()) {}

  async print(html: string, signal?: AbortSignal): Promise<Buffer> {
    signal?.throwIfAborted();
    const browser = await this.launch();
    const page = await browser.newPage();
    const abort = () => void page.close();
    signal?.addEventListener('abort', abort, { once: true });
    try {
      // The report is self-contained: no request may leave the page.
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      signal?.throwIfAborted();
      return pdf;
    } catch (error) {
      if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('The export was cancelled.');
      throw error;
    } finally {
      signal?.removeEventListener('abort', abort);
      if (!page.isClosed()) await page.close();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }

  private launch(): Promise<Browser> {
    this.browser ??= chromium
      .launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS })
      .then((browser) => {
        // A browser that crashed or was killed is launched again on the next export.
        browser.on('disconnected', () => (this.browser = null));
        return browser;
      })
      .catch((error: unknown) => {
        this.browser = null;
        throw new Error(`PDF export needs Chromium at ${this.executablePath} (install it, or set CHROMIUM_PATH): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      });
    return this.browser;
  }
}
