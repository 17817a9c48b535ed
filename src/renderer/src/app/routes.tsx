import type { ComponentType } from 'react';
import { CadencesPage } from '../features/cadences/CadencesPage';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { CampaignsPage } from '../features/campaigns/CampaignsPage';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { ImportsPage } from '../features/imports/ImportsPage';
import { OrdersPage } from '../features/orders/OrdersPage';
import { PipelinePage } from '../features/pipeline/PipelinePage';
import { PlansPage } from '../features/plans/PlansPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { ResultsPage } from '../features/results/ResultsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TodayPage } from '../features/today/TodayPage';

export interface RouteDef {
  path: string;
  label: string;
  /** Single-key shortcut after `g` (g t = Today...). */
  key: string;
  component: ComponentType<{ params: string[] }>;
  /**
   * Whether the screen's figures follow the top bar's period: on every page of the route, or on its list
   * only (a plan or a campaign page has its own dates). Screens without it hide the picker.
   */
  period?: 'always' | 'list';
}

/** True when the top bar shows the period picker on this route and these params. */
export function usesPeriod(route: RouteDef, params: string[]): boolean {
  return route.period === 'always' || (route.period === 'list' && params.length === 0);
}

export const routes: RouteDef[] = [
  { path: 'today', label: 'Today', key: 't', component: TodayPage },
  { path: 'pipeline', label: 'Pipeline', key: 'p', component: PipelinePage },
  { path: 'contacts', label: 'Leads & contacts', key: 'c', component: ContactsPage },
  { path: 'cadences', label: 'Cadences', key: 'q', component: CadencesPage },
  {
    path: 'plans',
    label: 'Plans',
    key: 'l',
    component: PlansPage,
    period: 'list',
  },
  {
    path: 'campaigns',
    label: 'Campaigns',
    key: 'm',
    component: CampaignsPage,
    period: 'list',
  },
  {
    path: 'calendar',
    label: 'Calendar',
    key: 'a',
    component: CalendarPage,
    period: 'always',
  },
  // Imported sales: orders and payments (b for "bought").
  { path: 'orders', label: 'Orders', key: 'b', component: OrdersPage, period: 'always' },
  {
    path: 'results',
    label: 'Results',
    key: 'r',
    component: ResultsPage,
    period: 'always',
  },
  {
    path: 'imports',
    label: 'Imports',
    key: 'i',
    component: ImportsPage,
  },
  {
    path: 'reports',
    label: 'Reports',
    key: 'o',
    component: ReportsPage,
    period: 'always',
  },
  { path: 'settings', label: 'Settings', key: 's', component: SettingsPage },
];
