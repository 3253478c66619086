import { useId, useState } from 'react';
import { Button, Field, Input, Select, Switch, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DismissRegular } from '@fluentui/react-icons';
import type { FieldEntry, ViewableKind } from '@rapport/shared/contract/field-table';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import { useOperation, useRecord, useRecordList } from '../../data/queries';
import { useI18n } from '../../i18n/I18nContext';
import { fieldLabelKey } from '../../i18n/field-labels';
import { CampaignPicker } from '../campaigns/CampaignPicker';
import { addressPartLabel, choicesOf, phoneTypeLabel, valueLabel } from './field-labels';
import type { Draft, PhoneDraft } from './field-draft';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, border: 'none', margin: 0, padding: 0 },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  phone: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, paddingBlockEnd: tokens.spacingVerticalS },
  grow: { flexGrow: 1, minWidth: 0 },
  // Fluent's inputs keep a minimum width of their own; in a row at 320 px they share it instead.
  input: { minWidth: 0, width: '100%' },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  options: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: 'none' },
  option: { justifyContent: 'flex-start', textAlign: 'start', minWidth: 0, overflowWrap: 'anywhere' },
});

export type FieldControlProps = {
  kind: ViewableKind;
  entry: FieldEntry;
  label: string;
  /** The record's value of the field now: a status offers the steps that may follow it. */
  current: unknown;
  draft: Draft;
  onChange: (draft: Draft) => void;
  /** What is wrong with the draft (from the pane's check or the API's answer), shown at the field. */
  problem: string | null;
};

/** The control that edits one field, chosen by its type in the field table; labelled with the field's name. */
export function FieldControl(props: FieldControlProps) {
  const { kind, entry, label, draft, onChange, problem, current } = props;
  const { t } = useI18n();
  const styles = useStyles();
  const validation = problem ? { validationState: 'error' as const, validationMessage: problem } : {};
  switch (entry.type) {
    case 'text':
      return (
        <Field label={label} required={!entry.nullable} {...validation}>
          {entry.multiline ? (
            <Textarea value={String(draft)} resize="vertical" rows={5} onChange={(_, data) => onChange(data.value)} />
          ) : (
            <Input value={String(draft)} type={entry.format === 'email' ? 'email' : entry.format === 'url' ? 'url' : 'text'} onChange={(_, data) => onChange(data.value)} />
          )}
        </Field>
      );
    case 'number':
      return (
        <Field label={label} required={!entry.nullable} {...validation}>
          <Input value={String(draft)} inputMode={entry.integer ? 'numeric' : 'decimal'} onChange={(_, data) => onChange(data.value)} />
        </Field>
      );
    case 'date':
    case 'datetime':
      return (
        <Field label={label} required={!entry.nullable} {...validation}>
          <Input type={entry.type === 'date' ? 'date' : 'datetime-local'} value={String(draft)} onChange={(_, data) => onChange(data.value)} />
        </Field>
      );
    case 'boolean':
      return <Switch label={label} checked={draft === true} onChange={(_, data) => onChange(data.checked)} />;
    case 'choice':
      return (
        <Field label={label} {...validation}>
          <Select value={String(draft)} onChange={(_, data) => onChange(data.value)}>
            {entry.nullable ? <option value="">{t('record.none')}</option> : null}
            {choicesOf(kind, entry, typeof current === 'string' ? current : undefined).map((option) => (
              <option key={option} value={option}>
                {valueLabel(t, kind, entry.name, option)}
              </option>
            ))}
          </Select>
        </Field>
      );
    case 'list':
      return (
        <Field label={label} hint={t('record.onePerLine')} {...validation}>
          <Textarea value={String(draft)} resize="vertical" rows={Math.min(6, Math.max(2, String(draft).split('\n').length + 1))} onChange={(_, data) => onChange(data.value)} />
        </Field>
      );
    case 'phones':
    case 'phone':
      return <PhoneRows {...props} rows={draft as PhoneDraft[]} types={entry.phoneTypes} single={entry.type === 'phone'} />;
    case 'address': {
      const parts = draft as Record<string, string>;
      return (
        <fieldset className={styles.group}>
          <legend className={styles.legend}>{label}</legend>
          {entry.parts.map((part) => (
            <Field key={part.name} label={addressPartLabel(t, part.name)}>
              <Input value={parts[part.name] ?? ''} onChange={(_, data) => onChange({ ...parts, [part.name]: data.value })} />
            </Field>
          ))}
          {problem ? <Field validationState="error" validationMessage={problem} /> : null}
        </fieldset>
      );
    }
    case 'currency':
      return <CurrencySelect label={label} value={String(draft)} onChange={onChange} nullable={entry.nullable} />;
    case 'stage':
      return <StageSelect label={label} value={String(draft)} onChange={onChange} />;
    case 'reference':
      if (entry.kind === 'member') return <MemberSelect label={label} value={String(draft)} onChange={onChange} />;
      if (entry.kind === 'territory') return <TerritorySelect label={label} value={String(draft)} onChange={onChange} nullable={entry.nullable} />;
      if (entry.kind === 'campaign') return <CampaignPicker label={label} value={String(draft)} onChange={onChange} problem={problem} />;
      return <RecordPicker label={label} kind={entry.kind === 'company' ? 'company' : 'contact'} many={entry.many} value={draft as string | string[]} onChange={onChange} nullable={entry.nullable} />;
    case 'lines':
      return null;
  }
}

