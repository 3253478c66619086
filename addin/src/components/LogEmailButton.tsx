import { useState } from 'react';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { LookupResponse } from '@rapport/shared';
import { ApiError, type ApiClient } from '../api/api-client';
import type { MailItem } from '../office/mail-item';
import { ErrorMessage } from './ErrorMessage';
import { useI18n } from '../i18n/I18nContext';

export type LogEmailButtonProps = {
  api: ApiClient;
  item: MailItem;
  lookup: LookupResponse;
  readBody: () => Promise<string>;
  onLogged: () => void;
};

/** Logs the open e-mail to every matched contact in one click; once logged, says so and when. */
export function LogEmailButton({ api, item, lookup, readBody, onLogged }: LogEmailButtonProps) {
  const { t, dateTime } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (lookup.loggedActivity) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{t('log.logged', { date: dateTime(lookup.loggedActivity.createdAt) })}</MessageBarBody>
      </MessageBar>
    );
  }
  const contacts = lookup.results.flatMap((result) => (result.contact ? [result.contact] : []));
  if (contacts.length === 0 || !item.internetMessageId) return null;

  const log = async () => {
    setBusy(true);
    setError(null);
    try {
      // The body excerpt is optional: an Office failure to read it must not stop the log.
      const summary = await readBody().catch(() => '');
      const activity: Parameters<ApiClient['createActivity']>[0] = {
        kind: 'email',
        subject: item.subject || '(no subject)',
        at: item.sentAt ?? new Date().toISOString(),
        contactMethod: 'email',
        status: 'done',
        contactIds: contacts.map((contact) => contact.id),
        participants: item.participants.map((participant) => ({
          email: participant.email,
          ...(participant.name ? { name: participant.name } : {}),
          role: participant.role === 'from' || participant.role === 'to' || participant.role === 'cc' ? participant.role : 'attendee',
        })),
        internetMessageId: item.internetMessageId ?? undefined,
        ...(summary ? { summary } : {}),
      };
      const companyId = contacts[0]?.companyId;
      if (companyId) activity.companyId = companyId;
      await api.createActivity(activity, `email:${item.internetMessageId}`);
      onLogged();
    } catch (caught) {
      // Someone logged it first: that is the outcome the user wanted.
      if (caught instanceof ApiError && caught.code === 'RECORD.ALREADY_LOGGED') onLogged();
      else setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button appearance="primary" onClick={() => void log()} disabled={busy}>
        {busy ? t('log.logging') : t('log.button')}
      </Button>
      {error ? <ErrorMessage message={error} /> : null}
    </>
  );
}

