import { describe, expect, it } from 'vitest';
import { utmTagsOf } from './utm';

describe('utmTagsOf', () => {
  it('reads Shopify Note Attributes lines', () => {
    expect(
      utmTagsOf('utm_source: instagram\nutm_medium: social\nutm_campaign: insta-launch\nutm_content: reel-1'),
    ).toEqual({
      source: 'instagram',
      medium: 'social',
      campaign: 'insta-launch',
      content: 'reel-1',
    });
  });

  it('reads the query of a landing-page URL, decoded, alone or inside other text', () => {
    expect(
      utmTagsOf(
        'https://shop.example/products/beans?variant=1&utm_source=ig&utm_content=latte%20reel&utm_term=a+b#top',
      ),
    ).toEqual({ source: 'ig', content: 'latte reel', term: 'a b' });
    expect(utmTagsOf('landing_site: /?utm_campaign=spring-newsletter&utm_content=hero-link')).toEqual({
      campaign: 'spring-newsletter',
      content: 'hero-link',
    });
  });

  it('keeps the first value of a tag and skips empty ones', () => {
    expect(utmTagsOf('utm_content:\nutm_content: first', '/?utm_content=second')).toEqual({
      content: 'first',
    });
    expect(utmTagsOf('', '/?utm_content=&utm_medium=email')).toEqual({ medium: 'email' });
  });

  it('finds nothing in text without tags, and keeps a malformed escape as typed', () => {
    expect(utmTagsOf('gift wrap: yes\nnote: ring the bell')).toEqual({});
    expect(utmTagsOf('/?utm_content=100%off')).toEqual({ content: '100%off' });
    expect(utmTagsOf('/?not_utm_content=x')).toEqual({});
  });
});
