import { useState, type ReactNode } from 'react';
import { Button } from '@fluentui/react-components';
import type { Campaign } from '@rapport/shared';
import { isApiError } from '../../api/api-error';
import { useChangeRecord, useCreateRecord } from '../../data/writes';
import { useMe } from '../../hooks/useMe';
import { useFormFocus } from '../../hooks/useOpenForm';
import { useTenantCurrencies } from '../../hooks/useTenantCurrencies';
import { useI18n } from '../../i18n/I18nContext';
import { useErrorText } from '../../i18n/useErrorText';
import { ChangeError } from '../ChangeError';
import { ErrorMessage } from '../ErrorMessage';
import { useAdminFormStyles } from '../admin-form.styles';
import { CampaignFields } from './CampaignFields';
import { useCampaignDraft, type CampaignField } from './useCampaignDraft';

/** A new campaign, owned by whoever makes it. Escape or Cancel closes it; so does making it (`onCreated`). */
export function NewCampaign({ onClose, onCreated }: { onClose: () => void; onCreated: (campaign: Campaign) => void }) {
  const { t } = useI18n();
  const styles = useAdminFormStyles();
  const errorText = useErrorText();
  // A double-click or a Retry makes one campaign: the create keeps its idempotency key until it succeeds.
  const create = useCreateRecord('campaign');
  const { ref, onKeyDown } = useFormFocus(onClose);
  const { currencies, fallback } = useTenantCurrencies();
  const { draft, edit, problems, valid, input } = useCampaignDraft(null, { currency: fallback, ownerId: useMe()?.userId ?? '' });
  const [tried, setTried] = useState(false);
  const apiFields = create.error ? errorText(create.error).fields : {};
  const onField = Object.keys(apiFields).length > 0;

  return (
    <form
      ref={ref}
      className={styles.form}
      aria-label={t('campaigns.new')}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!valid || create.isPending) return;
        create.mutate({ input }, { onSuccess: (campaign) => onCreated(campaign) });
      }}
    >
      <CampaignFields draft={draft} onChange={edit} problems={{ ...apiFields, ...(tried ? problems : {}) }} currencies={currencies.length > 0 ? currencies : [fallback]} current={null} />
      {create.isError && !onField ? <ErrorMessage error={create.error} onRetry={() => create.variables && create.mutate(create.variables)} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={create.isPending}>
          {t('campaigns.create')}
        </Button>
        <Button onClick={onClose}>{t('campaigns.cancel')}</Button>
      </div>
    </form>
  );
}

/**
 * A campaign's fields changed in place, saved on the version the user read: only what they changed is sent. When
 * someone changed it first, the user sees who and which fields, and reloads or applies their own fields again.
 * `children`: what follows its buttons (Delete, in the settings' list).
 */
export function CampaignEditor({
  id,
  campaign,
  change,
  onReload,
  onClose,
  children,
}: {
  id?: string;
  campaign: Campaign;
  change: ReturnType<typeof useChangeRecord<'campaign'>>;
  onReload: () => Promise<unknown>;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const styles = useAdminFormStyles();
  const errorText = useErrorText();
  const { ref, onKeyDown } = useFormFocus<HTMLFormElement>(onClose);
  // The campaign as the editor opened on it: only what the user changed from it is sent, so a reload keeps others' changes.
  const [base] = useState(campaign);
  const { currencies, fallback } = useTenantCurrencies(base.currency);
  const { draft, edit, problems, valid, changes } = useCampaignDraft(base, { currency: fallback, ownerId: base.ownerId }, campaign);
  const [tried, setTried] = useState(false);
  const apiFields = change.error ? errorText(change.error).fields : {};
  const shown: Partial<Record<CampaignField, string>> = { ...apiFields, ...(tried ? problems : {}) };
  const onField = Object.keys(apiFields).length > 0;
  const save = (version: number) =>
    change.mutate(
      { id: campaign.id, changes, version, previous: campaign },
      {
        onSuccess: onClose,
        // A step the status flow does not allow (someone moved the campaign on): read it again, so the statuses offered
        // are those that follow where it is now.
        onError: (error) => {
          if (isApiError(error) && error.code === 'CAMPAIGN.STATUS_FLOW') void onReload();
        },
      },
    );

  return (
    <form
      id={id}
      ref={ref}
      className={styles.form}
      aria-label={t('campaigns.edit', { name: base.name })}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!valid || change.isPending) return;
        if (Object.keys(changes).length === 0) onClose();
        else save(campaign.version);
      }}
    >
      {/* The statuses that may follow the one it has now (another's change included), as the API allows them. */}
      <CampaignFields draft={draft} onChange={edit} problems={shown} currencies={currencies} current={campaign.status} />
      {change.error && !onField ? (
        <ChangeError
          error={change.error}
          onRetry={() => save(campaign.version)}
          onReload={() => {
            // The campaign as it is now; what the user typed stays, to save again at the new version.
            change.reset();
            void onReload();
          }}
          onApplyAgain={save}
          myFields={Object.keys(changes)}
        />
      ) : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={change.isPending}>
          {t('campaigns.save', { name: base.name })}
        </Button>
        <Button onClick={onClose}>{t('campaigns.cancel')}</Button>
      </div>
      {children}
    </form>
  );
}
