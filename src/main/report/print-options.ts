import type { ReportRequest } from '@shared/api/reports';
import {
  checkMargins,
  footerTemplate,
  headerTemplate,
  paperFor,
  periodText,
  REPORT_MARGINS,
  reportFileName,
  type Paper,
} from '@shared/domain/report';

export interface Workspace {
  businessName: string;
  locale: string;
}

/** What both printers (Electron's printToPDF and Chromium's page.pdf) are told, from one place. */
export interface PrintPlan {
  paper: Paper;
  margins: typeof REPORT_MARGINS;
  headerTemplate: string;
  footerTemplate: string;
  fileName: string;
}

export function printPlan(workspace: Workspace, request: Pick<ReportRequest, 'from' | 'to'>): PrintPlan {
  const paper = paperFor(workspace.locale);
  checkMargins(paper);
  const period = periodText(request.from, request.to, workspace.locale);
  return {
    paper,
    margins: REPORT_MARGINS,
    headerTemplate: headerTemplate(workspace.businessName, period),
    footerTemplate: footerTemplate(workspace.businessName, period),
    fileName: reportFileName(workspace.businessName, request.from, request.to),
  };
}
