import type { z } from 'zod';
import type { MethodSpec } from '../contract/define';
import { contactsApi } from './contacts';
import { settingsApi } from './settings';
import { systemApi } from './system';

/** Every method of Tandem's API, declared once. Transports (IPC, host, CLI, tests) are built from this map. */
export const api = {
  ...settingsApi,
  ...systemApi,
  ...contactsApi,
} satisfies Record<string, MethodSpec>;

export type Api = typeof api;
export type MethodName = keyof Api;
export type Input<K extends MethodName> = z.input<Api[K]['input']>;
export type ParsedInput<K extends MethodName> = z.output<Api[K]['input']>;
export type Output<K extends MethodName> = z.output<Api[K]['output']>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(api, name);
}
