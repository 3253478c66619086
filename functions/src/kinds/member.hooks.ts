import { memberNotActive, memberNotSignedIn, nextTeamHistory } from '@rapport/shared';
import type { KindHooks } from './kind-hooks';

export const memberHooks: KindHooks<'member'> = {
  prepare: (fields, { previous, now }) => {
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
