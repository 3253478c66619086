import { useState } from 'react';
import { Body1, Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import type { WebForm } from '@rapport/shared';
import { formKeyOf, webFormSnippet } from '@rapport/shared/forms/web-form-key';
import { useApi } from '../data/ApiProvider';
import { useRecordList } from '../data/queries';
import { newest } from '../data/versions';
import { useChangeRecord, useCreateRecord } from '../data/writes';
import { useFormFocus, useOpenForm } from '../hooks/useOpenForm';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { ErrorMessage } from './ErrorMessage';
import { StatusBadge } from './StatusBadge';
import { QueryState } from './QueryState';
import { AddButton } from './AddButton';
import { WebFormSnippet } from './WebFormSnippet';
import { CampaignLink } from './campaigns/CampaignLink';
import { CampaignPicker } from './campaigns/CampaignPicker';
import { adminFormStyles } from './admin-form.styles';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { display: 'flex', flexDirection: 'column', margin: 0, padding: 0, listStyleType: 'none' },
  ...adminFormStyles,
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBlock: tokens.spacingVerticalM, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  title: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground2 },
});

const EMPTY = { name: '', campaignId: '', thankYouUrl: '' };

/** Admins: the web forms that make leads from the company's website, with the HTML to paste and a switch to revoke. */
export function WebFormsAdmin() {
  const { t } = useI18n();
  const styles = useStyles();
  const forms = useRecordList('form', { limit: 100 });
  // Where the API is as the website sees it: the pane's own origin when the API shares it.
  const apiBase = useApi().baseUrl || window.location.origin;
  const adding = useOpenForm();

  return (
    <div className={styles.view}>
      <Caption1 className={styles.meta}>{t('forms.help')}</Caption1>
      {adding.open ? <NewWebForm onClose={adding.close} /> : <AddButton opener={adding} icon={AddRegular} label={t('forms.new')} />}
      <QueryState query={forms} />
      {forms.data && forms.data.items.length === 0 ? <Body1>{t('forms.none')}</Body1> : null}
      {forms.data && forms.data.items.length > 0 ? (
        <ul className={styles.list} aria-label={t('forms.list')}>
          {forms.data.items.map((form) => (
            <WebFormRow key={form.id} form={form} apiBase={apiBase} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A web form with its HTML snippet to copy and the switch that revokes it: each row saves on its own. */
function WebFormRow({ form: listed, apiBase }: { form: WebForm; apiBase: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const change = useChangeRecord('form');
  const form = newest(listed, change.data);
  const key = formKeyOf(form);
  return (
    <li className={styles.item}>
      <div className={styles.title}>
        <Body1>{form.name}</Body1>
        <StatusBadge tone={form.revoked ? 'danger' : 'success'}>
          {form.revoked ? t('forms.revoked') : t('forms.active')}
        </StatusBadge>
      </div>
      {form.campaignId ? <FormCampaign id={form.campaignId} name={form.campaign ?? t('record.kind.campaign')} /> : null}
      <WebFormSnippet name={form.name} formKey={key} snippet={webFormSnippet(apiBase, key)} label={t('forms.snippet', { name: form.name })} />
      {change.isError ? <ErrorMessage error={change.error} onRetry={() => change.variables && change.mutate(change.variables)} /> : null}
      <div className={styles.actions}>
        <Button disabled={change.isPending} onClick={() => change.mutate({ id: form.id, changes: { revoked: !form.revoked }, version: form.version, previous: form })}>
          {form.revoked ? t('forms.switchOn', { name: form.name }) : t('forms.revoke', { name: form.name })}
        </Button>
      </div>
    </li>
  );
}

/** "Campaign: Spring fair 2027", the campaign's name opening it. */
function FormCampaign({ id, name }: { id: string; name: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [before, after] = t('forms.campaignIs').split('{campaign}');
  return (
    <Caption1 className={styles.meta}>
      {before}
      <CampaignLink id={id}>{name}</CampaignLink>
      {after}
    </Caption1>
  );
}

/** A new web form. Escape or Cancel closes it; so does creating it, and its HTML shows in the list. */
function NewWebForm({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const errorText = useErrorText();
  // A double-click or a Retry makes one form: the create keeps its idempotency key until it succeeds.
  const create = useCreateRecord('form');
  const { ref, onKeyDown } = useFormFocus(onClose);
  const [draft, setDraft] = useState(EMPTY);
  const fields = create.error ? errorText(create.error).fields : {};

  return (
    <form
      ref={ref}
      className={styles.form}
      aria-label={t('forms.new')}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        if (draft.name.trim() === '' || create.isPending) return;
        create.mutate(
          {
            input: {
              name: draft.name.trim(),
              ...(draft.campaignId ? { campaignId: draft.campaignId } : {}),
              ...(draft.thankYouUrl.trim() ? { thankYouUrl: draft.thankYouUrl.trim() } : {}),
            },
          },
          { onSuccess: onClose },
        );
      }}
    >
      <Field label={t('forms.name')} required validationMessage={fields.name}>
        <Input value={draft.name} onChange={(_, data) => setDraft({ ...draft, name: data.value })} maxLength={150} />
      </Field>
      <CampaignPicker label={t('forms.campaign')} value={draft.campaignId} onChange={(campaignId) => setDraft({ ...draft, campaignId })} problem={fields.campaignId ?? fields.campaign} />
      <Field label={t('forms.thankYouUrl')} hint={t('forms.thankYouHint')} validationMessage={fields.thankYouUrl}>
        <Input type="url" value={draft.thankYouUrl} onChange={(_, data) => setDraft({ ...draft, thankYouUrl: data.value })} maxLength={500} />
      </Field>
      {create.isError ? <ErrorMessage error={create.error} onRetry={() => create.variables && create.mutate(create.variables)} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={create.isPending || draft.name.trim() === ''}>
          {t('forms.create')}
        </Button>
        <Button onClick={onClose}>{t('forms.cancel')}</Button>
      </div>
    </form>
  );
}
