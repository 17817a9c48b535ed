import type { Handlers } from '../handlers';
import { getSettings, updateSettings } from './service';
import { currencyPreview, switchCurrency } from './currency';
import { fillWithDemo, setupWorkspace, workspaceStatus } from '../workspace/status';

export const settingsHandlers = {
  'settings.get': (_input, ctx) => getSettings(ctx),
  'settings.update': (input, ctx) => updateSettings(ctx, input),
  'settings.currencyPreview': (input, ctx) => currencyPreview(ctx, input.currency),
  'settings.switchCurrency': (input, ctx) => switchCurrency(ctx, input.expect, input.currency),
  'workspace.status': (_input, ctx) => workspaceStatus(ctx),
  'workspace.setup': (input, ctx) => setupWorkspace(ctx, input.mode, input.settings),
  'workspace.demo': (input, ctx) => fillWithDemo(ctx, input.scale),
} satisfies Partial<Handlers>;
