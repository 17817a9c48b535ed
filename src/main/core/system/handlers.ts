import type { Handlers } from '../handlers';

export const systemHandlers = {
  'system.chooseImportFile': () => ({ supported: false, path: null }),
  'system.now': (_input, ctx) => ({ now: ctx.nowIso() }),
  'system.openExternal': () => ({
    opened: false,
    message:
      'Tandem does not leave the app for outside pages here. Copy the link and open it in your browser.',
  }),
} satisfies Partial<Handlers>;
