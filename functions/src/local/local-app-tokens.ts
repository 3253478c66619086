import type { AppTokenSource } from '../graph/app-tokens';
import { LOCAL_GRAPH_APP, type GraphApplication, type LocalIssuer } from './local-issuer';

/** The application permissions Rapport asks for: reading members' mail and sending as them. */
export const RAPPORT_APP_ROLES = ['Mail.Read', 'Mail.Send'] as const;

/**
 * Local mode's app-only Graph tokens: signed by the local issuer, which the local Graph stand-in trusts as Graph trusts
 * Entra. `roles` is what the tenant "granted" (tests take one away to see the 403).
 */
export function localAppTokens(issuer: LocalIssuer, options: { app?: GraphApplication; roles?: readonly string[] } = {}): AppTokenSource {
  const app = options.app ?? LOCAL_GRAPH_APP;
  const roles = [...(options.roles ?? RAPPORT_APP_ROLES)];
  return { token: (tenantId) => issuer.issueAppGraphToken({ tenantId, app, roles }) };
}
