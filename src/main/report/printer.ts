import type { Browser } from 'playwright-core';
import type { ReportRequest } from '@shared/api/reports';
import type { Settings } from '@shared/api/settings';
import type { HostCore } from '../host/server';
import { launchChromium, printWithChromium, type PrintedReport } from './chromium';

export interface ReportPrinter {
  /** `entry` is a one-time link into the app from the host (`Host.link()`). */
  print(request: ReportRequest, entry: string): Promise<PrintedReport>;
  close(): Promise<void>;
}

/**
 * Prints reports in Chromium for the CLI and the browser host. The browser starts on the first print
 * and is kept for the next; the business name and locale are read fresh for each PDF.
 */
export function createReportPrinter(core: HostCore): ReportPrinter {
  let browser: Promise<Browser> | null = null;
  return {
    async print(request, entry) {
      const settings = await core.dispatch('settings.get', {});
      if (!settings.ok) throw new Error(settings.error.message);
      const { businessName, locale } = settings.value as Settings;
      browser ??= launchChromium();
      let b: Browser;
      try {
        b = await browser;
      } catch (error) {
        browser = null;
        throw error;
      }
      return printWithChromium(b, entry, request, { businessName, locale });
    },
    async close() {
      const running = browser;
      browser = null;
      if (running) await (await running.catch(() => null))?.close();
    },
  };
}
