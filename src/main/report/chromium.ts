import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import type { ReportRequest } from '@shared/api/reports';
import { printRouteHash } from '@shared/domain/report';
import { printPlan, type Workspace } from './print-options';

/** Debian's Chromium unless CHROMIUM_PATH names another; Tandem never downloads a browser. */
function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath))
    throw new Error(
      `No Chromium at ${executablePath}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-sync'],
  });
}

const READY_TIMEOUT_MS = 60_000;

/** What the print route exposes (this file is compiled without the DOM's types). */
interface PageGlobals {
  __tandemReportReady?: boolean;
  document: { documentElement: { dataset: Record<string, string | undefined> } };
}

/**
 * Prints the report route of the loopback host to PDF bytes: waits until the page says
 * it is ready (fonts loaded, every chart an image), then prints with the shared size, margins and footer.
 */
/** A printed report: its bytes, the default file name and the paper it was laid out on. */
export interface PrintedReport {
  pdf: Buffer;
  fileName: string;
  paper: ReturnType<typeof printPlan>['paper'];
}

/**
 * The one browser context every report is printed in. Kept between prints: a new context costs a fifth
 * of a second, and within one the renderer's hashed bundle is cached and compiled once.
 */
export function reportContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ colorScheme: 'light' });
}

export async function printWithChromium(
  context: BrowserContext,
  /** A one-time link into the app (the host's `link()`); the print route's #fragment is added to it. */
  entry: string,
  request: ReportRequest,
  workspace: Workspace,
): Promise<PrintedReport> {
  const plan = printPlan(workspace, request);
  const page = await context.newPage();
  try {
    await page.goto(`${entry}${printRouteHash(request)}`);
    // Functions, not strings: the page's CSP forbids eval. They run in the page, hence the casts.
    await page.waitForFunction(
      () => (globalThis as unknown as PageGlobals).__tandemReportReady === true,
      undefined,
      {
        timeout: READY_TIMEOUT_MS,
      },
    );
    const problem = await page.evaluate(
      () => (globalThis as unknown as PageGlobals).document.documentElement.dataset.reportError ?? null,
    );
    if (problem) throw new Error(problem);
    const inch = (n: number) => `${n}in`;
    const pdf = await page.pdf({
      format: plan.paper,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: plan.headerTemplate,
      footerTemplate: plan.footerTemplate,
      margin: {
        top: inch(plan.margins.top),
        bottom: inch(plan.margins.bottom),
        left: inch(plan.margins.left),
        right: inch(plan.margins.right),
      },
    });
    return { pdf, fileName: plan.fileName, paper: plan.paper };
  } finally {
    await page.close();
  }
}
