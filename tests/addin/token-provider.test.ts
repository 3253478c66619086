import { localTokenProvider } from '../../addin/src/auth/token-provider';

// The local token provider as the pane starts: the lookup and "who am I" ask for a token at once, and the issuer is
// asked once; a token kept until shortly before it expires is not asked for again; a failed request is asked again.

const config = { authMode: 'local' as const, apiBaseUrl: 'http://issuer.test', graphBaseUrl: 'http://graph.test', tenantId: 't1', userId: 'u1', userEmail: 'u1@example.com' };

function issuer(answers: Array<{ status: number; expiresIn?: number }>) {
  const requests: string[] = [];
  const realFetch = global.fetch;
  global.fetch = (async (url: string, init: RequestInit) => {
    requests.push(`${init.method} ${url} ${String(init.body)}`);
    const answer = answers.shift() ?? { status: 200 };
    // The answer comes later, as over a network: callers in the meantime wait for the same one.
    await new Promise((resolve) => setTimeout(resolve, 5));
    return new Response(JSON.stringify({ accessToken: `token-${requests.length}`, expiresIn: answer.expiresIn ?? 3600 }), { status: answer.status });
  }) as typeof fetch;
  return { requests, restore: () => (global.fetch = realFetch) };
}

describe('the local token provider', () => {
  it('asks the issuer once for callers that ask at once, and keeps the token', async () => {
    const fake = issuer([{ status: 200 }]);
    try {
      const tokens = localTokenProvider(config);
      expect(await Promise.all([tokens.getToken(), tokens.getToken(), tokens.getToken()])).toEqual(['token-1', 'token-1', 'token-1']);
      expect(await tokens.getToken()).toBe('token-1');
      expect(fake.requests).toEqual([`POST http://issuer.test/dev/token ${JSON.stringify({ tenantId: 't1', userId: 'u1', roles: [] })}`]);
    } finally {
      fake.restore();
    }
  });

  it('asks again after a failure, and for a token about to expire', async () => {
    const fake = issuer([{ status: 503 }, { status: 200, expiresIn: 60 }, { status: 200 }]);
    try {
      const tokens = localTokenProvider(config);
      await expect(tokens.getToken()).rejects.toThrow('503');
      expect(await tokens.getToken()).toBe('token-2');
      // Sixty seconds is inside the refresh margin: the next caller gets a fresh one.
      expect(await tokens.getToken()).toBe('token-3');
      expect(fake.requests).toHaveLength(3);
    } finally {
      fake.restore();
    }
  });
});
