import { useState } from 'react';
import { Button, Field, Input, Select } from '@fluentui/react-components';
import type { Member, Role } from '@rapport/shared';
import { roles } from '@rapport/shared/members/roles';
import { isEmailAddress } from '@rapport/shared/email/email-address.rules';
import { useOperationWrite } from '../data/writes';
import { useFormFocus } from '../hooks/useOpenForm';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { useAdminFormStyles } from './admin-form.styles';
import { ErrorMessage } from './ErrorMessage';

const EMPTY = { email: '', displayName: '', role: 'rep' as Role };

/**
 * Adds a colleague by the e-mail address they sign in with, and their role: they are invited until their first sign-in
 * with that address makes them the member. The address is checked here before anything is sent; an address another
 * member has comes back from the API at the same field.
 */
export function NewMemberForm({ onClose, onAdded }: { onClose: () => void; onAdded: (member: Member) => void }) {
  const { t } = useI18n();
  const styles = useAdminFormStyles();
  const errorText = useErrorText();
  const create = useOperationWrite('createMember');
  const { ref, onKeyDown } = useFormFocus(onClose);
  const [draft, setDraft] = useState(EMPTY);
  // The address's problem shows once the admin left the field or tried to add.
  const [checked, setChecked] = useState(false);
  const email = draft.email.trim();
  const emailProblem = email === '' ? t('members.emailRequired') : isEmailAddress(email) ? undefined : t('members.emailInvalid');
  const refused = create.error ? errorText(create.error) : null;
  const apiFields = refused?.fields ?? {};
  // The API's own check of the address's form says what the pane's says.
  const apiEmail = apiFields.email && refused?.code === 'REQUEST.VALIDATION_FAILED' ? t('members.emailInvalid') : apiFields.email;
  const atFields = (checked ? emailProblem : undefined) ?? apiEmail;
  const onField = atFields !== undefined || apiFields.displayName !== undefined || apiFields.role !== undefined;

  return (
    <form
      ref={ref}
      className={styles.form}
      aria-label={t('members.new')}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (emailProblem || create.isPending) return;
        const name = draft.displayName.trim();
        create.mutate({ body: { email, role: draft.role, ...(name ? { displayName: name } : {}) } }, { onSuccess: (member) => onAdded(member) });
      }}
    >
      <Field label={t('members.email')} hint={t('members.emailHint')} required validationMessage={atFields}>
        <Input
          type="email"
          value={draft.email}
          maxLength={254}
          onBlur={() => email !== '' && setChecked(true)}
          onChange={(_, data) => {
            create.reset();
            setDraft({ ...draft, email: data.value });
          }}
        />
      </Field>
      <Field label={t('members.name')} hint={t('members.nameHint')} validationMessage={apiFields.displayName}>
        <Input value={draft.displayName} maxLength={200} onChange={(_, data) => setDraft({ ...draft, displayName: data.value })} />
      </Field>
      <Field label={t('members.newRole')} validationMessage={apiFields.role}>
        <Select value={draft.role} onChange={(_, data) => setDraft({ ...draft, role: data.value as Role })}>
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </Select>
      </Field>
      {create.isError && !onField ? <ErrorMessage error={create.error} onRetry={() => create.variables && create.mutate(create.variables)} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={create.isPending}>
          {t('members.add')}
        </Button>
        <Button onClick={onClose}>{t('members.cancel')}</Button>
      </div>
    </form>
  );
}
