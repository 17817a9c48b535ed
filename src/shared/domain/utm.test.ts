import { describe, expect, it } from 'vitest';
import {
  buildUtmUrl,
  campaignUrl,
  codeForPeriod,
  contentUrl,
  slugify,
  trackingCodeProblem,
  uniqueCode,
  utmDefaults,
} from './utm';

const campaign = { channel: 'email', trackingCode: 'spring-newsletter' };

describe('tracking codes', () => {
  it('accepts lowercase codes of a-z 0-9 - _ .', () => {
    for (const code of ['spring-sale', 'q2_2026', 'fb.retarget', 'a'])
      expect(trackingCodeProblem(code)).toBeNull();
  });

  it('explains what is wrong with a code', () => {
    expect(trackingCodeProblem('spring sale')).toMatch(/no spaces/);
    expect(trackingCodeProblem('Spring-Sale')).toMatch(/lowercase/);
    expect(trackingCodeProblem('sale!')).toMatch(/only lowercase letters, digits/);
    expect(trackingCodeProblem('')).toMatch(/enter a tracking code/);
    expect(trackingCodeProblem('x'.repeat(81))).toMatch(/at most 80/);
  });

  it('makes codes from names and keeps them unique', () => {
    expect(slugify('Spring Sale – Café 2026!')).toBe('spring-sale-cafe-2026');
    expect(slugify('  ---  ')).toBe('');
    const taken = new Set(['spring', 'spring-2']);
    expect(uniqueCode('spring', (c) => taken.has(c))).toBe('spring-3');
    expect(uniqueCode('', () => false)).toBe('campaign');
    expect(uniqueCode('x'.repeat(80), (c) => c === 'x'.repeat(80))).toHaveLength(80);
  });

  it('re-tags a code for the next period', () => {
    const none = () => false;
    expect(codeForPeriod('spring-2026q1', '2026q1', '2026q2', none)).toBe('spring-2026q2');
    expect(codeForPeriod('spring', '2026q1', '2026q2', none)).toBe('spring-2026q2');
    expect(codeForPeriod('spring', '2026q1', '2026q2', (c) => c === 'spring-2026q2')).toBe('spring-2026q2-2');
  });
});

describe('buildUtmUrl', () => {
  it('derives source and medium from the channel', () => {
    expect(campaignUrl('https://harborpine.com/wholesale', campaign)).toEqual({
      ok: true,
      url: 'https://harborpine.com/wholesale?utm_source=newsletter&utm_medium=email&utm_campaign=spring-newsletter',
    });
    expect(utmDefaults('ads')).toEqual({ source: 'ads', medium: 'cpc' });
    expect(utmDefaults('carrier-pigeon')).toEqual(utmDefaults('other'));
  });

  it('uses the source and medium given', () => {
    const result = campaignUrl(
      'https://example.com/',
      { channel: 'social', trackingCode: 'insta' },
      { source: 'instagram', medium: 'paid social' },
    );
    expect(result).toEqual({
      ok: true,
      url: 'https://example.com/?utm_source=instagram&utm_medium=paid%20social&utm_campaign=insta',
    });
  });

  it('keeps existing query parameters exactly and the fragment at the end', () => {
    const result = buildUtmUrl('https://shop.example.com/p?id=7&q=a+b%20c#reviews', {
      campaign: 'x',
      source: 's',
      medium: 'm',
    });
    expect(result).toEqual({
      ok: true,
      url: 'https://shop.example.com/p?id=7&q=a+b%20c&utm_source=s&utm_medium=m&utm_campaign=x#reviews',
    });
  });

  it('replaces utm parameters already on the link instead of doubling them', () => {
    const result = buildUtmUrl('https://example.com/?utm_campaign=old&ref=nav&utm_source=x', {
      campaign: 'new',
      source: 'newsletter',
      medium: 'email',
    });
    expect(result).toEqual({
      ok: true,
      url: 'https://example.com/?ref=nav&utm_source=newsletter&utm_medium=email&utm_campaign=new',
    });
  });

  it('tags a content item with utm_content', () => {
    const result = contentUrl('https://example.com/beans', campaign, {
      channel: 'social',
      utmContent: 'behind-the-roast',
    });
    expect(result).toEqual({
      ok: true,
      url: 'https://example.com/beans?utm_source=social&utm_medium=social&utm_campaign=spring-newsletter&utm_content=behind-the-roast',
    });
  });

  it('rejects links that are not absolute http(s)', () => {
    for (const link of [
      'mailto:me@example.com',
      'javascript:alert(1)',
      'ftp://example.com/a',
      'file:///etc/passwd',
    ]) {
      const result = buildUtmUrl(link, { campaign: 'x', source: 's', medium: 'm' });
      expect(result).toMatchObject({
        ok: false,
        field: 'url',
        message: expect.stringMatching(/only http and https/),
      });
    }
    expect(buildUtmUrl('example.com/page', { campaign: 'x', source: 's', medium: 'm' })).toMatchObject({
      ok: false,
      field: 'url',
    });
    expect(buildUtmUrl('HTTPS://Example.com', { campaign: 'x', source: 's', medium: 'm' })).toEqual({
      ok: true,
      url: 'https://example.com/?utm_source=s&utm_medium=m&utm_campaign=x',
    });
  });

  it('rejects an invalid campaign code or a missing source', () => {
    expect(
      buildUtmUrl('https://example.com', { campaign: 'Spring Sale', source: 's', medium: 'm' }),
    ).toMatchObject({ ok: false, field: 'campaign' });
    expect(buildUtmUrl('https://example.com', { campaign: 'x', source: ' ', medium: 'm' })).toMatchObject({
      ok: false,
      field: 'source',
    });
  });
});
