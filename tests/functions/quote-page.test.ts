/**
 * @jest-environment ./tests/stubs/jsdom-with-node-environment.js
 */
import vm from 'node:vm';
import type { MemberLanguage } from '@rapport/shared';
import { formatDate, formatMoney, quoteLabels } from '../../functions/src/quotes/quote-labels';
import { QUOTE_PAGE_POLICY, QUOTE_PAGE_SCRIPT, renderQuotePage, type QuotePageView } from '../../functions/src/quotes/quote-page';
import { sampleQuoteDocument, TINY_PNG } from './quote-samples';

const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
const actions: QuotePageView['actions'] = {
  accept: '/api/quotes/page/k3y/accept',
  decline: '/api/quotes/page/k3y/decline',
  pdf: '/api/quotes/page/k3y/pdf',
  opened: '/api/quotes/page/k3y/opened',
  script: '/api/quotes/page.js',
};

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const textOf = (page: Document, selector: string) => page.querySelector(selector)?.textContent ?? null;

describe("the quote's public page", () => {
  it('shows hostile text as text: never a tag, an attribute or a script', () => {
    const document = sampleQuoteDocument({
      sellerName: HOSTILE,
      sellerAddress: HOSTILE,
      contactName: HOSTILE,
      lines: [{ name: HOSTILE, description: HOSTILE, quantity: 1, unitPrice: 10 }],
      paymentTerms: HOSTILE,
      notes: HOSTILE,
    });
    const html = renderQuotePage(document, { state: 'open', actions, error: HOSTILE });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    const page = parse(html);
    expect(textOf(page, '.lines .name')).toBe(HOSTILE);
    expect(textOf(page, '.seller strong')).toBe(HOSTILE);
    expect(textOf(page, '.error')).toBe(HOSTILE);
    expect([...page.querySelectorAll('.text p')].map((element) => element.textContent)).toEqual([HOSTILE, HOSTILE]);
    expect(page.querySelectorAll('img')).toHaveLength(0);
    expect(page.querySelectorAll('script')).toHaveLength(1);
  });

  it('has no inline script, no event handler attribute and no javascript: URL: only its own script file, deferred', () => {
    const html = renderQuotePage(sampleQuoteDocument({ logo: TINY_PNG, notes: 'onload=alert(1) in text is only text' }), { state: 'open', actions });
    const scripts = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? [];
    expect(scripts).toEqual([`<script src="${actions.script}" defer></script>`]);
    expect(html.match(/<script\b/gi)).toHaveLength(1);
    // Each tag's attributes, with quoted values blanked, must name no on* handler.
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(20);
    expect(tags.filter((tag) => /\son[a-z]+\s*=/i.test(tag.replace(/"[^"]*"/g, '""')))).toEqual([]);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
  });

  it('puts the page in the customer’s language, out of search engines, without a referrer, and reports opening through data-opened', () => {
    const page = parse(renderQuotePage(sampleQuoteDocument({ language: 'it' }), { state: 'open', actions }));
    expect(page.documentElement.lang).toBe('it');
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(page.querySelector('meta[name="referrer"]')?.getAttribute('content')).toBe('no-referrer');
    expect(page.querySelector('meta[name="viewport"]')?.getAttribute('content')).toBe('width=device-width, initial-scale=1');
    expect(page.body.dataset.opened).toBe(actions.opened);
    expect(page.querySelector('script')?.hasAttribute('defer')).toBe(true);
    expect(page.querySelector(`a[href="${actions.pdf}"]`)?.textContent).toBe('Scarica il PDF');
  });

  it('while open, offers a plain accept form (name, terms) and a decline form (optional reason), both posting', () => {
    const page = parse(renderQuotePage(sampleQuoteDocument(), { state: 'open', actions }));
    const [accept, decline] = [...page.querySelectorAll('form')];
    expect(page.querySelectorAll('form')).toHaveLength(2);
    expect([accept?.getAttribute('method'), accept?.getAttribute('action'), accept?.getAttribute('enctype')]).toEqual(['post', actions.accept, 'application/x-www-form-urlencoded']);
    expect([decline?.getAttribute('method'), decline?.getAttribute('action')]).toEqual(['post', actions.decline]);
    const name = accept?.querySelector('input[name="name"]');
    expect([name?.getAttribute('type'), name?.hasAttribute('required'), name?.getAttribute('maxlength')]).toEqual(['text', true, '200']);
    expect(page.querySelector(`label[for="${name?.id}"]`)?.textContent).toBe('Your full name');
    const terms = accept?.querySelector('input[name="acceptTerms"]');
    expect([terms?.getAttribute('type'), terms?.getAttribute('value'), terms?.hasAttribute('required')]).toEqual(['checkbox', 'on', true]);
    expect(terms?.closest('label')?.textContent?.trim()).toBe('I accept the terms and this quote');
    expect(accept?.querySelector('button[type="submit"]')?.textContent).toBe('Accept');
    const reason = decline?.querySelector('textarea[name="reason"]');
    expect([reason?.hasAttribute('required'), reason?.getAttribute('maxlength')]).toEqual([false, '2000']);
    expect(decline?.querySelector('button[type="submit"]')?.textContent).toBe('Decline');
    expect(page.querySelector('[role="status"]')).toBeNull();
  });

  it('shows the error above the forms when the route gives one', () => {
    const page = parse(renderQuotePage(sampleQuoteDocument({ language: 'es' }), { state: 'open', actions, error: 'Marque la casilla para aceptar.' }));
    const error = page.querySelector('[role="alert"]');
    expect(error?.textContent).toBe('Marque la casilla para aceptar.');
    expect(error!.compareDocumentPosition(page.querySelector('form')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('once accepted, says who accepted and when, thanks the customer, and offers no form', () => {
    const page = parse(renderQuotePage(sampleQuoteDocument(), { state: 'accepted', acceptedBy: 'Zofia Łódź', answeredAt: '2026-12-02T16:40:00.000Z', actions }));
    expect(page.querySelectorAll('form')).toHaveLength(0);
    expect([...page.querySelectorAll('[role="status"] p')].map((element) => element.textContent)).toEqual([
      'This quote was accepted by Zofia Łódź on 2 Dec 2026.',
      'Thank you: Müller & Söhne GmbH has your answer.',
    ]);
    expect(page.querySelector(`a[href="${actions.pdf}"]`)).not.toBeNull();
  });

  it.each([
    ['declined', 'This quote was declined.'],
    ['expired', 'This quote expired on 30 Dec 2026; ask Müller & Söhne GmbH for a new one.'],
    ['superseded', 'A newer version of this quote replaced this one; ask Müller & Söhne GmbH for it.'],
  ] as const)('when %s, says so and offers no form', (state, message) => {
    const page = parse(renderQuotePage(sampleQuoteDocument(), { state, actions }));
    expect(page.querySelectorAll('form, input, textarea, button')).toHaveLength(0);
    expect(textOf(page, '[role="status"] p')).toBe(message);
  });

  it.each([
    ['en', 'Quote', 'Accept', 'Decline', 'Valid until'],
    ['es', 'Presupuesto', 'Aceptar', 'Rechazar', 'Válido hasta'],
    ['pt', 'Orçamento', 'Aceitar', 'Recusar', 'Válido até'],
    ['it', 'Preventivo', 'Accetta', 'Rifiuta', 'Valido fino al'],
  ] as const)('in %s, writes its own words, dates and amounts', (language: MemberLanguage, quote, accept, decline, validUntil) => {
    const document = sampleQuoteDocument({ language, lines: [{ name: 'Widget', quantity: 3, unitPrice: 410.5, taxPercent: 21 }, { name: 'Support', quantity: 1, unitPrice: 99, taxPercent: 10 }], discountPercent: 5 });
    const page = parse(renderQuotePage(document, { state: 'open', actions }));
    expect(textOf(page, 'h1')).toBe(`${quote} Q-1042 v2`);
    expect([...page.querySelectorAll('button')].map((button) => button.textContent)).toEqual([accept, decline]);
    expect([...page.querySelectorAll('dt')].map((term) => term.textContent)).toContain(validUntil);
    expect([...page.querySelectorAll('dd')].map((term) => term.textContent)).toContain(formatDate('2026-12-30', language));
    const money = (minor: number) => formatMoney(minor, 'EUR', language);
    const labels = quoteLabels[language];
    const rows = [...page.querySelectorAll('.totals tr')].map((row) => [row.querySelector('th')?.textContent, row.querySelector('td')?.textContent]);
    expect(rows).toEqual([
      [labels.subtotal, money(document.totals.subtotal)],
      [labels.overallDiscount(`5\u00a0%`), money(-document.totals.discount)],
      [labels.net, money(document.totals.net)],
      [labels.taxOn(`21\u00a0%`, money(document.totals.taxes[0]!.base)), money(document.totals.taxes[0]!.tax)],
      [labels.taxOn(`10\u00a0%`, money(document.totals.taxes[1]!.base)), money(document.totals.taxes[1]!.tax)],
      [labels.total, money(document.totals.total)],
    ]);
    expect([...page.querySelectorAll('.lines td.amount')].map((cell) => cell.textContent)).toEqual(document.lines.map((line) => money(line.amount)));
    // Each figure carries its column's name for the stacked rows of a narrow screen.
    expect(page.querySelector('.lines td.amount')?.getAttribute('data-label')).toBe(labels.amount);
  });

  it('checks the hand-written amounts of one case, so the expectations above are not only the formatter against itself', () => {
    const document = sampleQuoteDocument({ lines: [{ name: 'Consulting day', quantity: 3, unitPrice: 410.5, taxPercent: 21 }], discountPercent: 5 });
    const page = parse(renderQuotePage(document, { state: 'open', actions }));
    expect(textOf(page, '.totals .total td')).toBe('€1,415.60');
    expect(textOf(page, '.lines td.amount')).toBe('€1,231.50');
  });

  it('shows the logo as a data: URL image, named after the seller', () => {
    const page = parse(renderQuotePage(sampleQuoteDocument({ logo: TINY_PNG }), { state: 'open', actions }));
    const logo = page.querySelector('img.logo');
    expect(logo?.getAttribute('src')).toBe(TINY_PNG);
    expect(logo?.getAttribute('alt')).toBe('Müller & Söhne GmbH');
  });
});

describe("the public page's policy and script", () => {
  it('allows no inline script, only inline styles, data: images, posts and beacons to its own site, and no framing', () => {
    const directives = Object.fromEntries(QUOTE_PAGE_POLICY.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
    expect(directives).toEqual({
      'default-src': ["'none'"],
      'style-src': ["'unsafe-inline'"],
      'img-src': ['data:'],
      'script-src': ["'self'"],
      // The script's one POST (the page was seen): without it default-src 'none' blocks the fetch.
      'connect-src': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      'base-uri': ["'none'"],
    });
  });

  type Page = { visibilityState: string; opened: string | null };

  /** Runs the page's script against a stand-in document; returns the posts it made and a way to change visibility. */
  function runScript(initial: Page) {
    const listeners: (() => void)[] = [];
    const posts: { url: string; init: { method?: string; keepalive?: boolean } }[] = [];
    const state = { ...initial };
    const document = {
      get visibilityState() {
        return state.visibilityState;
      },
      body: { getAttribute: (name: string) => (name === 'data-opened' ? state.opened : null) },
      addEventListener: (type: string, listener: () => void) => type === 'visibilitychange' && listeners.push(listener),
      removeEventListener: (type: string, listener: () => void) => listeners.splice(listeners.indexOf(listener), 1),
    };
    const fetch = (url: string, init: { method?: string; keepalive?: boolean }) => {
      posts.push({ url, init });
      return Promise.resolve();
    };
    vm.runInNewContext(QUOTE_PAGE_SCRIPT, { document, fetch });
    const show = (visibilityState: string) => {
      state.visibilityState = visibilityState;
      for (const listener of [...listeners]) listener();
    };
    return { posts, show };
  }

  it('posts once, with keepalive, when the page is visible from the start', () => {
    const { posts, show } = runScript({ visibilityState: 'visible', opened: actions.opened });
    show('hidden');
    show('visible');
    expect(posts).toEqual([{ url: actions.opened, init: expect.objectContaining({ method: 'POST', keepalive: true }) }]);
  });

  it('waits while the page is hidden (a tab opened in the background, a scanner), then posts once when it is shown', () => {
    const { posts, show } = runScript({ visibilityState: 'hidden', opened: actions.opened });
    expect(posts).toEqual([]);
    show('hidden');
    expect(posts).toEqual([]);
    show('visible');
    show('visible');
    expect(posts.map((post) => post.url)).toEqual([actions.opened]);
  });

  it('does nothing on a page without data-opened', () => {
    const { posts } = runScript({ visibilityState: 'visible', opened: null });
    expect(posts).toEqual([]);
  });
});
