import { Suspense } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import { lazyWithMessages } from '../i18n/lazy-with-messages';
import { CreatePersonForm, type CreatePersonFormProps } from './CreatePersonForm';

// Read (the rep's never-log list) and loaded once the create form shows.
const NeverLogOffer = lazyWithMessages(() => import('./never-log/NeverLogOffer'), 'NeverLogOffer');

/**
 * What the rep can do with someone the CRM does not have: add them (as a contact or a lead), or keep their mail out of
 * the CRM for good (the rep's own never-log list). One lazily loaded part of the card, so the first card's JavaScript
 * carries neither.
 */
export function StrangerChoices(props: CreatePersonFormProps) {
  const { t } = useI18n();
  return (
    <>
      <CreatePersonForm {...props} />
      <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
        <NeverLogOffer email={props.email} />
      </Suspense>
    </>
  );
}