function PhoneRows({ label, rows, types, single, onChange, problem }: FieldControlProps & { rows: PhoneDraft[]; types: string[]; single: boolean }) {
  const { t } = useI18n();
  const styles = useStyles();
  const shown = rows.length === 0 ? [{ type: types[0] ?? 'work', number: '' }] : rows;
  const set = (index: number, phone: PhoneDraft) => onChange(shown.map((row, at) => (at === index ? phone : row)));
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{label}</legend>
      {shown.map((phone, index) => (
        // The number on a line of its own, whole at 320 px; its type and removal under it.
        <div key={index} className={styles.phone}>
          <Field label={t(fieldLabelKey('phone', 'number'))}>
            <Input className={styles.input} type="tel" value={phone.number} onChange={(_, data) => set(index, { ...phone, number: data.value })} />
          </Field>
          <div className={styles.row}>
            <Field className={styles.grow} label={t(fieldLabelKey('phone', 'type'))}>
              <Select className={styles.input} value={phone.type} onChange={(_, data) => set(index, { ...phone, type: data.value })}>
                {types.map((type) => (
                  <option key={type} value={type}>
                    {phoneTypeLabel(t, type)}
                  </option>
                ))}
              </Select>
            </Field>
            {single ? null : (
              <Button appearance="subtle" icon={<DismissRegular />} aria-label={t('record.removePhone', { number: phone.number || String(index + 1) })} onClick={() => onChange(shown.filter((_, at) => at !== index))} />
            )}
          </div>
        </div>
      ))}
      {single ? null : (
        <div>
          <Button size="small" icon={<AddRegular />} onClick={() => onChange([...shown, { type: types[0] ?? 'work', number: '' }])}>
            {t('record.addPhone')}
          </Button>
        </div>
      )}
      {problem ? <Field validationState="error" validationMessage={problem} /> : null}
    </fieldset>
  );
}

type SelectProps = { label: string; value: string; onChange: (value: string) => void; nullable?: boolean };

