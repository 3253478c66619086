import { useEffect, useState } from 'react';
import { Body1, Button, Caption1, Field, Input, Select, Subtitle2, Switch, makeStyles, tokens } from '@fluentui/react-components';
import type { Member, Role } from '@rapport/shared';
import { roles } from '@rapport/shared/members/roles';
import type { ApiClient } from '../api/api-client';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  member: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  meta: { color: tokens.colorNeutralForeground2 },
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/**
 * Admins: the tenant's members, their role and whether they may sign in. Each change carries the
 * version it was made on, so two admins never overwrite each other unseen.
 */
export function MembersAdmin({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [members, setMembers] = useState<Member[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.members().then(
      (page) => live && setMembers([...page.items].sort((a, b) => a.displayName.localeCompare(b.displayName))),
      (caught: unknown) => live && setError(caught instanceof Error ? caught.message : String(caught)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const [teams, setTeams] = useState<Record<string, { team: string; office: string; managerId: string }>>({});
  const draftOf = (member: Member) => teams[member.id] ?? { team: member.team ?? '', office: member.office ?? '', managerId: member.managerId ?? '' };
  const change = async (member: Member, patch: Parameters<ApiClient['updateMember']>[1]) => {
    setSaving(member.id);
    setError(null);
    try {
      const saved = await api.updateMember(member.id, patch, member.version);
      setMembers((current) => current?.map((candidate) => (candidate.id === saved.id ? saved : candidate)) ?? null);
      setTeams(({ [member.id]: _saved, ...others }) => others);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSaving(null);
    }
  };

  return (
    <section className={styles.view} aria-label={t('members.heading')}>
      <Subtitle2 as="h2">{t('members.heading')}</Subtitle2>
      <Caption1>{t('members.help')}</Caption1>
      {error ? <ErrorMessage message={error} /> : null}
      {!members && !error ? <Body1>{t('app.loading')}</Body1> : null}
      {members ? (
        <ul className={styles.list} aria-label={t('members.heading')}>
          {members.map((member) => (
            <li key={member.id} className={styles.member}>
              <Body1>{member.displayName}</Body1>
              <Caption1 className={styles.meta}>{[member.email, member.team, member.office].filter(Boolean).join(' · ')}</Caption1>
              <div className={styles.controls}>
                <Field label={t('members.role', { name: member.displayName })}>
                  <Select
                    value={member.role}
                    disabled={saving === member.id || member.roleSource === 'app-roles'}
                    onChange={(_, data) => void change(member, { role: data.value as Role })}
                  >
                    {roles.map((role) => (
                      <option key={role} value={role}>
                        {t(`role.${role}`)}
                      </option>
                    ))}
                  </Select>
                </Field>
                {member.roleSource === 'app-roles' ? <Caption1>{t('members.roleFromEntra')}</Caption1> : null}
                <Switch
                  checked={!member.deactivated}
                  disabled={saving === member.id}
                  label={t('members.access', { name: member.displayName })}
                  onChange={(_, data) => void change(member, { deactivated: !data.checked })}
                />
              </div>
              <div className={styles.controls}>
                <Field label={t('members.team', { name: member.displayName })}>
                  <Input value={draftOf(member).team} maxLength={100} onChange={(_, data) => setTeams({ ...teams, [member.id]: { ...draftOf(member), team: data.value } })} />
                </Field>
                <Field label={t('members.office', { name: member.displayName })}>
                  <Input value={draftOf(member).office} maxLength={100} onChange={(_, data) => setTeams({ ...teams, [member.id]: { ...draftOf(member), office: data.value } })} />
                </Field>
                <Field label={t('members.manager', { name: member.displayName })}>
                  <Select value={draftOf(member).managerId} onChange={(_, data) => setTeams({ ...teams, [member.id]: { ...draftOf(member), managerId: data.value } })}>
                    <option value="">{t('members.noManager')}</option>
                    {members
                      .filter((candidate) => candidate.id !== member.id && candidate.role !== 'rep' && (!candidate.deactivated || candidate.id === member.managerId))
                      .map((candidate) => (
                        <option key={candidate.id} value={candidate.id}>
                          {candidate.displayName}
                        </option>
                      ))}
                  </Select>
                </Field>
                <Button
                  disabled={saving === member.id || !teams[member.id]}
                  onClick={() => {
                    const draft = draftOf(member);
                    void change(member, { team: draft.team.trim() || null, office: draft.office.trim() || null, managerId: draft.managerId || null });
                  }}
                >
                  {t('members.saveTeam', { name: member.displayName })}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
