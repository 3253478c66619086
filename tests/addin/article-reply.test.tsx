/** @jest-environment ./tests/stubs/jsdom-with-node-environment.js */
import { articleExcerpt } from '../../addin/src/components/knowledge/article-excerpt';
import { articleForReply } from '../../addin/src/components/knowledge/article-reply';
import { safeArticleUrl } from '@rapport/shared/knowledge/article.rules';

// What "Insert article" puts into a reply: HTML made from the article's Markdown tree (the one the pane shows), passed
// through DOMPurify, and the same as text for a plain-text draft. The article is written by people, not by the rep:
// nothing in it may run, load or link anywhere but a web page, an e-mail address or a phone number.

/** The inserted HTML as nodes, to ask what it holds rather than how it is spelled. */
const parsed = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;

describe('an article for a reply', () => {
  it('starts with its title, then its Markdown as HTML: headings below the title, lists, emphasis, code', () => {
    const { html } = articleForReply({
      title: 'Invoice shows the wrong amount',
      body: '# Why it happens\n\nSeats added **during** the term are *prorated*.\n\n## What to check\n\n1. The seat count\n2. The VAT number\n\n- Credit notes\n- `INV-2041`\n\n> Ask billing.\n\n```\nTotal = seats × price\n```',
    });
    const body = parsed(html);
    expect(body.firstElementChild?.outerHTML).toBe('<p><strong>Invoice shows the wrong amount</strong></p>');
    expect([...body.querySelectorAll('h2, h3')].map((heading) => `${heading.tagName} ${heading.textContent}`)).toEqual(['H2 Why it happens', 'H3 What to check']);
    expect(body.querySelector('h1')).toBeNull();
    expect([...body.querySelectorAll('ol > li')].map((item) => item.textContent)).toEqual(['The seat count', 'The VAT number']);
    expect([...body.querySelectorAll('ul > li')].map((item) => item.textContent)).toEqual(['Credit notes', 'INV-2041']);
    expect([...body.querySelectorAll('strong')].map((strong) => strong.textContent)).toEqual(['Invoice shows the wrong amount', 'during']);
    expect([...body.querySelectorAll('em')].map((em) => em.textContent)).toEqual(['prorated']);
    expect(body.querySelector('blockquote')?.textContent?.trim()).toBe('Ask billing.');
    expect(body.querySelector('pre > code')?.textContent).toBe('Total = seats × price\n');
  });

  it('keeps links to web pages, e-mail addresses and phone numbers, and nothing else about them', () => {
    const { html } = articleForReply({
      title: 'Links',
      body: '[Status page](https://status.example.com/billing?x=1&y=2) · [Billing](mailto:billing@example.com) · [Hotline](tel:+441234567890)',
    });
    const links = [...parsed(html).querySelectorAll('a')];
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Status page', 'https://status.example.com/billing?x=1&y=2'],
      ['Billing', 'mailto:billing@example.com'],
      ['Hotline', 'tel:+441234567890'],
    ]);
    // The pane opens links in a new window; a reply carries only the address.
    expect(links.map((link) => link.getAttributeNames())).toEqual([['href'], ['href'], ['href']]);
  });

  it('drops javascript:, data: and relative links, keeping their words as plain text', () => {
    const { html, text } = articleForReply({
      title: 'Tricks',
      body: '[Click me](javascript:alert(1)) and [also](JaVaScRiPt:alert(2)) and [data](data:text/html;base64,PHNjcmlwdD4=) and [inside](/api/me) and [ref][x]\n\n[x]: javascript:alert(3)',
    });
    const body = parsed(html);
    expect(body.querySelectorAll('a')).toHaveLength(0);
    expect(body.textContent).toContain('Click me and also and data and inside and ref');
    expect(html).not.toMatch(/javascript|data:|\/api\/me/i);
    expect(text).not.toMatch(/javascript|data:/i);
  });

  it('shows HTML written in the Markdown as text: no script, no image, no handler reaches the reply', () => {
    const { html, text } = articleForReply({
      title: 'Hostile <b>title</b>',
      body: 'Before <script>alert(1)</script> after <img src=x onerror="alert(2)"> end\n\n<div onclick="alert(3)">block</div>\n\n![tracker](https://tracker.example.com/pixel.gif) <iframe src="https://evil.example.com"></iframe>',
    });
    const body = parsed(html);
    expect(body.querySelectorAll('script, img, iframe, div, b')).toHaveLength(0);
    expect([...body.querySelectorAll('*')].flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith('on')))).toEqual([]);
    // The words the editor typed are there, as the pane shows them: as text.
    expect(body.textContent).toContain('Hostile <b>title</b>');
    expect(body.textContent).toContain('Before <script>alert(1)</script> after <img src=x onerror="alert(2)"> end');
    expect(body.textContent).toContain('<div onclick="alert(3)">block</div>');
    // An image is a link to it, never a picture loaded from elsewhere.
    expect([...body.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')])).toEqual([['tracker', 'https://tracker.example.com/pixel.gif']]);
    expect(text).toContain('Before <script>alert(1)</script> after');
  });

  it('gives a plain-text draft the same text: blank lines between blocks, bullets and numbers, link addresses', () => {
    const { text } = articleForReply({
      title: 'Reset the add-in',
      body: 'Do this:\n\n1. Close Outlook\n2. Open [the status page](https://status.example.com)\n\n- Mail us at [billing@example.com](mailto:billing@example.com)\n\n## Still stuck?\n\nCall us.',
    });
    expect(text).toBe(
      [
        'Reset the add-in',
        '',
        'Do this:',
        '',
        '1. Close Outlook',
        '2. Open the status page (https://status.example.com)',
        '',
        '- Mail us at billing@example.com',
        '',
        'Still stuck?',
        '',
        'Call us.',
      ].join('\n'),
    );
  });
});

describe('the links an article may have', () => {
  it.each([
    ['https://example.com/a', 'https://example.com/a'],
    ['http://example.com', 'http://example.com'],
    ['mailto:help@example.com', 'mailto:help@example.com'],
    ['tel:+351210000000', 'tel:+351210000000'],
    ['javascript:alert(1)', ''],
    ['  javascript:alert(1)', ''],
    ['vbscript:msgbox', ''],
    ['data:text/html,<script>', ''],
    ['/records/deal/1', ''],
    ['#top', ''],
    ['//evil.example.com', ''],
  ])('takes %s as %j', (url, expected) => {
    expect(safeArticleUrl(url)).toBe(expected);
  });
});

describe('a line of an article for a list', () => {
  it('is its text without Markdown, on one line', () => {
    expect(articleExcerpt('# Why\n\nSeats added **during** the term are [prorated](https://x.example).\n\n- One\n- `Two`')).toBe('Why Seats added during the term are prorated. One Two');
  });

  it('is cut with an ellipsis when long', () => {
    const line = articleExcerpt('word '.repeat(100), 40);
    expect(line.length).toBeLessThanOrEqual(40);
    expect(line.endsWith('…')).toBe(true);
  });
});
