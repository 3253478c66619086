import { useId, useMemo, useState } from 'react';
import { Body1, Button, Caption1, Checkbox, Field, Input, Label, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import type { Member, Territory } from '@rapport/shared';
import { useOperation, useRecordList } from '../data/queries';
import { useCreateRecord, useRemoveRecord } from '../data/writes';
import { useFormFocus, useOpenForm } from '../hooks/useOpenForm';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { ErrorMessage } from './ErrorMessage';
import { QueryState } from './QueryState';
import { adminFormStyles } from './admin-form.styles';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  ...adminFormStyles,
  // The reps to choose, as a labelled group of checkboxes side by side, each as wide as its name.
  reps: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  repChoices: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  problem: { color: tokens.colorPaletteRedForeground1 },
  list: { display: 'flex', flexDirection: 'column', margin: 0, padding: 0, listStyleType: 'none' },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  itemText: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2, display: 'block' },
});

const RULES = ['countries', 'regions', 'cities', 'postalCodePrefixes'] as const;
const EMPTY = { name: '', countries: '', regions: '', cities: '', postalCodePrefixes: '', repIds: [] as string[] };

const listOf = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * Admins: territories by country, region, city and postal-code prefix, with their reps. A new lead goes to the most
 * specific territory its address falls in, and to its reps in turn.
 */
export function TerritoriesAdmin() {
  const { t } = useI18n();
  const styles = useStyles();
  const territories = useRecordList('territory', { limit: 100 });
  // The same request as useMemberNames(): the pane reads the members once.
  const members = useOperation('members', { query: { limit: 100 } });
  const adding = useOpenForm();

  const people = useMemo(() => [...(members.data?.items ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName)), [members.data]);
  const nameOf = (id: string) => people.find((member) => member.id === id)?.displayName ?? id;

  return (
    <div className={styles.view}>
      <Caption1 className={styles.meta}>{t('territories.help')}</Caption1>
      {adding.open ? (
        <NewTerritory people={people} members={members} onClose={adding.close} />
      ) : (
        <div>
          <Button ref={adding.triggerRef} icon={<AddRegular />} onClick={adding.show}>
            {t('territories.new')}
          </Button>
        </div>
      )}
      <QueryState query={territories} />
      {territories.data && territories.data.items.length === 0 ? <Body1>{t('territories.none')}</Body1> : null}
      {territories.data && territories.data.items.length > 0 ? (
        <ul className={styles.list} aria-label={t('territories.list')}>
          {territories.data.items.map((territory) => (
            <TerritoryRow key={territory.id} territory={territory} nameOf={nameOf} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A field's problem, or one of its items' (`countries.2`). */
function problemIn(fields: Record<string, string>, field: string): string | undefined {
  return Object.entries(fields).find(([path]) => path === field || path.startsWith(`${field}.`))?.[1];
}

/** A territory with its rules and reps, and its Remove button: each row removes on its own. */
function TerritoryRow({ territory, nameOf }: { territory: Territory; nameOf: (id: string) => string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const remove = useRemoveRecord('territory');
  // Removed: gone from the list at once, before the list is read again.
  if (remove.isSuccess) return null;
  const rules = [
    ...territory.countries,
    ...territory.regions,
    ...territory.cities,
    ...territory.postalCodePrefixes.map((prefix) => t('territories.postalPrefix', { prefix })),
  ].join(', ');
  return (
    <li className={styles.item}>
      <div className={styles.itemText}>
        <Body1>{territory.name}</Body1>
        <Caption1 className={styles.meta}>{rules || t('territories.noRules')}</Caption1>
        <Caption1 className={styles.meta}>{t('territories.repsAre', { reps: territory.repIds.map(nameOf).join(', ') || '—' })}</Caption1>
        {remove.isError ? <ErrorMessage error={remove.error} onRetry={() => remove.variables && remove.mutate(remove.variables)} /> : null}
      </div>
      <Button
        size="small"
        appearance="subtle"
        icon={<DeleteRegular />}
        disabled={remove.isPending}
        aria-label={t('territories.remove', { name: territory.name })}
        onClick={() => remove.mutate({ record: territory })}
      />
    </li>
  );
}

/** A new territory: its name, the areas it covers and its reps. Escape or Cancel closes it; so does adding it. */
function NewTerritory({ people, members, onClose }: { people: Member[]; members: { isPending: boolean; isError: boolean; error: unknown; refetch: () => Promise<unknown> }; onClose: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const errorText = useErrorText();
  const create = useCreateRecord('territory');
  const { ref, onKeyDown } = useFormFocus(onClose);
  const [draft, setDraft] = useState(EMPTY);
  const fields = create.error ? errorText(create.error).fields : {};
  const repsLabel = useId();

  return (
    <form
      ref={ref}
      className={styles.form}
      aria-label={t('territories.new')}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        if (draft.name.trim() === '' || create.isPending) return;
        create.mutate(
          {
            input: {
              name: draft.name.trim(),
              countries: listOf(draft.countries),
              regions: listOf(draft.regions),
              cities: listOf(draft.cities),
              postalCodePrefixes: listOf(draft.postalCodePrefixes),
              repIds: draft.repIds,
            },
          },
          { onSuccess: onClose },
        );
      }}
    >
      <Field label={t('territories.name')} required validationMessage={fields.name}>
        <Input value={draft.name} maxLength={150} onChange={(_, data) => setDraft({ ...draft, name: data.value })} />
      </Field>
      {RULES.map((rule) => (
        <Field key={rule} label={t(`territories.${rule}`)} hint={t('territories.commas')} validationMessage={problemIn(fields, rule)}>
          <Input value={draft[rule]} onChange={(_, data) => setDraft({ ...draft, [rule]: data.value })} />
        </Field>
      ))}
      <div className={styles.reps} role="group" aria-labelledby={repsLabel}>
        <Label id={repsLabel}>{t('territories.reps')}</Label>
        <QueryState query={members} />
        <div className={styles.repChoices}>
          {people
            .filter((member) => (!member.deactivated && !member.invited) || draft.repIds.includes(member.id))
            .map((member) => (
              <Checkbox
                key={member.id}
                label={member.displayName}
                checked={draft.repIds.includes(member.id)}
                onChange={(_, data) => setDraft({ ...draft, repIds: data.checked ? [...draft.repIds, member.id] : draft.repIds.filter((id) => id !== member.id) })}
              />
            ))}
        </div>
        {problemIn(fields, 'repIds') ? (
          <Caption1 role="alert" className={styles.problem}>
            {problemIn(fields, 'repIds')}
          </Caption1>
        ) : null}
      </div>
      {create.isError ? <ErrorMessage error={create.error} onRetry={() => create.variables && create.mutate(create.variables)} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={create.isPending || draft.name.trim() === ''}>
          {t('territories.add')}
        </Button>
        <Button onClick={onClose}>{t('territories.cancel')}</Button>
      </div>
    </form>
  );
}
