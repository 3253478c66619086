import { CrmError, isKnownTimeZone, memberNotActive, memberNotSignedIn, nextTeamHistory } from '@rapport/shared';
import type { KindHooks } from './kind-hooks';

export const memberHooks: KindHooks<'member'> = {
  prepare: (fields, { previous, now }) => {
    // A zone is checked when it is given, so a member whose stored zone this runtime no longer knows still saves the rest.
    if (fields.timeZone !== undefined && fields.timeZone !== previous?.timeZone && !isKnownTimeZone(fields.timeZone)) throw unknownTimeZone(fields.timeZone);
    // The team's history moves with the team, so attainment counts each rep for the time they were in a team.
    const withHistory = { ...fields, teamHistory: nextTeamHistory(previous, fields.team, now.slice(0, 10)) };
    if (withHistory.teamHistory.length === 0) delete (withHistory as { teamHistory?: unknown }).teamHistory;
    return withHistory.email ? { ...withHistory, email: withHistory.email.toLowerCase() } : withHistory;
  },
  // A record is given to, or a territory or team names, only people who can still sign in. Checked on what a write
  // adds, so records of a departed rep stay editable. An invited member is named once they signed in: their first
  // sign-in gives them their directory id, and nothing may point at the invitation's.
  refuseReference: (member, field) => (member.deactivated ? memberNotActive(field, member) : member.invited ? memberNotSignedIn(field, member) : null),
};

/** 422: a time zone name that is none this runtime knows (`Mars/Olympus`). */
export function unknownTimeZone(timeZone: string): CrmError {
  return new CrmError('unprocessable', 'MEMBER.UNKNOWN_TIME_ZONE', `"${timeZone.slice(0, 64)}" is not a time zone: give an IANA name such as Europe/Madrid or America/Sao_Paulo.`, {
    field: 'timeZone',
    fields: [{ path: 'timeZone', code: 'MEMBER.UNKNOWN_TIME_ZONE', message: 'is not a time zone' }],
  });
}
