import type { ImportInspection, ImportKind, ImportStart, TargetField } from '@shared/api/imports';
import { isDateField, type DateOrder } from '@shared/import/date-order';
import { guessMapping, mappingProblems, plainMapping } from '@shared/import/mapping';

/** What the user has decided on the mapping screen; the inspection's suggestions are its starting point. */
export interface Draft {
  kind: ImportKind | null;
  /** The recognised export whose rules read the file; null when the user maps the columns. */
  preset: string | null;
  /** Source column → target field; columns left out are not imported. */
  mapping: Record<string, string>;
  /** Day/month order the user chose per date column; the others are read as the whole column settles. */
  dateOrders: Record<string, DateOrder>;
  decimalSeparator: '' | '.' | ',';
  source: string;
}

export function initialDraft(inspection: ImportInspection): Draft {
  return {
    kind: inspection.kind,
    preset: inspection.preset?.name ?? null,
    mapping: { ...inspection.mapping },
    dateOrders: {},
    decimalSeparator: inspection.options.decimalSeparator ?? '',
    source: '',
  };
}

export function fieldsOf(inspection: ImportInspection, kind: ImportKind | null): TargetField[] {
  return inspection.kinds.find((k) => k.kind === kind)?.fields ?? [];
}

/** The draft after choosing what the file holds: the inspection's own mapping for its kind, else a guess. */
export function withKind(draft: Draft, inspection: ImportInspection, kind: ImportKind): Draft {
  if (kind === inspection.kind)
    return { ...draft, kind, preset: inspection.preset?.name ?? null, mapping: { ...inspection.mapping } };
  return {
    ...draft,
    kind,
    preset: null,
    mapping: guessMapping(kind, inspection.columns),
  };
}

/** Leaves the preset's rules for a mapping of one's own, keeping the columns the preset mapped to plain fields. */
export function withoutPreset(draft: Draft): Draft {
  return { ...draft, preset: null, mapping: draft.kind ? plainMapping(draft.kind, draft.mapping) : {} };
}

/** Where the draft's mapping came from, in the sentence the mapping screen shows above the columns. */
export function mappingOrigin(draft: Draft, inspection: ImportInspection): string {
  const own = draft.kind !== null && draft.kind === inspection.kind;
  if (draft.preset !== null && draft.preset === inspection.preset?.name)
    return `Recognised as a ${inspection.preset.label} export: its columns are mapped for you.`;
  if (!draft.kind)
    return 'Tandem does not know this layout. Choose what the file holds, then say which column is what.';
  if (own && inspection.mappingSource === 'preset' && inspection.preset)
    return `Mapped as in ${inspection.preset.label} exports, now as your own mapping: check each column.`;
  if (own && inspection.mappingSource === 'remembered')
    return 'Mapped the way you chose last time for files with these columns.';
  return 'Mapped from the column names where they were clear: check each one.';
}

/**
 * The mapped columns holding dates like 03/04/2026, with the order all their values settle ('ambiguous' when
 * every value reads both ways: the import takes the workspace's order unless the user picks one).
 */
export function dateColumnsIn(
  inspection: ImportInspection,
  mapping: Record<string, string>,
): { column: string; detected: DateOrder | 'ambiguous' }[] {
  return Object.entries(mapping).flatMap(([column, field]) => {
    const detected = inspection.dateColumns[column];
    return isDateField(field) && detected ? [{ column, detected }] : [];
  });
}

/** Everything that stops the import, in words; empty when it can start. */
export function problems(draft: Draft, inspection: ImportInspection): string[] {
  if (!draft.kind) return ['Choose what the file holds.'];
  if (draft.preset) return [];
  return mappingProblems(draft.kind, draft.mapping, inspection.columns);
}

/** The start request for the draft: the preset's own rules, or the kind with the user's mapping and options. */
export function startInput(draft: Draft, inspection: ImportInspection): ImportStart {
  const sheet = inspection.sheet ? { sheet: inspection.sheet } : {};
  if (draft.preset) return { path: inspection.path, preset: draft.preset, options: sheet };
  const dateOrders = Object.fromEntries(
    dateColumnsIn(inspection, draft.mapping).flatMap(({ column }) => {
      const chosen = draft.dateOrders[column];
      return chosen ? [[column, chosen]] : [];
    }),
  );
  return {
    path: inspection.path,
    kind: draft.kind ?? undefined,
    mapping: Object.fromEntries(Object.entries(draft.mapping).filter(([, field]) => field !== '')),
    options: {
      ...sheet,
      ...(Object.keys(dateOrders).length > 0 ? { dateOrders } : {}),
      ...(draft.decimalSeparator ? { decimalSeparator: draft.decimalSeparator } : {}),
      ...(draft.source.trim() ? { source: draft.source.trim() } : {}),
    },
  };
}
