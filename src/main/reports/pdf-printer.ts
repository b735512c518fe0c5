/**
 * Prints report HTML to PDF. Headless (CLI, browser mode, tests) it is Debian's Chromium through
 * playwright-core, launched on first use and kept warm; nothing is downloaded. The Electron shell
 * passes its own printer (printToPDF of a hidden window) instead.
 *
 * Every PDF has bookmarks (one per h1–h6 heading, Chromium's document outline), is tagged (so
 * /Lang comes from <html lang> and the structure is readable by assistive technology) and takes its
 * /Title from <title>. The page size is the CSS @page size when the page sets one, else `paper`.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PaperSize } from '../../shared/vocabulary';

export interface PrintOptions {
  /** A4 (the default) or US Letter, when the page's CSS does not say. */
  paper?: PaperSize;
  signal?: AbortSignal;
}

/** Several printings on one page, kept between them: a two-pass report prints twice without opening a second tab. */
export interface PrintSession {
  print(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

export interface PdfPrinter {
  print(html: string, options?: PrintOptions): Promise<Buffer>;
  /** Optional: a printer without it prints each pass with print(). */
  session?(options?: PrintOptions): Promise<PrintSession>;
  close(): Promise<void>;
}

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
export const chromiumPath = (): string => process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** Chromium's names for the paper sizes (playwright's `format`, Electron's `pageSize`). */
export const PAPER_FORMAT = { a4: 'A4', letter: 'Letter' } as const satisfies Record<PaperSize, string>;

/** Prints `html` in `session`, or with print() when the printer has no sessions: what a multi-pass printing runs on. */
export async function openSession(printer: PdfPrinter, options: PrintOptions = {}): Promise<PrintSession> {
  if (printer.session) return printer.session(options);
  return { print: (html) => printer.print(html, options), close: async () => {} };
}

export class ChromiumPdfPrinter implements PdfPrinter {
  private browser: Promise<Browser> | null = null;
  /** The last session's tab, kept for the next. */
  private idle: Page | null = null;

  constructor(
    private readonly executablePath = chromiumPath(),
    /** keepTab false: a new tab for each session (the benchmark's comparison). */
    private readonly options: { keepTab?: boolean } = {},
  ) {}

  async print(html: string, options: PrintOptions = {}): Promise<Buffer> {
    const session = await this.session(options);
    try {
      return await session.print(html);
    } finally {
      await session.close();
    }
  }

  /**
   * A tab for several printings; each print() replaces its content. The tab is kept after a session
   * that ended well, for the next one: a new tab per printing costs more than a printing's second pass.
   */
  async session({ paper = 'a4', signal }: PrintOptions = {}): Promise<PrintSession> {
    signal?.throwIfAborted();
    const page = await this.tab();
    let failed = false;
    const abort = () => void page.close();
    signal?.addEventListener('abort', abort, { once: true });
    const cancelled = () => (signal?.reason instanceof Error ? signal.reason : new Error('The export was cancelled.'));
    return {
      print: async (html) => {
        try {
          signal?.throwIfAborted();
          return await printPage(page, html, paper);
        } catch (error) {
          failed = true;
          throw signal?.aborted ? cancelled() : error;
        }
      },
      close: async () => {
        signal?.removeEventListener('abort', abort);
        if (this.options.keepTab !== false && !failed && !signal?.aborted && !page.isClosed() && this.idle === null) this.idle = page;
        else if (!page.isClosed()) await page.close().catch(() => {});
      },
    };
  }

  /** The kept tab, or a new one that lets no request leave it. */
  private async tab(): Promise<Page> {
    const kept = this.idle;
    this.idle = null;
    if (kept && !kept.isClosed()) return kept;
    const browser = await this.launch();
    const page = await browser.newPage();
    try {
      // The report is self-contained: no request may leave the page.
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      return page;
    } catch (error) {
      await page.close().catch(() => {});
      throw error;
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    this.idle = null;
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

async function printPage(page: Page, html: string, paper: PaperSize): Promise<Buffer> {
  // 'load' waits for the @font-face data: URLs and images; fonts.ready for the faces the text asked for.
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate('document.fonts.ready.then(() => undefined)');
  return page.pdf({ format: PAPER_FORMAT[paper], printBackground: true, preferCSSPageSize: true, outline: true, tagged: true });
}
