import type { ImportInspection, ImportKind, ImportStart, TargetField } from '@shared/api/imports';
import { mappedDateOrder } from '@shared/import/date-order';
import { guessMapping, mappingProblems } from '@shared/import/mapping';

/** What the user has decided on the mapping screen; the inspection's suggestions are its starting point. */
export interface Draft {
  kind: ImportKind | null;
  /** The recognised export whose rules read the file; null when the user maps the columns. */
  preset: string | null;
  /** Source column → target field; columns left out are not imported. */
  mapping: Record<string, string>;
  dateOrder: '' | 'DMY' | 'MDY';
  decimalSeparator: '' | '.' | ',';
  source: string;
}

export function initialDraft(inspection: ImportInspection): Draft {
  return {
    kind: inspection.kind,
    preset: inspection.preset?.name ?? null,
    mapping: { ...inspection.mapping },
    dateOrder: inspection.options.dateOrder ?? '',
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
export function withoutPreset(draft: Draft, inspection: ImportInspection): Draft {
  const known = new Set(fieldsOf(inspection, draft.kind).map((f) => f.name));
  return {
    ...draft,
    preset: null,
    mapping: Object.fromEntries(Object.entries(draft.mapping).filter(([, field]) => known.has(field))),
  };
}

/** How the mapped date columns of the sample write day and month (see `mappedDateOrder`). */
export const dateOrderIn = (inspection: ImportInspection, mapping: Record<string, string>) =>
  mappedDateOrder(mapping, inspection.columns, inspection.sample);

/** Everything that stops the import, in words; empty when it can start. */
export function problems(draft: Draft, inspection: ImportInspection): string[] {
  if (!draft.kind) return ['Choose what the file holds.'];
  if (draft.preset) return [];
  const list = mappingProblems(draft.kind, draft.mapping, inspection.columns);
  if (dateOrderIn(inspection, draft.mapping) === 'ambiguous' && !draft.dateOrder) {
    list.push('Say how dates like 03/04/2026 are written: day first or month first.');
  }
  return list;
}

/** The start request for the draft: the preset's own rules, or the kind with the user's mapping and options. */
export function startInput(draft: Draft, inspection: ImportInspection): ImportStart {
  const sheet = inspection.sheet ? { sheet: inspection.sheet } : {};
  if (draft.preset) return { path: inspection.path, preset: draft.preset, options: sheet };
  const detected = dateOrderIn(inspection, draft.mapping);
  const dateOrder = draft.dateOrder || (detected === 'DMY' || detected === 'MDY' ? detected : '');
  return {
    path: inspection.path,
    kind: draft.kind ?? undefined,
    mapping: Object.fromEntries(Object.entries(draft.mapping).filter(([, field]) => field !== '')),
    options: {
      ...sheet,
      ...(dateOrder ? { dateOrder } : {}),
      ...(draft.decimalSeparator ? { decimalSeparator: draft.decimalSeparator } : {}),
      ...(draft.source.trim() ? { source: draft.source.trim() } : {}),
    },
  };
}
