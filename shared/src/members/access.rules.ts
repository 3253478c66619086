import type { ErrorCode } from '../common/error-codes';
import { CrmError } from '../common/errors';
import type { MemberCapability } from './capabilities.rules';
import { hasRole, type Role } from './roles';

/** The caller as access rules see them. */
export type Actor = { userId: string; roles: readonly Role[] };

/** What the signed-in user may do, as the API enforces it; the pane hides what is not allowed. */
export type Capabilities = {
  /** Change or delete records someone else owns. */
  editOthersRecords: boolean;
  /** Give a record another owner, or create one for someone else. */
  reassign: boolean;
  /** See the team's calendar and reports. */
  viewTeam: boolean;
  /** Manage settings: members and their roles, pipeline stages, territories. */
  manageSettings: boolean;
  /** Import lists of leads and contacts from CSV files. */
  importLists: boolean;
};

export function capabilitiesOf(roles: readonly Role[]): Capabilities {
  const manager = hasRole(roles, 'manager');
  return { editOthersRecords: manager, reassign: manager, viewTeam: manager, manageSettings: hasRole(roles, 'admin'), importLists: manager };
}

/** A rep changes the records they own; a manager or admin any record of the tenant. */
export function canEditRecord(actor: Actor, record: { ownerId: string }): boolean {
  return record.ownerId === actor.userId || capabilitiesOf(actor.roles).editOthersRecords;
}

/** What each capability is called in a refusal, and its code. */
const capabilityRefusals: Record<MemberCapability, { who: string; code: ErrorCode }> = {
  knowledgeEditor: { who: 'a knowledge editor', code: 'KNOWLEDGE.EDITOR_REQUIRED' },
  campaignManager: { who: 'a campaign manager', code: 'CAMPAIGN.MANAGER_REQUIRED' },
};

/** 403: the caller's role falls short (and, for a route a capability opens, they do not have it either). */
export function roleRequired(needed: Role, what: string, capability?: MemberCapability): CrmError {
  if (capability) {
    const { who, code } = capabilityRefusals[capability];
    return new CrmError('forbidden', code, `Only ${who} or an admin can ${what}. Ask your admin to make you ${who}.`, { requiredRole: needed, capability });
  }
  return new CrmError('forbidden', 'AUTH.ROLE_REQUIRED', `Only ${needed === 'admin' ? 'an admin' : `a ${needed} or an admin`} can ${what}.`, { requiredRole: needed });
}

export function notYourRecord(kind: string): CrmError {
  return new CrmError(
    'forbidden',
    'AUTH.NOT_RECORD_OWNER',
    `This ${kind} belongs to someone else: only its owner, a manager or an admin can change it.`,
  );
}

/** 422: a request named a member who can no longer sign in (an owner, a manager, a territory's rep). */
export function memberNotActive(field: string, member: { id: string; displayName: string }): CrmError {
  return new CrmError(
    'unprocessable',
    'MEMBER.NOT_ACTIVE',
    `${member.displayName}, given in ${field}, no longer has access to Rapport: choose an active member.`,
    { field, id: member.id },
  );
}

/** 422: a request named a member who was invited by e-mail and has not signed in yet (their id changes then). */
export function memberNotSignedIn(field: string, member: { id: string; displayName: string }): CrmError {
  return new CrmError(
    'unprocessable',
    'MEMBER.NOT_SIGNED_IN',
    `${member.displayName}, given in ${field}, has not signed in to Rapport yet: choose someone who has, or try again after their first sign-in.`,
    { field, id: member.id },
  );
}

/** A member as private records' readers see them: whose team they are on. */
export type TeamMember = { id: string; team?: string | undefined; managerId?: string | undefined };

/**
 * Whether `manager` manages `member` for private records (`readableBy: 'owner'`): the member names them as their
 * manager, or both are on the same team (named alike, whatever the case and spaces, as attainment groups teams).
 * Private records, commission statements and the morning digest's team all ask this.
 */
export function managesMember(manager: TeamMember, member: TeamMember): boolean {
  const team = (value: string | undefined) => value?.trim().toLowerCase() ?? '';
  return member.managerId === manager.id || (team(manager.team) !== '' && team(member.team) === team(manager.team));
}
