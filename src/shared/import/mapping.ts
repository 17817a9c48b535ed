import type { ImportKind } from '../api/imports';
import { KINDS } from './kinds';

/**
 * The rules of a column mapping (source column → target field), the same for the mapping screen, the CLI and
 * `imports.start`: the guess offered for a file, what a mapping must cover, and what is wrong with one, in
 * the words the user reads.
 */

/** Lower case, letters and digits only: "E-mail Address" and "email_address" read the same. */
export function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Letters and digits only, without spaces or accents: "E-mail", "email" and "e mail" read the same, and so do
 * "Prénom" and "prenom".
 */
const squash = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/**
 * A mapping proposed from the column names alone; the user confirms or changes it. A column goes to a free
 * field that lists its name among the field's synonyms; failing that, to a free field whose own label or
 * name it spells (`Line item unit price`, `externalId`). Both compare letters and digits only.
 *
 * A field's synonyms are listed most telling first, and where several columns spell one, the column with
 * the earlier synonym takes the field: Outlook's `Job Title` rather than its `Title` (Mr., Ms.), `Deal ID`
 * rather than `ID`. Between equal synonyms, the earlier column wins. A field that is another's second
 * (`secondOf`) takes the next column of that field's synonyms: Outlook's `Business Phone` beside `Mobile Phone`.
 *
 * Two rules were in use: the core matched synonyms only, the mapping screen labels and names only. Both
 * are kept, synonyms first: synonyms know the names other systems give a field ("Surname"), labels catch
 * the fields that have none, and a column a synonym claims is never taken by a label.
 */
export function guessMapping(kind: ImportKind, columns: readonly string[]): Record<string, string> {
  const fields = Object.entries(KINDS[kind].fields).map(([name, f]) => ({
    name,
    synonyms: (f.synonyms ?? []).map(squash),
    own: [squash(f.label), squash(name)],
  }));
  const keys = columns.map(squash);
  const mapping: Record<string, string> = {};
  const used = new Set<string>();
  const claim = (column: string, field: string) => {
    if (Object.hasOwn(mapping, column) || used.has(field)) return;
    mapping[column] = field;
    used.add(field);
  };
  const bySynonym: { column: string; field: string; rank: number; at: number }[] = [];
  keys.forEach((key, at) => {
    if (key === '') return;
    for (const f of fields) {
      const rank = f.synonyms.indexOf(key);
      if (rank !== -1) bySynonym.push({ column: columns[at] ?? '', field: f.name, rank, at });
    }
  });
  bySynonym.sort((a, b) => a.rank - b.rank || a.at - b.at);
  for (const m of bySynonym) claim(m.column, m.field);
  // The next column another field's synonyms name is this one's second (phone → other phone).
  for (const [name, spec] of Object.entries(KINDS[kind].fields))
    if (spec.secondOf) {
      const next = bySynonym.find((m) => m.field === spec.secondOf && !Object.hasOwn(mapping, m.column));
      if (next) claim(next.column, name);
    }
  keys.forEach((key, at) => {
    const field = key === '' ? undefined : fields.find((f) => !used.has(f.name) && f.own.includes(key));
    if (field) claim(columns[at] ?? '', field.name);
  });
  return mapping;
}

/**
 * The columns of `mapping` that go to `kind`'s own fields: leaving a preset keeps what it mapped to plain
 * fields and drops the `x.*` fields only its rules read.
 */
export function plainMapping(kind: ImportKind, mapping: Record<string, string>): Record<string, string> {
  const fields = KINDS[kind].fields;
  return Object.fromEntries(Object.entries(mapping).filter(([, field]) => Object.hasOwn(fields, field)));
}

/**
 * The mapping a file starts from when read as a generic export of `kind`: its own for that kind (a preset's
 * plain fields, or the one remembered for its header), else the guess from its column names.
 */
export function startingMapping(
  kind: ImportKind,
  inspection: { kind: ImportKind | null; mapping: Record<string, string>; columns: readonly string[] },
): Record<string, string> {
  return inspection.kind === kind
    ? plainMapping(kind, inspection.mapping)
    : guessMapping(kind, inspection.columns);
}

/**
 * `mapping` with the user's changes, one column at a time: a field given to a column leaves the column that
 * had it, and an empty field leaves the column out.
 */
export function withMappingChanges(
  mapping: Record<string, string>,
  changes: readonly (readonly [column: string, field: string])[],
): Record<string, string> {
  const out = { ...mapping };
  for (const [column, field] of changes) {
    for (const [other, taken] of Object.entries(out)) if (taken === field) delete out[other];
    if (field === '') delete out[column];
    else out[column] = field;
  }
  return out;
}

export interface Requirement {
  /** The field's name, or `group:NAME` for an "at least one of" group. */
  key: string;
  label: string;
  /** The column that satisfies it, or null when it is still unmapped. */
  column: string | null;
}

/** What a mapping must cover: one line per required field and one per "at least one of" group. */
export function requirements(kind: ImportKind, mapping: Record<string, string>): Requirement[] {
  const fields = Object.entries(KINDS[kind].fields);
  const columnFor = (names: string[]) =>
    Object.entries(mapping).find(([, field]) => names.includes(field))?.[0] ?? null;
  const list: Requirement[] = fields
    .filter(([, f]) => f.required)
    .map(([name, f]) => ({ key: name, label: f.label, column: columnFor([name]) }));
  const groups = new Map<string, [string, string][]>();
  for (const [name, f] of fields)
    if (f.oneOf) groups.set(f.oneOf, [...(groups.get(f.oneOf) ?? []), [name, f.label]]);
  for (const [group, members] of groups) {
    const labels = members.map(([, label]) => label);
    const label =
      labels.length > 4 ? `At least one of ${labels.slice(0, 4).join(', ')}…` : labels.join(' or ');
    list.push({ key: `group:${group}`, label, column: columnFor(members.map(([name]) => name)) });
  }
  return list;
}

/** Columns whose target field an earlier column has too, each with that earlier column's name. */
export function sameFieldClashes(mapping: Record<string, string>): Map<string, string> {
  const firstFor = new Map<string, string>();
  const clashes = new Map<string, string>();
  for (const [column, field] of Object.entries(mapping)) {
    const first = firstFor.get(field);
    if (first === undefined) firstFor.set(field, column);
    else clashes.set(column, first);
  }
  return clashes;
}

/** Everything that stops a mapping from being imported, one sentence each; empty when it can be. */
export function mappingProblems(
  kind: ImportKind,
  mapping: Record<string, string>,
  columns: readonly string[],
): string[] {
  const spec = KINDS[kind];
  const problems: string[] = [];
  for (const [column, field] of Object.entries(mapping)) {
    if (!columns.includes(column)) problems.push(`The file has no column “${column}”.`);
    else if (!Object.hasOwn(spec.fields, field))
      problems.push(`“${field}” is not a field of ${spec.label.toLowerCase()}.`);
  }
  for (const [column, first] of sameFieldClashes(mapping))
    problems.push(`“${column}” and “${first}” go to the same field; choose another for one of them.`);
  for (const r of requirements(kind, mapping)) {
    const label = r.label.replace(/^At least/, 'at least');
    if (!r.column) problems.push(`Map a column to ${label}${label.endsWith('…') ? '' : '.'}`);
  }
  return problems;
}
