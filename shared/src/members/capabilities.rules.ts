// Plain code, no schema: the pane reads these without loading zod.

/**
 * What an admin lets a member do beside their role: a capability is given to whom it suits (a service rep who writes
 * the knowledge base, a marketer who keeps campaigns and tracked links), whatever their role. Admins may do all of it.
 */
export const memberCapabilities = ['knowledgeEditor', 'campaignManager'] as const;
export type MemberCapability = (typeof memberCapabilities)[number];
