import { useMemo, useState } from 'react';
import { Body1, Button, Caption1, Field, Input, Select, Spinner, Subtitle2, Switch, makeStyles, tokens } from '@fluentui/react-components';
import type { Member, Role } from '@rapport/shared';
import { roles } from '@rapport/shared/members/roles';
import type { OperationRequest } from '../api/api-types';
import { useOperation } from '../data/queries';
import { isStale, newest } from '../data/versions';
import { useOperationWrite } from '../data/writes';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  member: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  meta: { color: tokens.colorNeutralForeground2 },
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

// The same request as useMemberNames(): the pane reads the members once.
const MEMBERS = { query: { limit: 100 } } as const;

/**
 * Admins: the tenant's members, their role and whether they may sign in, and a colleague added by their directory id.
 * Each change carries the version it was made on, so two admins never overwrite each other unseen.
 */
export function MembersAdmin() {
  const { t } = useI18n();
  const styles = useStyles();
  const members = useOperation('members', MEMBERS);
  const sorted = useMemo(() => [...(members.data?.items ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName)), [members.data]);

  return (
    <section className={styles.view} aria-label={t('members.heading')}>
      <Subtitle2 as="h2">{t('members.heading')}</Subtitle2>
      <Caption1>{t('members.help')}</Caption1>
      <NewMember />
      {members.isPending ? <Spinner size="tiny" label={t('app.loading')} /> : null}
      {members.isError ? <ErrorMessage error={members.error} onRetry={() => void members.refetch()} /> : null}
      {members.data && sorted.length === 0 ? <Body1>{t('members.none')}</Body1> : null}
      {sorted.length > 0 ? (
        <ul className={styles.list} aria-label={t('members.heading')}>
          {sorted.map((member) => (
            <MemberRow key={member.id} member={member} members={sorted} onReload={() => members.refetch()} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

type TeamDraft = { team: string; office: string; managerId: string };

/** One member: each row saves on its own, so one refused change leaves the others as they are. */
function MemberRow({ member: listed, members, onReload }: { member: Member; members: Member[]; onReload: () => Promise<unknown> }) {
  const { t } = useI18n();
  const styles = useStyles();
  const errorText = useErrorText();
  const save = useOperationWrite('updateMember');
  const member = newest(listed, save.data);
  // What the admin typed in team, office and manager: kept until saved, and through a refused save.
  const [draft, setDraft] = useState<TeamDraft | null>(null);
  const shown = draft ?? { team: member.team ?? '', office: member.office ?? '', managerId: member.managerId ?? '' };
  const edit = (patch: Partial<TeamDraft>) => setDraft({ ...shown, ...patch });
  const change = (body: OperationRequest<'updateMember'>['body'], onSaved?: () => void) =>
    save.mutate({ params: { id: member.id }, body, version: member.version }, { onSuccess: onSaved });
  const fields = save.error ? errorText(save.error).fields : {};
  const busy = save.isPending;

  return (
    <li className={styles.member}>
      <Body1>{member.displayName}</Body1>
      <Caption1 className={styles.meta}>{[member.email, member.team, member.office].filter(Boolean).join(' · ')}</Caption1>
      <div className={styles.controls}>
        <Field label={t('members.role', { name: member.displayName })} validationMessage={fields.role}>
          <Select value={member.role} disabled={busy || member.roleSource === 'app-roles'} onChange={(_, data) => change({ role: data.value as Role })}>
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
          disabled={busy}
          label={t('members.access', { name: member.displayName })}
          onChange={(_, data) => change({ deactivated: !data.checked })}
        />
      </div>
      <div className={styles.controls}>
        <Field label={t('members.team', { name: member.displayName })} validationMessage={fields.team}>
          <Input value={shown.team} maxLength={100} onChange={(_, data) => edit({ team: data.value })} />
        </Field>
        <Field label={t('members.office', { name: member.displayName })} validationMessage={fields.office}>
          <Input value={shown.office} maxLength={100} onChange={(_, data) => edit({ office: data.value })} />
        </Field>
        <Field label={t('members.manager', { name: member.displayName })} validationMessage={fields.managerId}>
          <Select value={shown.managerId} onChange={(_, data) => edit({ managerId: data.value })}>
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
          disabled={busy || !draft}
          onClick={() => change({ team: shown.team.trim() || null, office: shown.office.trim() || null, managerId: shown.managerId || null }, () => setDraft(null))}
        >
          {t('members.saveTeam', { name: member.displayName })}
        </Button>
      </div>
      {save.isError ? <ErrorMessage error={save.error} onRetry={() => save.variables && save.mutate(save.variables)} /> : null}
      {isStale(save.error) ? (
        <div>
          <Button
            onClick={() =>
              void onReload().then(() => {
                setDraft(null);
                save.reset();
              })
            }
          >
            {t('members.reload', { name: member.displayName })}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

const EMPTY_MEMBER = { id: '', displayName: '', email: '', role: 'rep' as Role };

/** Adds a colleague before their first sign-in, by the object id their directory gives them. */
function NewMember() {
  const { t } = useI18n();
  const styles = useStyles();
  const errorText = useErrorText();
  const create = useOperationWrite('createMember');
  const [draft, setDraft] = useState(EMPTY_MEMBER);
  const fields = create.error ? errorText(create.error).fields : {};
  const valid = draft.id.trim() !== '' && draft.displayName.trim() !== '';

  return (
    <form
      className={styles.form}
      aria-label={t('members.new')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid || create.isPending) return;
        create.mutate(
          { body: { id: draft.id.trim(), displayName: draft.displayName.trim(), role: draft.role, ...(draft.email.trim() ? { email: draft.email.trim() } : {}) } },
          { onSuccess: () => setDraft(EMPTY_MEMBER) },
        );
      }}
    >
      <Field label={t('members.id')} hint={t('members.idHint')} required validationMessage={fields.id}>
        <Input value={draft.id} maxLength={64} onChange={(_, data) => setDraft({ ...draft, id: data.value })} />
      </Field>
      <Field label={t('members.name')} required validationMessage={fields.displayName}>
        <Input value={draft.displayName} maxLength={200} onChange={(_, data) => setDraft({ ...draft, displayName: data.value })} />
      </Field>
      <Field label={t('members.email')} validationMessage={fields.email}>
        <Input type="email" value={draft.email} maxLength={254} onChange={(_, data) => setDraft({ ...draft, email: data.value })} />
      </Field>
      <Field label={t('members.newRole')} validationMessage={fields.role}>
        <Select value={draft.role} onChange={(_, data) => setDraft({ ...draft, role: data.value as Role })}>
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </Select>
      </Field>
      {create.isError ? <ErrorMessage error={create.error} onRetry={() => create.variables && create.mutate(create.variables)} /> : null}
      <div>
        <Button type="submit" appearance="primary" disabled={create.isPending || !valid}>
          {t('members.add')}
        </Button>
      </div>
    </form>
  );
}
