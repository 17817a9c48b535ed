import type { Browser, BrowserContext } from 'playwright-core';
import type { ReportRequest } from '@shared/api/reports';
import type { Settings } from '@shared/api/settings';
import type { HostCore } from '../host/server';
import { launchChromium, printWithChromium, reportContext, type PrintedReport } from './chromium';

export interface ReportPrinter {
  /** `entry` is a one-time link into the app from the host (`Host.link()`). */
  print(request: ReportRequest, entry: string): Promise<PrintedReport>;
  close(): Promise<void>;
}

/**
 * Prints reports in Chromium for the CLI and the browser host. The browser and its one context start on
 * the first print and are kept for the next; the business name and locale are read fresh for each PDF.
 */
export function createReportPrinter(core: HostCore): ReportPrinter {
  let browser: Promise<Browser> | null = null;
  let context: Promise<BrowserContext> | null = null;
  return {
    async print(request, entry) {
      const settings = await core.dispatch('settings.get', {});
      if (!settings.ok) throw new Error(settings.error.message);
      const { businessName, locale } = settings.value as Settings;
      browser ??= launchChromium();
      let c: BrowserContext;
      try {
        let b = await browser;
        if (!b.isConnected()) {
          // The browser went away (crashed or was killed): start another.
          browser = launchChromium();
          context = null;
          b = await browser;
        }
        context ??= reportContext(b);
        c = await context;
      } catch (error) {
        browser = null;
        context = null;
        throw error;
      }
      return printWithChromium(c, entry, request, { businessName, locale });
    },
    async close() {
      const running = browser;
      browser = null;
      context = null;
      if (running) await (await running.catch(() => null))?.close();
    },
  };
}
