import { SURVEY_SCALE, satisfactionBand, type SatisfactionBand, type SurveyType } from '@rapport/shared/surveys/survey.rules';
import type { Translator } from '../../i18n/i18n';
import type { BadgeTone } from '../StatusBadge';

/** A score's colours by its band: low in red, high in green, the middle neutral. */
export const bandTones: Record<SatisfactionBand, BadgeTone> = { low: 'danger', mid: 'informative', high: 'success' };

/** A score on its scale, as the badge shows it: "2/5", "9/10". */
export const scoreOnScale = (type: SurveyType, score: number): string => `${score}/${SURVEY_SCALE[type].max}`;

/** What a score means, in words beside its colour: "low", "satisfied", "promoter". */
export function bandWord(t: Translator['t'], type: SurveyType, score: number): string {
  return t(`satisfaction.band.${type}.${satisfactionBand(type, score)}`);
}
