import type { MethodName, Output, ParsedInput } from '@shared/api';
import type { Ctx } from './context';
import { activityHandlers } from './activities/handlers';
import { cadenceHandlers } from './cadences/handlers';
import { campaignHandlers } from './campaigns/handlers';
import { companyHandlers } from './companies/handlers';
import { contactHandlers } from './contacts/handlers';
import { contentHandlers } from './content/handlers';
import { deletionHandlers } from './deletion/handlers';
import { exportHandlers } from './export/handlers';
import { importHandlers } from './import/handlers';
import { leadHandlers } from './leads/handlers';
import { ordersHandlers } from './orders/handlers';
import { planHandlers } from './plans/handlers';
import { reportsHandlers } from './reports/handlers';
import { resultsHandlers } from './results/handlers';
import { searchHandlers } from './search/handlers';
import { settingsHandlers } from './settings/handlers';
import { spendHandlers } from './spend/handlers';
import { systemHandlers } from './system/handlers';
import { todayHandlers } from './today/handlers';
import { trashHandlers } from './trash/handlers';
import { undoHandlers } from './undo/handlers';

export type Handler<K extends MethodName> = (
  input: ParsedInput<K>,
  ctx: Ctx,
) => Output<K> | Promise<Output<K>>;
export type Handlers = { [K in MethodName]: Handler<K> };

/** The one map from method name to implementation; the compiler checks that every declared method has one. */
export const handlers: Handlers = {
  ...settingsHandlers,
  ...systemHandlers,
  ...contactHandlers,
  ...exportHandlers,
  ...companyHandlers,
  ...leadHandlers,
  ...activityHandlers,
  ...cadenceHandlers,
  ...searchHandlers,
  ...todayHandlers,
  ...planHandlers,
  ...campaignHandlers,
  ...spendHandlers,
  ...contentHandlers,
  ...deletionHandlers,
  ...importHandlers,
  ...ordersHandlers,
  ...resultsHandlers,
  ...reportsHandlers,
  ...undoHandlers,
  ...trashHandlers,
};
