import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { EXIT, UserError } from '../cli/errors.js';

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** A Chrome that `npx puppeteer browsers install chrome` put in its cache, newest first. */
function puppeteerCacheChrome(): string | undefined {
  const root = join(process.env.PUPPETEER_CACHE_DIR ?? join(homedir(), '.cache', 'puppeteer'), 'chrome');
  if (!existsSync(root)) return undefined;
  for (const version of readdirSync(root).sort().reverse()) {
    for (const exe of [
      'chrome-linux64/chrome',
      'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
      'chrome-win64/chrome.exe',
    ]) {
      const path = join(root, version, exe);
      if (existsSync(path)) return path;
    }
  }
  return undefined;
}

/** The Chrome or Chromium the PDFs are printed with, or a Russian message saying how to install one. */
export function findChrome(): string {
  const fromEnv = process.env.PUPPETEER_EXECUTABLE_PATH ?? process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new UserError(
      `Браузер для печати PDF не найден по пути «${fromEnv}» (PUPPETEER_EXECUTABLE_PATH). Исправьте путь или уберите переменную.`,
      EXIT.cannotRun,
    );
  }
  const found = SYSTEM_BROWSERS.find((p) => existsSync(p)) ?? puppeteerCacheChrome();
  if (found) return found;
  throw new UserError(
    'Для PDF нужен Chromium или Chrome, но он не найден.\n' +
      'Установите его: sudo apt-get install chromium (Debian/Ubuntu) или npx puppeteer browsers install chrome,\n' +
      'либо укажите путь: PUPPETEER_EXECUTABLE_PATH=/путь/к/chrome. Без браузера доступны форматы html и xlsx: --format html,xlsx.',
    EXIT.cannotRun,
  );
}

/** Prints after which a page is closed and a fresh one takes its place. */
const PAGE_RECYCLE_PRINTS = 50;

/** Report pages see nothing but their own HTML: scripts off, every request other than data: refused. */
async function lockDown(page: Page): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    if (request.url().startsWith('data:') || request.url() === 'about:blank') void request.continue();
    else void request.abort('blockedbyclient');
  });
}

/**
 * One long-lived Chromium with a small pool of locked-down pages (DESIGN: 82 ms a PDF warm, against
 * 1.1 s for a browser per report).
 */
export class PdfPrinter {
  private readonly idle: Page[] = [];
  private readonly waiting: ((page: Page) => void)[] = [];
  private created = 0;
  /** Prints per page since it was opened: a page reused for thousands of prints slows down and grows. */
  private readonly uses = new Map<Page, number>();

  private constructor(
    private readonly browser: Browser,
    /** Pages printing at once. */
    readonly size: number,
  ) {}

  static async launch(size = 2): Promise<PdfPrinter> {
    const executablePath = findChrome();
    let browser: Browser;
    try {
      browser = await puppeteer.launch({
        executablePath,
        headless: true,
        // Talk over a pipe, not a port: however this process ends without closing the browser, the
        // pipe closes and the browser exits with it (browsers left by test runs were once found living
        // on, each listening on its debugging port).
        pipe: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'],
      });
    } catch (error) {
      throw new UserError(
        `Не удалось запустить браузер «${executablePath}» для печати PDF: ${(error as Error).message.split('\n')[0]}`,
        EXIT.cannotRun,
      );
    }
    return new PdfPrinter(browser, size);
  }

  private async acquire(): Promise<Page> {
    const page = this.idle.pop();
    if (page) return page;
    if (this.created < this.size) {
      this.created++;
      const fresh = await this.browser.newPage();
      await lockDown(fresh);
      return fresh;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private async release(page: Page): Promise<void> {
    let ready = page;
    const uses = (this.uses.get(page) ?? 0) + 1;
    this.uses.set(page, uses);
    if (uses >= PAGE_RECYCLE_PRINTS) {
      // Measured on the national benchmark: 180 → 420 ms a passport over 300 prints on one page,
      // ≈ 250 ms throughout with a fresh page every 50.
      this.uses.delete(page);
      await page.close().catch(() => undefined);
      ready = await this.browser.newPage();
      await lockDown(ready);
    }
    const next = this.waiting.shift();
    if (next) next(ready);
    else this.idle.push(ready);
  }

  /** Prints self-contained HTML to an A4 PDF (page size, margins and page numbers come from its CSS). */
  async print(html: string): Promise<Uint8Array> {
    const page = await this.acquire();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        outline: true,
        tagged: true,
        waitForFonts: true,
      });
    } finally {
      await this.release(page);
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
