/** @jest-environment jsdom */
import { formatRecipients, parseRecipients, sanitizedFragment } from '../../addin/src/demo/draft-content';

// The demo's compose window: what the rep types as recipients, and what the pane may put into the body.
describe("the demo's compose window", () => {
  it('resolves typed recipients to people, named from the address book, each once, invalid entries left out', () => {
    const known = [{ email: 'ana@contoso.com', name: 'Ana Ruiz' }];
    const people = parseRecipients('ANA@contoso.com; "Bo Li" <bo@fabrikam.com>, not-an-address, bo@fabrikam.com', known);
    expect(people).toEqual([
      { email: 'ana@contoso.com', name: 'Ana Ruiz' },
      { email: 'bo@fabrikam.com', name: 'Bo Li' },
    ]);
    expect(formatRecipients([{ email: 'ana@contoso.com', name: 'Ana Ruiz' }, { email: 'x@y.com', name: 'x@y.com' }])).toBe('Ana Ruiz <ana@contoso.com>; x@y.com');
  });

  it('keeps formatting and http(s) links from inserted HTML, and nothing that runs', () => {
    const holder = document.createElement('div');
    holder.appendChild(
      sanitizedFragment(
        '<p onclick="alert(1)">Hi <b>Ana</b><br><a href="javascript:alert(1)">x</a> <a href="https://example.com/a">y</a></p><script>alert(1)</script><img src=x onerror=alert(1)><style>p{}</style><ul><li>Tue 10:00</li></ul>',
        document,
      ),
    );
    expect(holder.innerHTML).toBe('<p>Hi <b>Ana</b><br><a>x</a> <a href="https://example.com/a">y</a></p><ul><li>Tue 10:00</li></ul>');
  });

  it("keeps an article's headings, quotes and code, and still no attribute but a link's web address", () => {
    const holder = document.createElement('div');
    holder.append(sanitizedFragment('<h2 style="color:red">Why</h2><blockquote onclick="x()">Ask</blockquote><pre><code>INV-1</code></pre><h1>Big</h1>', document));
    expect(holder.innerHTML).toBe('<h2>Why</h2><blockquote>Ask</blockquote><pre><code>INV-1</code></pre>Big');
  });
});
