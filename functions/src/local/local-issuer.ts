import { randomUUID } from 'node:crypto';
import { roles as knownRoles, type Role } from '@rapport/shared';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type JWK, type JWTVerifyGetKey, type KeyLike } from 'jose';

const TOKEN_LIFETIME_SECONDS = 60 * 60;
/** The audience of Microsoft Graph tokens; the local calendar service accepts only these. */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

/**
 * The token issuer of local mode: its own RSA key pair, published as a JWKS, so the API
 * validates its tokens with exactly the code that validates Entra ID tokens.
 */
export class LocalIssuer {
  private constructor(
    readonly issuer: string,
    readonly audience: string,
    private readonly privateKey: KeyLike,
    readonly jwks: { keys: JWK[] },
  ) {}

  /** A new issuer with a fresh key pair, or with the one given (tests that forge tokens need its private key). */
  static async create(issuer: string, audience: string, keyPair?: { publicKey: KeyLike; privateKey: KeyLike }): Promise<LocalIssuer> {
    const { publicKey, privateKey } = keyPair ?? (await generateKeyPair('RS256'));
    const jwk = { ...(await exportJWK(publicKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
    return new LocalIssuer(issuer, audience, privateKey, { keys: [jwk] });
  }

  get keys(): JWTVerifyGetKey {
    return createLocalJWKSet(this.jwks);
  }

  /** An API token; `email` goes where Entra ID puts the user's sign-in address (`preferred_username`). */
  async issue(claims: { tenantId: string; userId: string; roles?: Role[]; name?: string; email?: string }): Promise<string> {
    const key = this.jwks.keys[0];
    const roles = (claims.roles ?? ['rep']).filter((role) => knownRoles.includes(role));
    const named = { ...(claims.name ? { name: claims.name } : {}), ...(claims.email ? { preferred_username: claims.email } : {}) };
    return new SignJWT({ tid: claims.tenantId, oid: claims.userId, roles, ...named, scp: 'access_as_user' })
      .setProtectedHeader({ alg: 'RS256', kid: key?.kid ?? 'local', typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setSubject(claims.userId)
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
      .sign(this.privateKey);
  }

  /** A delegated Graph token for the local calendar service: the mailbox in `preferred_username`, the scopes in `scp`. */
  async issueGraphToken(claims: { tenantId: string; userId: string; email: string; scopes: string[] }): Promise<string> {
    const key = this.jwks.keys[0];
    return new SignJWT({ tid: claims.tenantId, oid: claims.userId, preferred_username: claims.email, scp: claims.scopes.join(' ') })
      .setProtectedHeader({ alg: 'RS256', kid: key?.kid ?? 'local', typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(GRAPH_AUDIENCE)
      .setSubject(claims.userId)
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
      .sign(this.privateKey);
  }

  /**
   * An app-only Graph token, as Entra issues one to a confidential client: the granted application permissions in
   * `roles`, `idtyp: app`, the service principal as `oid`/`sub`, and neither `scp` nor a user's name.
   */
  async issueAppGraphToken(claims: { tenantId: string; app: GraphApplication; roles: string[] }): Promise<string> {
    const key = this.jwks.keys[0];
    const { appId, servicePrincipalId } = claims.app;
    return new SignJWT({ tid: claims.tenantId, oid: servicePrincipalId, appid: appId, azp: appId, idtyp: 'app', roles: claims.roles })
      .setProtectedHeader({ alg: 'RS256', kid: key?.kid ?? 'local', typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(GRAPH_AUDIENCE)
      .setSubject(servicePrincipalId)
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
      .sign(this.privateKey);
  }
}

/** An application as a tenant's directory knows it: its client id, and its service principal there. */
export type GraphApplication = { appId: string; servicePrincipalId: string };

/** Rapport's application in local mode (fixed ids, so tokens and logs read the same across runs). */
export const LOCAL_GRAPH_APP: GraphApplication = { appId: 'c0ffee00-0000-4000-8000-00000000a99a', servicePrincipalId: 'c0ffee00-0000-4000-8000-00000000a5b1' };
