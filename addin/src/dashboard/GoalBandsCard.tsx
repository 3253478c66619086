import { useState } from 'react';
import { Body1, Button, Caption1, Card, CardHeader, Field, Input, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorMessage } from '../components/ErrorMessage';
import { useOperation } from '../data/queries';
import { queryKeys } from '../data/query-keys';
import { isStale } from '../data/versions';
import { useOperationWrite } from '../data/writes';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'end' },
  input: { width: '6em' },
});

/** The managers' colours of goals' pace: orange below one percentage of the target at this rate, green from another. */
export function GoalBandsCard() {
  const styles = useStyles();
  const { t } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const settings = useOperation('settings', {});
  const save = useOperationWrite('updateGoalBands');
  // Null while nothing is typed: the bands as saved show.
  const [draft, setDraft] = useState<{ warningBelow: string; successFrom: string } | null>(null);
  const heading = t('goals.bands.heading');

  if (!settings.data) {
    return (
      <Card>
        <CardHeader header={<Subtitle2 as="h3">{heading}</Subtitle2>} />
        {settings.isError ? <ErrorMessage error={settings.error} onRetry={() => void settings.refetch()} /> : <Spinner size="tiny" label={t('app.loading')} />}
      </Card>
    );
  }
  const saved = settings.data.goalBands;
  const shown = draft ?? { warningBelow: String(saved.warningBelow), successFrom: String(saved.successFrom) };
  const fields = save.error ? errorText(save.error).fields : {};
  const edit = (patch: Partial<typeof shown>) => {
    save.reset();
    setDraft({ ...shown, ...patch });
  };
  const submit = () => {
    save.mutate(
      { body: { warningBelow: Number(shown.warningBelow), successFrom: Number(shown.successFrom) }, version: settings.data.version },
      {
        onSuccess: (next) => {
          setDraft(null);
          queryClient.setQueryData(queryKeys.operation('settings', {}), next);
          // Every view of attainment colours its pace with them.
          void queryClient.invalidateQueries({ queryKey: queryKeys.operation('goalAttainment') });
        },
      },
    );
  };
  return (
    <Card>
      <CardHeader header={<Subtitle2 as="h3">{heading}</Subtitle2>} description={<Caption1>{t('goals.bands.help')}</Caption1>} />
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Field label={t('goals.bands.warningBelow')} validationMessage={fields.warningBelow}>
          <Input className={styles.input} type="number" min={0} max={1000} value={shown.warningBelow} onChange={(_, data) => edit({ warningBelow: data.value })} contentAfter="%" />
        </Field>
        <Field label={t('goals.bands.successFrom')} validationMessage={fields.successFrom}>
          <Input className={styles.input} type="number" min={1} max={1000} value={shown.successFrom} onChange={(_, data) => edit({ successFrom: data.value })} contentAfter="%" />
        </Field>
        <Button type="submit" appearance="primary" disabled={!draft || save.isPending}>
          {save.isPending ? t('goals.bands.saving') : t('goals.bands.save')}
        </Button>
      </form>
      {save.isError && !Object.keys(fields).length ? <ErrorMessage error={save.error} onRetry={isStale(save.error) ? () => void settings.refetch().then(() => setDraft(null)) : undefined} /> : null}
      {save.isSuccess && !draft ? <Body1 role="status">{t('goals.bands.saved')}</Body1> : null}
    </Card>
  );
}