function CurrencySelect({ label, value, onChange, nullable }: SelectProps) {
  const { t } = useI18n();
  // The tenant's currencies: its reporting currency and those it keeps rates for, and the record's own.
  const settings = useOperation('settings', {});
  const codes = new Set([settings.data?.reportingCurrency, ...(settings.data?.exchangeRates.map((rate) => rate.currency) ?? []), value].filter((code): code is string => Boolean(code)));
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
        {nullable ? <option value="">{t('record.none')}</option> : null}
        {[...codes].sort().map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function StageSelect({ label, value, onChange }: SelectProps) {
  const pipeline = useOperation('pipeline', {});
  const stages = pipeline.data?.stages ?? [];
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
        {stages.some((stage) => stage.id === value) ? null : <option value={value}>{value}</option>}
        {stages.map((stage) => (
          <option key={stage.id} value={stage.id}>
            {stage.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function MemberSelect({ label, value, onChange }: SelectProps) {
  const members = useOperation('members', { query: { limit: 100 } });
  const active = members.data?.items.filter((member) => (!member.deactivated && !member.invited) || member.id === value) ?? [];
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
        {active.some((member) => member.id === value) ? null : <option value={value}>{value}</option>}
        {active.map((member) => (
          <option key={member.id} value={member.id}>
            {member.displayName}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function TerritorySelect({ label, value, onChange, nullable }: SelectProps) {
  const { t } = useI18n();
  const territories = useRecordList('territory', { limit: 100 });
  const items = territories.data?.items ?? [];
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
        {nullable ? <option value="">{t('record.none')}</option> : null}
        {value && !items.some((territory) => territory.id === value) ? <option value={value}>{value}</option> : null}
        {items.map((territory) => (
          <option key={territory.id} value={territory.id}>
            {territory.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** A company or contact found by search: the chosen ones listed (each removable), the search's results to add. */
function RecordPicker({ label, kind, many, value, onChange, nullable }: { label: string; kind: 'company' | 'contact'; many: boolean; value: string | string[]; onChange: (value: Draft) => void; nullable: boolean }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [text, setText] = useState('');
  const id = useId();
  const chosen = many ? (value as string[]) : value ? [value as string] : [];
  const search = useOperation('search', { query: { q: text.trim(), limit: 8 } }, { enabled: text.trim().length >= 2, keepPrevious: true });
  const found =
    kind === 'company'
      ? (search.data?.companies ?? []).map((company) => ({ id: company.id, name: company.name }))
      : (search.data?.contacts ?? []).map(({ contact, company }) => ({ id: contact.id, name: company ? `${contactDisplayName(contact)} · ${company.name}` : contactDisplayName(contact) }));
  const choose = (picked: string) => onChange(many ? [...new Set([...chosen, picked])] : picked);
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{label}</legend>
      <ul className={styles.options} aria-label={t('record.chosen')}>
        {chosen.map((chosenId) => (
          <li key={chosenId} className={styles.row}>
            <span id={`${id}-${chosenId}`}>
              <ReferenceName kind={kind} id={chosenId} />
            </span>
            {many || nullable ? (
              // Named "Remove" and the name it removes.
              <Button
                size="small"
                appearance="subtle"
                icon={<DismissRegular />}
                id={`${id}-remove-${chosenId}`}
                aria-label={t('record.removeReference')}
                aria-labelledby={`${id}-remove-${chosenId} ${id}-${chosenId}`}
                onClick={() => onChange(many ? chosen.filter((other) => other !== chosenId) : '')}
              />
            ) : null}
          </li>
        ))}
      </ul>
      <Field label={t(kind === 'company' ? 'record.findCompany' : 'record.findContact')}>
        <Input id={id} value={text} type="search" onChange={(_, data) => setText(data.value)} />
      </Field>
      {found.length > 0 ? (
        <ul className={styles.options} aria-label={t('record.results')}>
          {found
            .filter((option) => !chosen.includes(option.id))
            .map((option) => (
              <li key={option.id}>
                <Button size="small" appearance="transparent" className={styles.option} icon={<AddRegular />} onClick={() => choose(option.id)}>
                  {option.name}
                </Button>
              </li>
            ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

/** A referenced company's or contact's name, read through the cache (a removed one says so). */
export function ReferenceName({ kind, id }: { kind: 'company' | 'contact'; id: string }) {
  const { t } = useI18n();
  const query = useRecord(kind, id);
  if (query.isError) return <span>{t('record.unavailable')}</span>;
  if (!query.data) return <span>{t('app.loading')}</span>;
  return <span>{kind === 'company' ? (query.data as { name: string }).name : contactDisplayName(query.data as { firstName?: string; lastName: string })}</span>;
}
