import { createRemoteJWKSet, errors as joseErrors, type JWTVerifyGetKey } from 'jose';

/** Microsoft's multi-tenant OpenID metadata: it names the key set every Entra ID tenant signs with. */
export const ENTRA_OPENID_METADATA_URL = 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration';

export type OpenIdKeysOptions = {
  /** The OpenID metadata document (its `jwks_uri` is read once), or a key set URL given directly. */
  metadataUrl?: string;
  jwksUrl?: string;
  /** At most one refetch for unknown key ids in this many milliseconds, so forged `kid`s cannot flood the issuer. */
  refetchCooldownMs?: number;
  /** Keys are refetched at least this often even when every `kid` is known. */
  maxCacheAgeMs?: number;
  fetchTimeoutMs?: number;
};

const DEFAULT_REFETCH_COOLDOWN_MS = 5 * 60_000;
const DEFAULT_MAX_CACHE_AGE_MS = 24 * 60 * 60_000;

/**
 * The signing keys of an OpenID issuer, for `jwtVerify`. Key rollover is handled: a token naming a key
 * id the cached set lacks refetches the set, at most once per cooldown; a failed metadata fetch is
 * retried on the next token rather than remembered.
 */
export function openIdKeys(options: OpenIdKeysOptions): JWTVerifyGetKey {
  const timeoutDuration = options.fetchTimeoutMs ?? 5_000;
  let keySet: Promise<JWTVerifyGetKey> | null = null;
  const resolveKeySet = async (): Promise<JWTVerifyGetKey> => {
    const jwksUrl = options.jwksUrl ?? (await readJwksUri(options.metadataUrl ?? ENTRA_OPENID_METADATA_URL, timeoutDuration));
    return createRemoteJWKSet(new URL(jwksUrl), {
      cooldownDuration: options.refetchCooldownMs ?? DEFAULT_REFETCH_COOLDOWN_MS,
      cacheMaxAge: options.maxCacheAgeMs ?? DEFAULT_MAX_CACHE_AGE_MS,
      timeoutDuration,
    });
  };
  return async (header, token) => {
    keySet ??= resolveKeySet().catch((error: unknown) => {
      keySet = null;
      throw error;
    });
    return (await keySet)(header, token);
  };
}

async function readJwksUri(metadataUrl: string, timeoutMs: number): Promise<string> {
  const response = await fetch(metadataUrl, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new joseErrors.JOSEError(`the OpenID metadata at ${metadataUrl} answered ${response.status}`);
  const metadata = (await response.json()) as { jwks_uri?: unknown };
  if (typeof metadata.jwks_uri !== 'string') throw new joseErrors.JOSEError(`the OpenID metadata at ${metadataUrl} names no jwks_uri`);
  return metadata.jwks_uri;
}
