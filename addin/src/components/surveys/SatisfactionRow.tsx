import type { ComponentType } from 'react';
import type { Contact } from '@rapport/shared';
import { satisfactionBand } from '@rapport/shared/surveys/survey.rules';
import { useI18n } from '../../i18n/I18nContext';
import type { FieldRowProps } from '../ContactCard';
import { RecordLink } from '../RecordLink';
import { StatusBadge } from '../StatusBadge';
import { bandTones, bandWord, scoreOnScale } from './satisfaction-score';

/**
 * The contact's latest answer among their card's fields ("Satisfaction 2/5", "NPS 9/10"), coloured by what it means,
 * with the day they gave it; it opens their record view at their surveys. Nothing for a contact who never answered.
 */
export function SatisfactionRow({ contact, Row }: { contact: Pick<Contact, 'id' | 'satisfaction'>; Row: ComponentType<FieldRowProps> }) {
  const { t, date } = useI18n();
  const latest = contact.satisfaction;
  if (!latest) return null;
  const type = t(`satisfaction.type.${latest.type}`);
  const score = scoreOnScale(latest.type, latest.score);
  // Its name holds what it shows ("Satisfaction 2/5 12 Nov 2026, low: show the surveys"), as speech input needs.
  const name = t('satisfaction.scoreName', { type, score: `${score} ${date(latest.at)}`, band: bandWord(t, latest.type, latest.score) });
  return (
    <Row
      label={type}
      values={[
        <RecordLink key="score" to={{ kind: 'contact', id: contact.id, section: 'satisfaction' }} label={name}>
          <StatusBadge tone={bandTones[satisfactionBand(latest.type, latest.score)]}>{score}</StatusBadge> {date(latest.at)}
        </RecordLink>,
      ]}
    />
  );
}
