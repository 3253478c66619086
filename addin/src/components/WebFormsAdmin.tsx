import { useEffect, useState } from 'react';
import { Body1, Button, Caption1, Field, Input, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { WebForm } from '@rapport/shared';
import { formKeyOf, webFormSnippet } from '@rapport/shared/forms/web-form-key';
import type { ApiClient } from '../api/api-client';
import { useAction } from '../hooks/useAction';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, margin: 0, padding: 0, listStyleType: 'none' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  meta: { color: tokens.colorNeutralForeground2 },
  snippet: { fontFamily: tokens.fontFamilyMonospace },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Admins: the web forms that make leads from the company's website, with the HTML to paste and a switch to revoke. */
export function WebFormsAdmin({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { busy, error, setError, act } = useAction();
  const [forms, setForms] = useState<WebForm[] | null>(null);
  const [name, setName] = useState('');
  const [campaign, setCampaign] = useState('');
  const [thankYouUrl, setThankYouUrl] = useState('');
  // One key per form being made: a double-click or a retry makes one form.
  const [createKey, setCreateKey] = useState(() => crypto.randomUUID());
  // Where the API is as the website sees it: the pane's own origin when the API shares it.
  const apiBase = api.baseUrl || window.location.origin;

  useEffect(() => {
    let live = true;
    api.webForms().then(
      (page) => live && setForms(page.items),
      (caught: unknown) => live && setError(caught instanceof Error ? caught.message : String(caught)),
    );
    return () => {
      live = false;
    };
  }, [api, setError]);


  const create = () =>
    act(async () => {
      const form = await api.createWebForm({ name: name.trim(), ...(campaign.trim() ? { campaign: campaign.trim() } : {}), ...(thankYouUrl.trim() ? { thankYouUrl: thankYouUrl.trim() } : {}) }, createKey);
      setForms((current) => [form, ...(current ?? []).filter((candidate) => candidate.id !== form.id)]);
      setName('');
      setCampaign('');
      setThankYouUrl('');
      setCreateKey(crypto.randomUUID());
    });

  const setRevoked = (form: WebForm, revoked: boolean) =>
    act(async () => {
      const saved = await api.updateWebForm(form.id, { revoked }, form.version);
      setForms((current) => current?.map((candidate) => (candidate.id === saved.id ? saved : candidate)) ?? null);
    });

  return (
    <section className={styles.view} aria-label={t('forms.heading')}>
      <Subtitle2 as="h2">{t('forms.heading')}</Subtitle2>
      <Caption1>{t('forms.help')}</Caption1>
      {error ? <ErrorMessage message={error} /> : null}
      <form
        className={styles.form}
        aria-label={t('forms.new')}
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <Field label={t('forms.name')} required>
          <Input value={name} onChange={(_, data) => setName(data.value)} maxLength={150} />
        </Field>
        <Field label={t('forms.campaign')}>
          <Input value={campaign} onChange={(_, data) => setCampaign(data.value)} maxLength={150} />
        </Field>
        <Field label={t('forms.thankYouUrl')} hint={t('forms.thankYouHint')}>
          <Input type="url" value={thankYouUrl} onChange={(_, data) => setThankYouUrl(data.value)} maxLength={500} />
        </Field>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={busy || name.trim() === ''}>
            {t('forms.create')}
          </Button>
        </div>
      </form>
      {!forms && !error ? <Body1>{t('app.loading')}</Body1> : null}
      {forms ? (
        <ul className={styles.list} aria-label={t('forms.list')}>
          {forms.map((form) => {
            const key = formKeyOf(form);
            return (
              <li key={form.id} className={styles.form}>
                <Body1>{form.name}</Body1>
                <Caption1 className={styles.meta}>
                  {[form.revoked ? t('forms.revoked') : t('forms.active'), form.campaign ? t('forms.campaignIs', { campaign: form.campaign }) : null].filter(Boolean).join(' · ')}
                </Caption1>
                <Field label={t('forms.snippet', { name: form.name })} hint={t('forms.key', { key })}>
                  <Textarea className={styles.snippet} readOnly resize="vertical" rows={6} value={webFormSnippet(apiBase, key)} />
                </Field>
                <div className={styles.actions}>
                  <Button disabled={busy} onClick={() => void setRevoked(form, !form.revoked)}>
                    {form.revoked ? t('forms.switchOn', { name: form.name }) : t('forms.revoke', { name: form.name })}
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
