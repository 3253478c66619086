import { useEffect, useState } from 'react';
import { Body1, Button, Caption1, Checkbox, Field, Input, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Member, Territory } from '@rapport/shared';
import type { ApiClient } from '../api/api-client';
import { useAction } from '../hooks/useAction';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  reps: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  meta: { color: tokens.colorNeutralForeground2, display: 'block' },
});

const listOf = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * Admins: territories by country, region, city and postal-code prefix, with their reps. A new lead goes to the most
 * specific territory its address falls in, and to its reps in turn.
 */
export function TerritoriesAdmin({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { busy, error, setError, act } = useAction();
  const [territories, setTerritories] = useState<Territory[] | null>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const [draft, setDraft] = useState({ name: '', countries: '', regions: '', cities: '', postalCodePrefixes: '', repIds: [] as string[] });
  const [key, setKey] = useState(() => crypto.randomUUID());

  useEffect(() => {
    let live = true;
    Promise.all([api.territories(), api.members()]).then(
      ([found, people]) => {
        if (!live) return;
        setTerritories(found.items);
        setMembers(people.items.filter((member) => !member.deactivated).sort((a, b) => a.displayName.localeCompare(b.displayName)));
      },
      (caught: unknown) => live && setError(caught instanceof Error ? caught.message : String(caught)),
    );
    return () => {
      live = false;
    };
  }, [api, setError]);

  const nameOf = (id: string) => members.find((member) => member.id === id)?.displayName ?? id;
  const rules = (territory: Territory) =>
    [
      ...territory.countries,
      ...territory.regions,
      ...territory.cities,
      ...territory.postalCodePrefixes.map((prefix) => t('territories.postalPrefix', { prefix })),
    ].join(', ');

  return (
    <section className={styles.view} aria-label={t('territories.heading')}>
      <Subtitle2 as="h2">{t('territories.heading')}</Subtitle2>
      <Caption1>{t('territories.help')}</Caption1>
      {error ? <ErrorMessage message={error} /> : null}
      <form
        className={styles.form}
        aria-label={t('territories.new')}
        onSubmit={(event) => {
          event.preventDefault();
          void act(async () => {
            const created = await api.createTerritory(
              {
                name: draft.name.trim(),
                countries: listOf(draft.countries),
                regions: listOf(draft.regions),
                cities: listOf(draft.cities),
                postalCodePrefixes: listOf(draft.postalCodePrefixes),
                repIds: draft.repIds,
              },
              key,
            );
            setTerritories((current) => [created, ...(current ?? []).filter((territory) => territory.id !== created.id)]);
            setDraft({ name: '', countries: '', regions: '', cities: '', postalCodePrefixes: '', repIds: [] });
            setKey(crypto.randomUUID());
          });
        }}
      >
        <Field label={t('territories.name')} required>
          <Input value={draft.name} maxLength={150} onChange={(_, data) => setDraft({ ...draft, name: data.value })} />
        </Field>
        {(['countries', 'regions', 'cities', 'postalCodePrefixes'] as const).map((rule) => (
          <Field key={rule} label={t(`territories.${rule}`)} hint={t('territories.commas')}>
            <Input value={draft[rule]} onChange={(_, data) => setDraft({ ...draft, [rule]: data.value })} />
          </Field>
        ))}
        <fieldset className={styles.reps}>
          <legend>{t('territories.reps')}</legend>
          {members.filter((member) => !member.deactivated || draft.repIds.includes(member.id)).map((member) => (
            <Checkbox
              key={member.id}
              label={member.displayName}
              checked={draft.repIds.includes(member.id)}
              onChange={(_, data) =>
                setDraft({ ...draft, repIds: data.checked ? [...draft.repIds, member.id] : draft.repIds.filter((id) => id !== member.id) })
              }
            />
          ))}
        </fieldset>
        <div>
          <Button type="submit" appearance="primary" disabled={busy || draft.name.trim() === ''}>
            {t('territories.add')}
          </Button>
        </div>
      </form>
      {!territories && !error ? <Body1>{t('app.loading')}</Body1> : null}
      {territories ? (
        <ul className={styles.list} aria-label={t('territories.list')}>
          {territories.map((territory) => (
            <li key={territory.id}>
              <Body1>{territory.name}</Body1>
              <Caption1 className={styles.meta}>{rules(territory) || t('territories.noRules')}</Caption1>
              <Caption1 className={styles.meta}>{t('territories.repsAre', { reps: territory.repIds.map(nameOf).join(', ') || '—' })}</Caption1>
              <Button
                size="small"
                disabled={busy}
                onClick={() =>
                  void act(async () => {
                    await api.deleteTerritory(territory.id, territory.version);
                    setTerritories((current) => current?.filter((candidate) => candidate.id !== territory.id) ?? null);
                  })
                }
              >
                {t('territories.remove', { name: territory.name })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
