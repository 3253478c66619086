import { useId, useMemo, useState } from 'react';
import { Body1, Button, Caption1, Checkbox, Field, Input, Select, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { EditRegular, PersonAddRegular } from '@fluentui/react-icons';
import type { Member, Role } from '@rapport/shared';
import { roles } from '@rapport/shared/members/roles';
import type { MemberCapability } from '@rapport/shared/members/capabilities.rules';
import type { OperationRequest } from '../api/api-types';
import { useOperation } from '../data/queries';
import { isStale, newest } from '../data/versions';
import { useOperationWrite } from '../data/writes';
import { useFormFocus, useOpenForm } from '../hooks/useOpenForm';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { ErrorMessage } from './ErrorMessage';
import { PersonAvatar } from './PersonAvatar';
import { Token } from './Token';
import { StatusBadge, type BadgeTone } from './StatusBadge';
import { QueryState } from './QueryState';
import { AddButton } from './AddButton';
import { NewMemberForm } from './NewMemberForm';
import { adminFormStyles } from './admin-form.styles';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  meta: { color: tokens.colorNeutralForeground2 },
  ...adminFormStyles,
  list: { display: 'flex', flexDirection: 'column', margin: 0, padding: 0, listStyleType: 'none' },
  member: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBlock: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  // Avatar, who they are (name, then their badges), and the button that opens their editor: one row, the text giving way.
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  who: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  // The name on a line of its own (a long one ends in an ellipsis), its badges below, wrapping onto as many lines as
  // they need: at 320 px a role and two capabilities do not fit beside a name.
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  badges: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
});

// The same request as useMemberNames(): the pane reads the members once.
const MEMBERS = { query: { limit: 100 } } as const;

const roleColors: Record<Role, BadgeTone> = { rep: 'informative', manager: 'brand', admin: 'severe' };

/**
 * Admins: the tenant's members, one line each, whose role, access and team open in place on demand; and a colleague
 * added by e-mail address, invited until they first sign in. Each change carries the version it was made on, so two admins never overwrite each
 * other unseen.
 */
