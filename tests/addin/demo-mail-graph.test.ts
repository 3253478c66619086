import { demoMailGraph, type DemoMailScope } from '../../addin/src/demo/demo-mail-graph';

// The demo Outlook's Send through the local Graph stand-in, checked against Graph's documented request shapes
// (POST /me/sendMail, POST /me/messages/{id}/reply, GET /me/outlook/masterCategories).

type Call = { url: string; method: string; headers: Record<string, string>; body: unknown };

function fakeGraph(answer: (call: Call) => { status: number; body?: unknown } = () => ({ status: 202 })) {
  const calls: Call[] = [];
  const tokens: DemoMailScope[][] = [];
  const fetch = (async (url: string, init: RequestInit = {}) => {
    const call = { url, method: init.method ?? 'GET', headers: init.headers as Record<string, string>, body: init.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    const { status, body } = answer(call);
    return new Response(body === undefined ? null : JSON.stringify(body), { status });
  }) as unknown as typeof globalThis.fetch;
  const graph = demoMailGraph({ graphBaseUrl: 'https://localhost:3443', token: async (scopes) => (tokens.push(scopes), `token-for-${scopes.join(',')}`), fetch });
  return { graph, calls, tokens };
}

const ana = { email: 'ana.souza@contoso.com', name: 'Ana Souza' };
const bo = { email: 'bo@tailspin.example', name: 'Bo' };

describe("the demo's mail through the Graph stand-in", () => {
  it('sends a new message with its internet headers, saved to Sent Items, with a Mail.Send token', async () => {
    const { graph, calls, tokens } = fakeGraph();
    await graph.send({ subject: 'Renewal', text: 'Hello Ana', to: [ana], cc: [bo], headers: { 'x-rapport-log': 'Q2hvb3NlIHRoZSBtYXJrZX' } });
    expect(calls).toEqual([
      {
        url: 'https://localhost:3443/v1.0/me/sendMail',
        method: 'POST',
        headers: { authorization: 'Bearer token-for-Mail.Send', 'content-type': 'application/json' },
        body: {
          message: {
            subject: 'Renewal',
            body: { contentType: 'Text', content: 'Hello Ana' },
            toRecipients: [{ emailAddress: { address: 'ana.souza@contoso.com', name: 'Ana Souza' } }],
            ccRecipients: [{ emailAddress: { address: 'bo@tailspin.example', name: 'Bo' } }],
            bccRecipients: [],
            internetMessageHeaders: [{ name: 'x-rapport-log', value: 'Q2hvb3NlIHRoZSBtYXJrZX' }],
          },
          saveToSentItems: true,
        },
      },
    ]);
    expect(tokens).toEqual([['Mail.Send']]);
  });

  it('sends no internetMessageHeaders when the message has none (Graph refuses an empty list)', async () => {
    const { graph, calls } = fakeGraph();
    await graph.send({ subject: 'Hi', text: 'Hi', to: [ana], cc: [], headers: {} });
    expect((calls[0]?.body as { message: Record<string, unknown> }).message).not.toHaveProperty('internetMessageHeaders');
  });

  it('replies to the original by its Graph id, which keeps the conversation', async () => {
    const { graph, calls } = fakeGraph();
    await graph.send({ subject: 'RE: Renewal', text: 'Thanks', to: [ana], cc: [], headers: { 'x-rapport-log': 'Q2hvb3NlIHRoZSBtYXJrZX' }, replyToGraphId: 'AAMk/1=' });
    expect(calls[0]?.url).toBe('https://localhost:3443/v1.0/me/messages/AAMk%2F1%3D/reply');
    expect(calls[0]?.body).toEqual({
      message: { toRecipients: [{ emailAddress: { address: 'ana.souza@contoso.com', name: 'Ana Souza' } }], ccRecipients: [], internetMessageHeaders: [{ name: 'x-rapport-log', value: 'Q2hvb3NlIHRoZSBtYXJrZX' }] },
      comment: 'Thanks',
    });
  });

  it("reads the master category list's names with MailboxSettings.Read", async () => {
    const { graph, calls, tokens } = fakeGraph(() => ({ status: 200, body: { value: [{ id: '1', displayName: 'Logged to Rapport', color: 'preset4' }, { id: '2', displayName: 'Red category' }] } }));
    expect(await graph.masterCategories()).toEqual(['Logged to Rapport', 'Red category']);
    expect(calls[0]).toMatchObject({ url: 'https://localhost:3443/v1.0/me/outlook/masterCategories', method: 'GET' });
    expect(tokens).toEqual([['MailboxSettings.Read']]);
  });

  it('fails when the stand-in refuses, naming the call', async () => {
    const { graph } = fakeGraph(() => ({ status: 403, body: { error: { code: 'ErrorAccessDenied' } } }));
    await expect(graph.send({ subject: 'Hi', text: 'Hi', to: [ana], cc: [], headers: {} })).rejects.toThrow('Graph answered 403 to POST /me/sendMail');
  });
});
