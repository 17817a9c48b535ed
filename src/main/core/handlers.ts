import type { MethodName, Output, ParsedInput } from '@shared/api';
import type { Ctx } from './context';
import { contactHandlers } from './contacts/handlers';
import { settingsHandlers } from './settings/handlers';
import { systemHandlers } from './system/handlers';

export type Handler<K extends MethodName> = (input: ParsedInput<K>, ctx: Ctx) => Output<K> | Promise<Output<K>>;
export type Handlers = { [K in MethodName]: Handler<K> };

/** The one map from method name to implementation; the compiler checks that every declared method has one. */
export const handlers: Handlers = {
  ...settingsHandlers,
  ...systemHandlers,
  ...contactHandlers,
};
