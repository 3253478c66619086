/** @jest-environment jsdom */
import { LinkDestinationSchema, isLinkDestination, landingUrlOf, trackedLinkPath, utmOf, utmSlug, webFormSnippet } from '@rapport/shared';

describe("a tracked link's UTM parameters", () => {
  it('names the affiliate site as the source of an affiliate link, else the channel, and the medium analytics tools read', () => {
    expect(utmOf({ channel: 'affiliate', affiliate: 'Deals Hub', label: 'Banner, top' }, 'Café Fair 2026')).toEqual({ source: 'deals-hub', medium: 'affiliate', campaign: 'cafe-fair-2026', content: 'banner-top' });
    expect(utmOf({ channel: 'ad', label: 'Search ad' }, 'Spring sale')).toEqual({ source: 'ad', medium: 'cpc', campaign: 'spring-sale', content: 'search-ad' });
    expect(utmOf({ channel: 'email' }, 'Newsletter').content).toBeUndefined();
    expect(utmOf({ channel: 'web' }, '¡¡!!').campaign).toBe('campaign');
  });

  it('makes a slug of any name: no accents, lower case, words joined by hyphens, at most 100 characters', () => {
    expect(utmSlug('  Ñandú & Co. — Otoño  ')).toBe('nandu-co-otono');
    expect(utmSlug('a'.repeat(99) + ' b')).toBe('a'.repeat(99));
  });

  it("adds them to the destination after the marketer's own parameters, keeps one the marketer set, and the fragment last", () => {
    const utm = utmOf({ channel: 'affiliate', affiliate: 'Deals Hub', label: 'Banner' }, 'Spring');
    expect(landingUrlOf('https://shop.example/landing?q=a%20b&utm_source=partner#form', utm, 'Qk7f2aXb9sLm3nPq8rTv1w')).toBe(
      'https://shop.example/landing?q=a%20b&utm_source=partner&utm_medium=affiliate&utm_campaign=spring&utm_content=banner&rp_code=Qk7f2aXb9sLm3nPq8rTv1w#form',
    );
    expect(landingUrlOf('https://shop.example', utm)).toBe('https://shop.example/?utm_source=deals-hub&utm_medium=affiliate&utm_campaign=spring&utm_content=banner');
  });

  it('opens at /r/ and its code', () => {
    expect(trackedLinkPath('Qk7f2aXb9sLm3nPq8rTv1w')).toBe('/r/Qk7f2aXb9sLm3nPq8rTv1w');
  });
});

describe("a tracked link's destination", () => {
  const rows: [string, boolean, string?][] = [
    ['https://shop.example/spring?ref=mail', true],
    ['http://shop.example', true],
    ['javascript:alert(1)', false],
    ['data:text/html,<b>x</b>', false],
    ['ftp://shop.example/file', false],
    ['//evil.example', false],
    ['/relative/path', false],
    ['https://user:secret@shop.example', false],
    ['https://user@shop.example', false],
    ['https://shop.example\\@evil.example', false],
    ['https://shop.example/a b', false],
    ['https://shop.example/\r\nSet-Cookie: a=b', false, 'an address with a line break'],
    ['https://shop.example/?rp_code=Qk7f2aXb9sLm3nPq8rTv1w', false],
    [`https://shop.example/${'a'.repeat(2_000)}`, false, 'an address of 2,021 characters'],
  ];
  it.each(rows.map(([destination, taken, label]) => [label ?? destination, taken, destination] as const))('%s is taken: %s', (_label, taken, destination) => {
    expect(isLinkDestination(destination)).toBe(taken);
    expect(LinkDestinationSchema.safeParse(destination).success).toBe(taken);
  });
});

describe("the web form snippet's link code", () => {
  const run = (search: string) => {
    window.history.replaceState(null, '', `/contact${search}`);
    document.body.innerHTML = webFormSnippet('https://api.contoso.example', 'FormKeyFormKeyFormKey1');
    // The snippet's script as a browser would run it, right after its form.
    const script = document.querySelector('script');
    const form = document.querySelector('form')!;
    Object.defineProperty(document, 'currentScript', { value: script, configurable: true });
    new Function(script!.textContent ?? '')();
    return (form.elements.namedItem('rp_code') as HTMLInputElement).value;
  };
  beforeEach(() => sessionStorage.clear());

  it('copies the code from the landing page into the hidden field, and keeps it for the pages the visitor opens next', () => {
    expect(run('?utm_source=deals-hub&rp_code=Qk7f2aXb9sLm3nPq8rTv1w')).toBe('Qk7f2aXb9sLm3nPq8rTv1w');
    expect(run('')).toBe('Qk7f2aXb9sLm3nPq8rTv1w');
  });

  it('leaves the field empty without a code, or with anything that is not one', () => {
    expect(run('')).toBe('');
    expect(run('?rp_code=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E')).toBe('');
  });

  it('still posts the form as plain HTML, the honeypot and the code as hidden fields', () => {
    const snippet = webFormSnippet('https://api.contoso.example/', 'FormKeyFormKeyFormKey1');
    expect(snippet).toContain('<form action="https://api.contoso.example/api/forms/FormKeyFormKeyFormKey1/leads" method="post">');
    expect(snippet).toContain('<input type="hidden" name="rp_code">');
    // The script only reads the address and session storage, and writes the field: it loads and sends nothing.
    const script = snippet.slice(snippet.indexOf('<script>'));
    expect(script).not.toMatch(/fetch|XMLHttpRequest|src=|import|cookie|submit\(/);
  });
});
