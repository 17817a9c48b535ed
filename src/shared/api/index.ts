import type { z } from 'zod';
import type { MethodSpec } from '../contract/define';
import { campaignsApi } from './campaigns';
import { activitiesApi } from './activities';
import { cadencesApi } from './cadences';
import { companiesApi } from './companies';
import { contactsApi } from './contacts';
import { contentApi } from './content';
import { deletionApi } from './deletion';
import { exportsApi } from './exports';
import { importsApi } from './imports';
import { leadsApi } from './leads';
import { ordersApi } from './orders';
import { plansApi } from './plans';
import { reportScheduleApi } from './report-schedule';
import { reportsApi } from './reports';
import { resultsApi } from './results';
import { visitsApi } from './visits';
import { searchApi } from './search';
import { settingsApi } from './settings';
import { spendApi } from './spend';
import { systemApi } from './system';
import { todayApi } from './today';
import { trashApi } from './trash';
import { undoApi } from './undo';

/** Every method of Tandem's API, declared once. Transports (IPC, host, CLI, tests) are built from this map. */
export const api = {
  ...settingsApi,
  ...systemApi,
  ...contactsApi,
  ...companiesApi,
  ...leadsApi,
  ...activitiesApi,
  ...cadencesApi,
  ...searchApi,
  ...todayApi,
  ...plansApi,
  ...campaignsApi,
  ...spendApi,
  ...contentApi,
  ...deletionApi,
  ...importsApi,
  ...exportsApi,
  ...ordersApi,
  ...resultsApi,
  ...visitsApi,
  ...reportsApi,
  ...reportScheduleApi,
  ...undoApi,
  ...trashApi,
} satisfies Record<string, MethodSpec>;

export type Api = typeof api;
export type MethodName = keyof Api;
export type Input<K extends MethodName> = z.input<Api[K]['input']>;
export type ParsedInput<K extends MethodName> = z.output<Api[K]['input']>;
export type Output<K extends MethodName> = z.output<Api[K]['output']>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(api, name);
}