export function MembersAdmin() {
  const { t } = useI18n();
  const styles = useStyles();
  const members = useOperation('members', MEMBERS);
  const sorted = useMemo(() => [...(members.data?.items ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName)), [members.data]);
  const adding = useOpenForm();
  const [added, setAdded] = useState<Member | null>(null);

  return (
    <div className={styles.view}>
      <Caption1 className={styles.meta}>{t('members.help')}</Caption1>
      {adding.open ? (
        <NewMemberForm
          onClose={adding.close}
          onAdded={(member) => {
            setAdded(member);
            adding.close();
          }}
        />
      ) : (
        <AddButton opener={adding} icon={PersonAddRegular} label={t('members.new')} />
      )}
      <div role="status">{added && !adding.open ? <Body1>{t('members.added', { email: added.email ?? added.displayName, role: t(`role.${added.role}`) })}</Body1> : null}</div>
      <QueryState query={members} />
      {members.data && sorted.length === 0 ? <Body1>{t('members.none')}</Body1> : null}
      {sorted.length > 0 ? (
        <ul className={styles.list} aria-label={t('members.heading')}>
          {sorted.map((member) => (
            <MemberRow key={member.id} member={member} members={sorted} onReload={() => members.refetch()} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

type TeamDraft = { team: string; office: string; managerId: string };

/** One member: a line to recognise them by, and their editor on demand. Each row saves on its own. */
function MemberRow({ member: listed, members, onReload }: { member: Member; members: Member[]; onReload: () => Promise<unknown> }) {
  const { t } = useI18n();
  const styles = useStyles();
  const save = useOperationWrite('updateMember');
  const member = newest(listed, save.data);
  const editor = useOpenForm();
  const editorId = useId();
  const where = [member.team, member.office].filter(Boolean).join(' · ');

  return (
    <li className={styles.member}>
      <div className={styles.row}>
        <PersonAvatar name={member.displayName} email={member.email ?? null} size={32} />
        <div className={styles.who}>
          <Body1 className={styles.name}>{member.displayName}</Body1>
          <div className={styles.badges}>
            <StatusBadge tone={roleColors[member.role]}>
              {t(`role.${member.role}`)}
            </StatusBadge>
            {member.invited ? <StatusBadge tone="informative">{t('members.invited')}</StatusBadge> : null}
            {has(member, 'knowledgeEditor') ? <StatusBadge tone="success">{t('members.knowledgeEditorBadge')}</StatusBadge> : null}
            {has(member, 'campaignManager') ? <StatusBadge tone="success">{t('members.campaignManagerBadge')}</StatusBadge> : null}
            {member.deactivated ? (
              <StatusBadge tone="danger">
                {t('members.noAccess')}
              </StatusBadge>
            ) : null}
          </div>
          {member.email ? (
            <Caption1 className={styles.meta}>
              <Token>{member.email}</Token>
            </Caption1>
          ) : null}
          {where ? <Caption1 className={styles.meta}>{where}</Caption1> : null}
        </div>
        <Button
          ref={editor.triggerRef}
          appearance="subtle"
          icon={<EditRegular />}
          aria-label={t('members.edit', { name: member.displayName })}
          aria-expanded={editor.open}
          aria-controls={editor.open ? editorId : undefined}
          onClick={editor.open ? editor.close : editor.show}
        />
      </div>
      {editor.open ? <MemberEditor id={editorId} member={member} members={members} save={save} onReload={onReload} onClose={editor.close} /> : null}
    </li>
  );
}

/** A member's role, access, team, office and manager. Escape closes it, and focus goes back to the row's button. */
function MemberEditor({
  id,
  member,
  members,
  save,
  onReload,
  onClose,
}: {
  id: string;
  member: Member;
  members: Member[];
  save: ReturnType<typeof useOperationWrite<'updateMember'>>;
  onReload: () => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const errorText = useErrorText();
  const { ref, onKeyDown } = useFormFocus<HTMLDivElement>(onClose);
  // What the admin typed in team, office and manager: kept until saved, and through a refused save.
  const [draft, setDraft] = useState<TeamDraft | null>(null);
  const shown = draft ?? { team: member.team ?? '', office: member.office ?? '', managerId: member.managerId ?? '' };
  const edit = (patch: Partial<TeamDraft>) => setDraft({ ...shown, ...patch });
  const change = (body: OperationRequest<'updateMember'>['body'], onSaved?: () => void) =>
    save.mutate({ params: { id: member.id }, body, version: member.version }, { onSuccess: onSaved });
  const fields = save.error ? errorText(save.error).fields : {};
  const busy = save.isPending;

  return (
    <div id={id} ref={ref} role="group" aria-label={t('members.edit', { name: member.displayName })} className={styles.form} onKeyDown={onKeyDown}>
      <Field label={t('members.role', { name: member.displayName })} validationMessage={fields.role} hint={member.roleSource === 'app-roles' ? t('members.roleFromEntra') : undefined}>
        <Select value={member.role} disabled={busy || member.roleSource === 'app-roles'} onChange={(_, data) => change({ role: data.value as Role })}>
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Switch
        checked={!member.deactivated}
        disabled={busy}
        label={t('members.access', { name: member.displayName })}
        onChange={(_, data) => change({ deactivated: !data.checked })}
      />
      <Switch
        checked={member.dailyDigest === true}
        disabled={busy}
        label={t('preferences.memberDigest', { name: member.displayName })}
        onChange={(_, data) => change({ dailyDigest: data.checked })}
      />
      <Field validationMessage={fields.capabilities} hint={member.role === 'admin' ? t('members.knowledgeEditorHint') : undefined}>
        <Checkbox
          checked={has(member, 'knowledgeEditor')}
          disabled={busy}
          label={t('members.knowledgeEditor', { name: member.displayName })}
          onChange={(_, data) => change({ capabilities: withCapability(member, 'knowledgeEditor', data.checked === true) })}
        />
      </Field>
      <Field hint={member.role === 'admin' ? t('members.campaignManagerHint') : undefined}>
        <Checkbox
          checked={has(member, 'campaignManager')}
          disabled={busy}
          label={t('members.campaignManager', { name: member.displayName })}
          onChange={(_, data) => change({ capabilities: withCapability(member, 'campaignManager', data.checked === true) })}
        />
      </Field>
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
            .filter((candidate) => candidate.id !== member.id && candidate.role !== 'rep' && ((!candidate.deactivated && !candidate.invited) || candidate.id === member.managerId))
            .map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.displayName}
              </option>
            ))}
        </Select>
      </Field>
      {save.isError ? <ErrorMessage error={save.error} onRetry={() => save.variables && save.mutate(save.variables)} /> : null}
      <div className={styles.actions}>
        <Button
          disabled={busy || !draft}
          onClick={() => change({ team: shown.team.trim() || null, office: shown.office.trim() || null, managerId: shown.managerId || null }, () => setDraft(null))}
        >
          {t('members.saveTeam', { name: member.displayName })}
        </Button>
        {isStale(save.error) ? (
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
        ) : null}
      </div>
    </div>
  );
}

/**
 * Whether an admin gave the member a capability, whatever their role: a knowledge editor writes the knowledge base, a
 * campaign manager keeps the campaigns and their links.
 */
const has = (member: Member, capability: MemberCapability) => (member.capabilities ?? []).includes(capability);

/** The member's capabilities with one given or taken away, the others kept. */
function withCapability(member: Member, capability: MemberCapability, given: boolean): MemberCapability[] {
  const others = (member.capabilities ?? []).filter((one) => one !== capability);
  return given ? [...others, capability] : others;
}
