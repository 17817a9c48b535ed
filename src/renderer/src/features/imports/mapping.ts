import type { ImportInspection, ImportKind, ImportStart, TargetField } from '@shared/api/imports';

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

export interface Requirement {
  key: string;
  label: string;
  /** The column that satisfies it, or null when it is still unmapped. */
  column: string | null;
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

export function kindLabel(inspection: ImportInspection, kind: ImportKind): string {
  return inspection.kinds.find((k) => k.kind === kind)?.label ?? kind;
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * A starting mapping for a kind the inspection did not suggest: columns named like a field (its label or
 * name, ignoring case and punctuation). The user confirms or changes it on the screen.
 */
export function guessMapping(
  fields: readonly TargetField[],
  columns: readonly string[],
): Record<string, string> {
  const mapping: Record<string, string> = {};
  const used = new Set<string>();
  for (const column of columns) {
    const key = squash(column);
    const field = fields.find(
      (f) => !used.has(f.name) && (squash(f.label) === key || squash(f.name) === key),
    );
    if (!field) continue;
    mapping[column] = field.name;
    used.add(field.name);
  }
  return mapping;
}

/** The draft after choosing what the file holds: the inspection's own mapping for its kind, else a guess. */
export function withKind(draft: Draft, inspection: ImportInspection, kind: ImportKind): Draft {
  if (kind === inspection.kind)
    return { ...draft, kind, preset: inspection.preset?.name ?? null, mapping: { ...inspection.mapping } };
  return {
    ...draft,
    kind,
    preset: null,
    mapping: guessMapping(fieldsOf(inspection, kind), inspection.columns),
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

/** Fields that must be mapped, one line per required field and one per "at least one of" group. */
export function requirements(fields: readonly TargetField[], mapping: Record<string, string>): Requirement[] {
  const columnFor = (names: string[]) =>
    Object.entries(mapping).find(([, field]) => names.includes(field))?.[0] ?? null;
  const list: Requirement[] = fields
    .filter((f) => f.required)
    .map((f) => ({ key: f.name, label: f.label, column: columnFor([f.name]) }));
  const groups = new Map<string, TargetField[]>();
  for (const f of fields) if (f.oneOf) groups.set(f.oneOf, [...(groups.get(f.oneOf) ?? []), f]);
  for (const [group, members] of groups) {
    const labels = members.map((m) => m.label);
    const label =
      labels.length > 4 ? `At least one of ${labels.slice(0, 4).join(', ')}…` : labels.join(' or ');
    list.push({ key: `group:${group}`, label, column: columnFor(members.map((m) => m.name)) });
  }
  return list;
}

/** Columns whose target another column has too, with the other column's name. */
export function duplicates(mapping: Record<string, string>): Map<string, string> {
  const firstFor = new Map<string, string>();
  const clashes = new Map<string, string>();
  for (const [column, field] of Object.entries(mapping)) {
    const first = firstFor.get(field);
    if (first === undefined) firstFor.set(field, column);
    else clashes.set(column, first);
  }
  return clashes;
}

const DAY_MONTH = /^(\d{1,2})([-/.])(\d{1,2})\2\d{4}/;

/**
 * How the mapped date columns write day and month, judged like the core judges them: `none` when no value
 * looks like 03/04/2026, `ambiguous` when every such value could be either order.
 */
export function dateOrderIn(
  inspection: ImportInspection,
  mapping: Record<string, string>,
): 'DMY' | 'MDY' | 'ambiguous' | 'none' {
  let dmy = false;
  let mdy = false;
  let seen = false;
  for (const [column, field] of Object.entries(mapping)) {
    if (!/date|At$/.test(field)) continue;
    const index = inspection.columns.indexOf(column);
    for (const row of inspection.sample) {
      const m = DAY_MONTH.exec((row[index] ?? '').trim());
      if (!m) continue;
      seen = true;
      if (Number(m[1]) > 12 || m[2] === '.') dmy = true;
      if (Number(m[3]) > 12) mdy = true;
    }
  }
  if (!seen) return 'none';
  if (dmy !== mdy) return dmy ? 'DMY' : 'MDY';
  return 'ambiguous';
}

/** Everything that stops the import, in words; empty when it can start. */
export function problems(draft: Draft, inspection: ImportInspection): string[] {
  if (!draft.kind) return ['Choose what the file holds.'];
  if (draft.preset) return [];
  const list: string[] = [];
  for (const [column, first] of duplicates(draft.mapping))
    list.push(`“${column}” and “${first}” go to the same field; choose another for one of them.`);
  for (const r of requirements(fieldsOf(inspection, draft.kind), draft.mapping)) {
    if (!r.column) list.push(`Map a column to ${r.label}.`);
  }
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
