import { describe, expect, it } from 'vitest';
import type { ImportInspection } from '@shared/api/imports';
import { kindCatalogue } from '@shared/import/kinds';
import {
  dateColumnsIn,
  initialDraft,
  mappingOrigin,
  problems,
  startInput,
  withKind,
  withoutPreset,
} from './mapping';

function inspection(overrides: Partial<ImportInspection> = {}): ImportInspection {
  return {
    path: '/tmp/fair.csv',
    fileName: 'fair.csv',
    size: 100,
    format: 'csv',
    encoding: 'utf-8',
    bom: false,
    delimiter: ';',
    headerLine: 1,
    sheet: null,
    sheets: [],
    columns: ['Person', 'Email', 'Signed up'],
    records: 2,
    sample: [
      ['Anna Berg', 'anna@fjord.example', '03/04/2026'],
      ['Leo Marsh', 'leo@marsh.example', '05/06/2026'],
    ],
    issueCount: 0,
    issues: [],
    preset: null,
    kind: null,
    mapping: {},
    mappingSource: 'guessed',
    headerSignature: 'x',
    options: {},
    dateColumns: { 'Signed up': 'ambiguous' },
    kinds: kindCatalogue(),
    presets: [],
    previousImports: [],
    ...overrides,
  };
}

describe('the mapping screen model', () => {
  it('guesses columns named like a field (the same guess as the core) and lets a column read both ways go as the workspace writes dates', () => {
    const i = inspection();
    const draft = withKind(initialDraft(i), i, 'contacts');
    expect(draft.mapping).toEqual({ Email: 'email' });
    const mapped = { ...draft, mapping: { ...draft.mapping, 'Signed up': 'createdAt' } };
    expect(dateColumnsIn(i, mapped.mapping)).toEqual([{ column: 'Signed up', detected: 'ambiguous' }]);
    expect(problems(mapped, i)).toEqual([]);
    expect(startInput(mapped, i)).toEqual({
      path: '/tmp/fair.csv',
      kind: 'contacts',
      mapping: { Email: 'email', 'Signed up': 'createdAt' },
      options: {},
    });
  });

  it('sends the order the user flipped a date column to, and only for mapped date columns', () => {
    const i = inspection({ dateColumns: { 'Signed up': 'MDY', Person: 'DMY' } });
    const draft = {
      ...withKind(initialDraft(i), i, 'contacts'),
      mapping: { Email: 'email', 'Signed up': 'createdAt', Person: 'fullName' },
    };
    expect(dateColumnsIn(i, draft.mapping)).toEqual([{ column: 'Signed up', detected: 'MDY' }]);
    expect(startInput(draft, i).options).toEqual({});
    const flipped = { ...draft, dateOrders: { 'Signed up': 'DMY' as const, Person: 'DMY' as const } };
    expect(startInput(flipped, i).options).toEqual({ dateOrders: { 'Signed up': 'DMY' } });
  });

  it('names each missing required field, each unmet group and each doubled target', () => {
    const i = inspection();
    const deals = withKind(initialDraft(i), i, 'deals');
    expect(problems(deals, i)).toEqual(['Map a column to Deal ID.', 'Map a column to Title.']);
    const contacts = {
      ...withKind(initialDraft(i), i, 'contacts'),
      mapping: { Person: 'fullName', Email: 'fullName' },
    };
    expect(problems(contacts, i)).toEqual([
      '“Email” and “Person” go to the same field; choose another for one of them.',
      'Map a column to E-mail or Phone.',
    ]);
    expect(problems(initialDraft(i), i)).toEqual(['Choose what the file holds.']);
  });

  it('keeps a recognised export on its preset, and leaving the preset drops the fields only its rules read', () => {
    const i = inspection({
      preset: { name: 'hubspot-contacts', label: 'HubSpot contacts', kind: 'contacts' },
      kind: 'contacts',
      mapping: { Email: 'email', Person: 'x.source' },
      mappingSource: 'preset',
    });
    const draft = initialDraft(i);
    expect(startInput(draft, i)).toEqual({ path: '/tmp/fair.csv', preset: 'hubspot-contacts', options: {} });
    expect(mappingOrigin(draft, i)).toBe(
      'Recognised as a HubSpot contacts export: its columns are mapped for you.',
    );
    const own = withoutPreset(draft);
    expect(own).toMatchObject({ preset: null, mapping: { Email: 'email' } });
    expect(mappingOrigin(own, i)).toBe(
      'Mapped as in HubSpot contacts exports, now as your own mapping: check each column.',
    );
    expect(mappingOrigin(withKind(own, i, 'orders'), i)).toBe(
      'Mapped from the column names where they were clear: check each one.',
    );
    expect(withKind(own, i, 'contacts')).toMatchObject({
      preset: 'hubspot-contacts',
      mapping: { Email: 'email', Person: 'x.source' },
    });
  });
});
