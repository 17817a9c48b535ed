import { describe, expect, it } from 'vitest';
import { placeholdersIn, renderTemplate, unknownPlaceholders } from './templates';

describe('templates', () => {
  const values = {
    first_name: 'Aria',
    last_name: 'Dubois',
    lead_title: 'Espresso program',
    company: 'Pemaquid Coffee House',
    campaign: 'Autumn tasting',
    key_message: 'Roasted this week, delivered Friday.',
  };

  it('fills every known placeholder', () => {
    const text =
      'Hi {{first_name}} {{last_name}} at {{company}}: {{lead_title}} after {{campaign}}. {{key_message}}';
    expect(renderTemplate(text, values)).toBe(
      'Hi Aria Dubois at Pemaquid Coffee House: Espresso program after Autumn tasting. Roasted this week, delivered Friday.',
    );
  });

  it('accepts spaces inside the braces and repeated use', () => {
    expect(renderTemplate('{{ first_name }} / {{first_name}}', values)).toBe('Aria / Aria');
  });

  it('renders a missing value as nothing and tidies the gap', () => {
    expect(renderTemplate('Hi {{first_name}}, thanks for visiting.', { first_name: '' })).toBe(
      'Hi, thanks for visiting.',
    );
    expect(renderTemplate('Call {{first_name}} {{last_name}} today', { last_name: null })).toBe('Call today');
  });

  it('leaves unknown placeholders as they are', () => {
    expect(renderTemplate('Hi {{nickname}}', values)).toBe('Hi {{nickname}}');
  });

  it('lists used and unknown placeholders', () => {
    const text = 'Hi {{first_name}}, {{First_Name}} {{ discount }} {{first_name}} {{}}';
    expect(placeholdersIn(text)).toEqual(['first_name', 'First_Name', 'discount', '']);
    expect(unknownPlaceholders(text)).toEqual(['First_Name', 'discount', '']);
    expect(unknownPlaceholders('No placeholders at all, {single} braces are text')).toEqual([]);
  });
});
