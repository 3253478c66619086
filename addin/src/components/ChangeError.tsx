import { useEffect, useState } from 'react';
import { Button } from '@fluentui/react-components';
import type { StaleVersionDetails } from '@rapport/shared/common/errors';
import { isApiError } from '../api/api-error';
import { describeError } from '../i18n/describe-error';
import { fieldLabelKey } from '../i18n/field-labels';
import type { Translator } from '../i18n/i18n';
import { useI18n } from '../i18n/I18nContext';
import { laterMessages } from '../i18n/load-translator';
import { ErrorMessage } from './ErrorMessage';
import { actionIcons } from './icons';
import { Notice } from './Notice';

export type ChangeErrorProps = {
  error: unknown;
  onRetry: () => void;
  onReload: () => void;
  /**
   * Sends the user's own fields again on `version`, the record's version now: they replace what the others changed in
   * the same fields. Without it, only Reload is offered.
   */
  onApplyAgain?: (version: number) => void;
  /** The fields the user's change sets (as the API names them): the user is told when the others changed one too. */
  myFields?: readonly string[];
  /** The user's time zone for when the record was changed (their mailbox's); the browser's without it. */
  timeZone?: string;
};

/**
 * A refused change to a record, said as ErrorMessage says any failure; when someone changed the record first, who did,
 * when and which fields, with Reload (the record as it is now, what the user chose kept) and Apply mine again.
 */
export function ChangeError({ error, onRetry, onReload, onApplyAgain, myFields = [], timeZone }: ChangeErrorProps) {
  const translator = useI18n();
  const [, setLaterLoaded] = useState(false);
  const stale = isApiError(error) && error.code === 'RECORD.STALE_VERSION' ? error : null;
  const hasLater = translator.hasLater();
  useEffect(() => {
    // The fields' names come with the later messages: until they are here, the refusal is said without them.
    if (stale !== null && !hasLater) laterMessages().then(() => setLaterLoaded(true), () => undefined);
  }, [stale, hasLater]);
  if (!stale) return <ErrorMessage error={error} onRetry={onRetry} />;
  const details = stale.details as Partial<StaleVersionDetails> | undefined;
  const version = details?.currentVersion;
  const canApply = hasLater && onApplyAgain !== undefined && typeof version === 'number';
  const Reload = actionIcons.reload;
  return (
    <Notice
      intent="error"
      actions={
        <>
          <Button size="small" icon={<Reload />} onClick={onReload}>
            {translator.t('card.reload')}
          </Button>
          {canApply ? (
            <Button size="small" onClick={() => onApplyAgain(version)}>
              {translator.t('stale.applyAgain')}
            </Button>
          ) : null}
        </>
      }
    >
      {(hasLater && whoChanged(translator, stale.kind ?? '', details, myFields, canApply, timeZone)) || describeError(stale, translator).message}
    </Notice>
  );
}

/** Who changed the record since the user read it, when and which fields; null when the 412 does not say or no field has a name. */
function whoChanged(translator: Translator, kind: string, details: Partial<StaleVersionDetails> | undefined, myFields: readonly string[], canApply: boolean, timeZone?: string): string | null {
  const { t, locale } = translator;
  const changes = Array.isArray(details?.changes) ? details.changes : [];
  const latest = changes[0];
  const changed = new Set(changes.flatMap((change) => change.fields));
  // Fields kept by the server (a deal's stage history) have no name: the user's fields are what the list says.
  const labelsOf = (fields: Iterable<string>) => [...new Set([...fields].map((field) => t(fieldLabelKey(kind, field))).filter((label) => !label.startsWith('field.')))];
  const list = (fields: Iterable<string>) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(labelsOf(fields));
  if (!latest || labelsOf(changed).length === 0) return null;
  const names = [...new Set(changes.map((change) => change.by.displayName ?? t('changes.someone')))];
  const zone = timeZone ? { timeZone } : {};
  const day = (date: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', ...zone }).format(date);
  const at = new Date(latest.at);
  const when =
    day(at) === day(new Date())
      ? t('stale.at', { time: new Intl.DateTimeFormat(locale, { timeStyle: 'short', ...zone }).format(at) })
      : t('stale.on', { date: translator.dateTime(latest.at, timeZone) });
  const said = t(names.length > 1 ? 'stale.many' : 'stale.one', { who: new Intl.ListFormat(locale, { type: 'conjunction' }).format(names), fields: list(changed), when });
  const mine = myFields.filter((field) => changed.has(field));
  const overlap = canApply && labelsOf(mine).length > 0 ? ` ${t('stale.overlap', { fields: list(mine) })}` : '';
  return `${said}${overlap} ${t(canApply ? 'stale.choose' : 'stale.reload')}`;
}
