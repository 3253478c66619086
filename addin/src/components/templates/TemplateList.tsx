import { useState } from 'react';
import { Body1, Button, Caption1, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, ChevronRightRegular, SearchRegular } from '@fluentui/react-icons';
import type { Template } from '@rapport/shared/templates/template.schema';
import type { TemplateChoices } from '../../data/templates';
import { useI18n } from '../../i18n/I18nContext';
import { languageKeys } from './template-labels';

// Past this many, a filter box helps more than scrolling.
const FILTER_FROM = 6;

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  groupTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { display: 'flex', flexDirection: 'column', margin: 0, padding: 0, listStyleType: 'none', minWidth: 0 },
  // A whole row opens the template: its name, what it is in, and a chevron at the end.
  choice: {
    width: '100%',
    minWidth: 0,
    justifyContent: 'flex-start',
    textAlign: 'start',
    paddingInline: tokens.spacingHorizontalXS,
    paddingBlock: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightRegular,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: 0,
  },
  choiceText: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2 },
});

/** Whether a template's name or any of its texts holds what the rep typed, case and accents aside. */
function matches(template: Template, query: string): boolean {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  const wanted = fold(query.trim());
  return [template.name, ...template.variants.flatMap((variant) => [variant.subject ?? '', variant.body])].some((text) => fold(text).includes(wanted));
}

/**
 * The templates the rep picks from: the team's, then their own, each opening its preview; a filter box when there are
 * many; and, without any, what would fill the list and the button that does.
 */
export function TemplateList({ choices, onChoose, onNew }: { choices: TemplateChoices; onChoose: (template: Template) => void; onNew: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const count = choices.team.length + choices.mine.length;
  const filtering = query.trim() !== '';
  const team = filtering ? choices.team.filter((template) => matches(template, query)) : choices.team;
  const mine = filtering ? choices.mine.filter((template) => matches(template, query)) : choices.mine;

  return (
    <div className={styles.view}>
      <div>
        <Button icon={<AddRegular />} onClick={onNew}>
          {t('templates.new')}
        </Button>
      </div>
      {count === 0 ? <Body1 role="status">{t('templates.none')}</Body1> : null}
      {count >= FILTER_FROM ? (
        <Input
          type="search"
          aria-label={t('templates.filter')}
          placeholder={t('templates.filterPlaceholder')}
          contentBefore={<SearchRegular aria-hidden />}
          value={query}
          onChange={(_, data) => setQuery(data.value)}
        />
      ) : null}
      {filtering && team.length + mine.length === 0 ? <Body1 role="status">{t('templates.noMatch', { query: query.trim() })}</Body1> : null}
      <TemplateGroup title={t('templates.team')} templates={team} onChoose={onChoose} />
      <TemplateGroup title={t('templates.mine')} templates={mine} onChoose={onChoose} />
    </div>
  );
}

function TemplateGroup({ title, templates, onChoose }: { title: string; templates: Template[]; onChoose: (template: Template) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (templates.length === 0) return null;
  return (
    <section className={styles.group} aria-label={title}>
      <h3 className={styles.groupTitle}>{title}</h3>
      <ul className={styles.list}>
        {templates.map((template) => (
          <li key={template.id}>
            <Button appearance="transparent" className={styles.choice} icon={<ChevronRightRegular />} iconPosition="after" onClick={() => onChoose(template)}>
              <span className={styles.choiceText}>
                <Text weight="semibold">{template.name}</Text>
                <Caption1 className={styles.meta}>{template.variants.map((variant) => t(languageKeys[variant.language])).join(' · ')}</Caption1>
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
