import { ReportRequest } from '@shared/api/reports';
import type { Result } from '@shared/contract/result';
import { validationError } from '@shared/contract/validate';
import { printRouteHash } from '@shared/domain/report';
import { printPlan, type Workspace } from '../report/print-options';

/** The little of a BrowserWindow the printer uses, so the flow is testable without Electron. */
export interface PrintWindow {
  loadRoute(hash: string): Promise<void>;
  isReady(): Promise<{ ready: boolean; error: string | null }>;
  printToPDF(options: Record<string, unknown>): Promise<Uint8Array>;
  destroy(): void;
}

export interface ReportPdfDeps {
  /** A hidden window with the main window's sandbox, isolation and CSP. */
  createWindow(): PrintWindow;
  workspace(): Promise<Workspace>;
  chooseSavePath(defaultName: string): Promise<string | null>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Offers to open the saved file; resolves true when it was opened. */
  offerToOpen(path: string): Promise<boolean>;
  sleep?(ms: number): Promise<void>;
  readyTimeoutMs?: number;
}

const wait = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

async function printOnce(deps: PrintDeps, request: ReportRequest, plan: ReturnType<typeof printPlan>) {
  const window = deps.createWindow();
  try {
    await window.loadRoute(printRouteHash(request));
    const sleep = deps.sleep ?? wait;
    const deadline = Date.now() + (deps.readyTimeoutMs ?? 60_000);
    for (;;) {
      const state = await window.isReady();
      if (state.error) throw new Error(state.error);
      if (state.ready) break;
      if (Date.now() > deadline) throw new Error('the report page did not finish drawing in time');
      await sleep(100);
    }
    return await window.printToPDF({
      pageSize: plan.paper,
      printBackground: true,
      margins: plan.margins,
      displayHeaderFooter: true,
      headerTemplate: plan.headerTemplate,
      footerTemplate: plan.footerTemplate,
    });
  } finally {
    window.destroy();
  }
}

/** What printing needs without saving: a hidden window and the workspace's name and locale. */
export type PrintDeps = Pick<ReportPdfDeps, 'createWindow' | 'workspace' | 'sleep' | 'readyTimeoutMs'>;

/**
 * Prints the report route in a hidden window with printToPDF; a failed print gets a fresh window and one
 * retry. Used by "Export PDF" and by scheduled reports.
 */
export async function printReportPdf(
  deps: PrintDeps,
  request: ReportRequest,
  plan?: ReturnType<typeof printPlan>,
): Promise<{ pdf: Uint8Array; fileName: string }> {
  const layout = plan ?? printPlan(await deps.workspace(), request);
  let pdf: Uint8Array;
  try {
    pdf = await printOnce(deps, request, layout);
  } catch {
    try {
      pdf = await printOnce(deps, request, layout);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`The report could not be printed: ${why}.`, { cause: error });
    }
  }
  return { pdf, fileName: layout.fileName };
}

/**
 * "Export PDF" in the desktop app: the save dialog first (default name with business and period), then
 * the print route in a hidden window and printToPDF.
 */
export async function exportReportPdf(input: unknown, deps: ReportPdfDeps): Promise<Result<unknown>> {
  const parsed = ReportRequest.safeParse(input);
  if (!parsed.success)
    return { ok: false, error: validationError(parsed.error, 'input for reports.exportPdf') };
  const request = parsed.data;
  const plan = printPlan(await deps.workspace(), request);
  const path = await deps.chooseSavePath(plan.fileName);
  if (!path) return { ok: true, value: { supported: true, path: null, message: 'Not saved.' } };
  let pdf: Uint8Array;
  try {
    ({ pdf } = await printReportPdf(deps, request, plan));
  } catch (error) {
    return {
      ok: false,
      error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
    };
  }
  await deps.writeFile(path, pdf);
  void deps.offerToOpen(path);
  return { ok: true, value: { supported: true, path, message: `Saved to ${path}.` } };
}
