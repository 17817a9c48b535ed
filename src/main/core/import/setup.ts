import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { uuidv7 } from '../db/ids';
import type { ImportKind, ImportOptions } from '@shared/api/imports';
import { get, run } from '../db/prepared';
import { KINDS } from '@shared/import/kinds';
import { guessMapping, headerKey, mappingProblems } from '@shared/import/mapping';
import { detectPreset, presetMapping, presetNamed, type Preset } from './presets';
import { presetFits } from './presets/types';
import type { columnMappings } from '../db/schema';
import type { SqlRow, With } from '../db/typed';

/** Why a job cannot be set up, in words for the user (the CLI exits 1, the API answers `validation`). */
export class SetupError extends Error {
  override readonly name = 'SetupError';
}

/** Hash of the normalised header: the same export layout gets the same remembered mapping. */
export function headerSignature(columns: readonly string[]): string {
  return createHash('sha256').update(columns.map(headerKey).join('\u0001')).digest('hex').slice(0, 32);
}

export function rememberedMapping(
  sqlite: Database.Database,
  signature: string,
): { kind: ImportKind; mapping: Record<string, string> } | null {
  const row = get<With<SqlRow<typeof columnMappings, 'kind' | 'mapping'>, { kind: ImportKind }>>(
    sqlite,
    'SELECT kind, mapping FROM column_mappings WHERE header_signature = ?',
    signature,
  );
  return row ? { kind: row.kind, mapping: JSON.parse(row.mapping) as Record<string, string> } : null;
}

export function rememberMapping(
  sqlite: Database.Database,
  signature: string,
  kind: ImportKind,
  mapping: Record<string, string>,
  now: string,
): void {
  run(
    sqlite,
    `INSERT INTO column_mappings (id, header_signature, kind, mapping, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (header_signature) DO UPDATE SET kind = excluded.kind, mapping = excluded.mapping, updated_at = excluded.updated_at`,
    uuidv7(),
    signature,
    kind,
    JSON.stringify(mapping),
    now,
    now,
  );
}

export interface Resolved {
  kind: ImportKind;
  preset: Preset | null;
  mapping: Record<string, string>;
  /** A mapping the user chose (or confirmed): remembered for this header. */
  remember: boolean;
}

export interface Choice {
  kind?: ImportKind;
  preset?: string;
  mapping?: Record<string, string>;
}

/**
 * Decides how a file is read: the named preset, else the user's mapping, else the preset the header is
 * recognised as, else the mapping remembered for this header (or guessed from its column names) for the
 * kind the user chose. Throws SetupError with what is missing.
 */
export function resolveSetup(
  sqlite: Database.Database,
  fileName: string,
  columns: readonly string[],
  choice: Choice,
): Resolved {
  if (choice.preset) {
    const preset = presetNamed(choice.preset);
    if (!preset) throw new SetupError(`There is no preset "${choice.preset}".`);
    if (!presetFits(preset, columns)) {
      const missing = preset.identify.filter(
        (p) => !columns.some((c) => (typeof p === 'string' ? c.trim() === p : p.test(c.trim()))),
      );
      throw new SetupError(
        `${fileName} is not a ${preset.label} export: it has no ${missing.map((m) => `"${String(m)}"`).join(', ')} column.`,
      );
    }
    if (choice.kind && choice.kind !== preset.kind)
      throw new SetupError(`The ${preset.label} preset imports ${preset.kind}, not ${choice.kind}.`);
    return { kind: preset.kind, preset, mapping: presetMapping(preset, columns), remember: false };
  }
  if (choice.mapping) {
    if (!choice.kind)
      throw new SetupError(
        'Choose what the file holds (contacts, deals, orders, payments or metrics) for this mapping.',
      );
    return checked(fileName, choice.kind, choice.mapping, columns, true);
  }
  const detected = detectPreset(columns);
  if (detected && (!choice.kind || choice.kind === detected.kind)) {
    return {
      kind: detected.kind,
      preset: detected,
      mapping: presetMapping(detected, columns),
      remember: false,
    };
  }
  if (!choice.kind) {
    throw new SetupError(
      `${fileName}: these columns are not from an export Tandem knows. Choose what the file holds (--as contacts, deals, orders, payments or metrics) and map its columns.`,
    );
  }
  const remembered = rememberedMapping(sqlite, headerSignature(columns));
  const mapping = remembered?.kind === choice.kind ? remembered.mapping : guessMapping(choice.kind, columns);
  return checked(fileName, choice.kind, mapping, columns, false);
}

function checked(
  fileName: string,
  kind: ImportKind,
  mapping: Record<string, string>,
  columns: readonly string[],
  remember: boolean,
): Resolved {
  const problems = mappingProblems(kind, mapping, columns);
  if (problems.length > 0) {
    throw new SetupError(
      `${fileName} cannot be imported as ${KINDS[kind].label.toLowerCase()} yet. ${problems.join(' ')}`,
    );
  }
  return { kind, preset: null, mapping, remember };
}

/** This computer's time zone: exports without offsets are written in the account's (usually the owner's) zone. */
export function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function jobOptionsFor(
  options: ImportOptions | undefined,
  preset: Preset | null,
  settings: { currency: string; locale: string },
) {
  const { currency, locale } = settings;
  return {
    ...(options?.sheet ? { sheet: options.sheet } : {}),
    ...(options?.dateOrder ? { dateOrder: options.dateOrder } : {}),
    ...(options?.dateOrders && Object.keys(options.dateOrders).length > 0
      ? { dateOrders: options.dateOrders }
      : {}),
    locale,
    ...(options?.decimalSeparator ? { decimalSeparator: options.decimalSeparator } : {}),
    timeZone: options?.timeZone ?? defaultTimeZone(),
    currency,
    source: preset?.source ?? (options?.source ? options.source.toLowerCase() : 'import'),
  };
}
