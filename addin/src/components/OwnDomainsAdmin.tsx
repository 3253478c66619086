import { useMemo, useState } from 'react';
import { Body1, Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { emailDomain, normalizeDomain, normalizeEmail } from '@rapport/shared/email/email-address.rules';
import { isFreeMailDomain } from '@rapport/shared/email/free-mail-domains';
import { MAX_OWN_DOMAINS } from '@rapport/shared/settings/own-domains.rules';
import { useQueryClient } from '@tanstack/react-query';
import { useOperation } from '../data/queries';
import { queryKeys } from '../data/query-keys';
import { isStale } from '../data/versions';
import { useOperationWrite } from '../data/writes';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { ErrorMessage } from './ErrorMessage';
import { Token } from './Token';
import { QueryState } from './QueryState';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  meta: { color: tokens.colorNeutralForeground2 },
  list: { display: 'flex', flexDirection: 'column', margin: 0, padding: 0, listStyleType: 'none' },
  domain: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  domainText: { flexGrow: 1, minWidth: 0 },
  // The members' domains, when none are named: read as a line of tokens.
  tokens: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, margin: 0, padding: 0, listStyleType: 'none' },
  add: { display: 'flex', flexDirection: 'column' },
  addLine: { display: 'flex', gap: tokens.spacingHorizontalS },
  input: { flexGrow: 1, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

// The same request as useMemberNames(): the pane reads the members once.
const MEMBERS = { query: { limit: 100 } } as const;

/** The domains as the admin is changing them, and the version of the settings they started from. */
type Edit = { domains: string[]; version: number };

/**
 * Admins: the tenant's own e-mail domains. An address there (or a member's) is a colleague's, never a stranger the
 * pane offers to add. None named: the domains of the members' addresses stand for them. Saved on the version read,
 * like the currencies (the same settings); a refused save keeps what was typed until the admin loads the saved list.
 */
export function OwnDomainsAdmin() {
  const { t } = useI18n();
  const styles = useStyles();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const settings = useOperation('settings', {});
  const save = useOperationWrite('updateSettings');
  const [edit, setEdit] = useState<Edit | null>(null);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const saved = settings.data ?? null;
  const domains = edit?.domains ?? saved?.ownDomains ?? [];
  const change = (next: string[]) => {
    if (!saved) return;
    save.reset();
    setEdit({ domains: next, version: edit?.version ?? saved.version });
  };
  const changed = saved !== null && edit !== null && JSON.stringify(edit.domains) !== JSON.stringify(saved.ownDomains);

  const addTyped = () => {
    const domain = normalizeDomain(typed);
    if (!domain) return setProblem(t('domains.invalid'));
    if (domains.includes(domain)) return setProblem(t('domains.already', { domain }));
    if (domains.length >= MAX_OWN_DOMAINS) return setProblem(t('domains.tooMany', { count: MAX_OWN_DOMAINS }));
    change([...domains, domain]);
    setTyped('');
    setProblem(null);
  };
  const submit = () => {
    if (!edit) return;
    save.mutate(
      { body: { ownDomains: edit.domains }, version: edit.version },
      {
        onSuccess: () => {
          setEdit(null);
          // Who is a colleague changed: the people of the open item are looked up again.
          void queryClient.invalidateQueries({ queryKey: queryKeys.operation('lookup') });
        },
      },
    );
  };
  // Another admin saved first: their settings are loaded, and what was typed here is dropped (the button says so).
  const loadSaved = () =>
    void settings.refetch().then(() => {
      setEdit(null);
      save.reset();
    });
  const fields = save.error ? errorText(save.error).fields : {};
  const listProblem = Object.entries(fields).find(([path]) => path === 'ownDomains' || path.startsWith('ownDomains.'))?.[1];

  return (
    <div className={styles.view}>
      <Caption1 className={styles.meta}>{t('domains.help')}</Caption1>
      <QueryState query={settings} />
      {saved ? (
        <>
          {domains.length > 0 ? (
            <ul className={styles.list} aria-label={t('domains.list')}>
              {domains.map((domain) => (
                <li key={domain} className={styles.domain}>
                  <Body1 className={styles.domainText}>
                    <Token>{domain}</Token>
                  </Body1>
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={t('domains.remove', { domain })}
                    onClick={() => change(domains.filter((other) => other !== domain))}
                  />
                </li>
              ))}
            </ul>
          ) : (
            <MembersDomains />
          )}
          <form
            className={styles.add}
            aria-label={t('domains.add')}
            onSubmit={(event) => {
              event.preventDefault();
              addTyped();
            }}
          >
            <Field label={t('domains.domain')} hint={problem ? undefined : t('domains.domainHint')} validationMessage={problem ?? listProblem}>
              {/* The button beside the input it adds, below the label. */}
              <div className={styles.addLine}>
                <Input
                  className={styles.input}
                  value={typed}
                  maxLength={253}
                  onChange={(_, data) => {
                    setTyped(data.value);
                    setProblem(null);
                  }}
                />
                <Button type="submit" icon={<AddRegular />} aria-label={t('domains.add')} disabled={typed.trim() === ''} />
              </div>
            </Field>
          </form>
          {save.isError ? <ErrorMessage error={save.error} onRetry={submit} /> : null}
          {save.isSuccess && !edit ? (
            <Caption1 role="status" aria-live="polite">
              {t('domains.saved')}
            </Caption1>
          ) : null}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={save.isPending || !changed} onClick={submit}>
              {t('domains.save')}
            </Button>
            {isStale(save.error) ? <Button onClick={loadSaved}>{t('domains.reload')}</Button> : null}
          </div>
        </>
      ) : null}
    </div>
  );
}

/** None named: what stands for them, the domains of the members' addresses (free-mail ones aside), as the API reckons them. */
function MembersDomains() {
  const { t } = useI18n();
  const styles = useStyles();
  const members = useOperation('members', MEMBERS);
  const domains = useMemo(() => {
    const found = (members.data?.items ?? []).flatMap((member) => {
      const email = member.email ? normalizeEmail(member.email) : null;
      return email ? [emailDomain(email)] : [];
    });
    return [...new Set(found)].filter((domain) => !isFreeMailDomain(domain)).sort();
  }, [members.data]);
  return (
    <>
      <Body1>{t('domains.none')}</Body1>
      {domains.length > 0 ? (
        <ul className={styles.tokens} aria-label={t('domains.fromMembers')}>
          {domains.map((domain) => (
            <li key={domain}>
              <Caption1 className={styles.meta}>
                <Token>{domain}</Token>
              </Caption1>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
