import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Caption1, Field, Input, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ChevronDownRegular } from '@fluentui/react-icons';
import type { Campaign } from '@rapport/shared';
import { campaignNameKey } from '@rapport/shared/campaigns/campaign.rules';
import { useCampaign, useCampaigns } from '../../data/campaigns';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorMessage } from '../ErrorMessage';
import { StatusBadge } from '../StatusBadge';
import { campaignStatusTones, channelLabel, statusLabel } from './campaign-text';

// A combobox of the ARIA pattern (an input that filters a list of options), not Fluent's Combobox: its popup brings
// Fluent's positioning and active-descendant code, which would join the first card's JavaScript through the packages'
// shared index modules. The list opens under the field, in the flow of the narrow pane: nothing overlays the form.

const useStyles = makeStyles({
  picker: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
  listbox: {
    display: 'flex',
    flexDirection: 'column',
    maxHeight: '240px',
    overflowY: 'auto',
    padding: tokens.spacingVerticalXXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  option: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    overflowWrap: 'anywhere',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  // The option the arrow keys are on, as the pane's focus shows it.
  active: { backgroundColor: tokens.colorNeutralBackground1Hover, outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})` },
  chosen: { fontWeight: tokens.fontWeightSemibold },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  nothing: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, color: tokens.colorNeutralForeground2 },
});

export type CampaignPickerProps = {
  label: string;
  /** The chosen campaign's id, or '' for none. */
  value: string;
  onChange: (campaignId: string) => void;
  /** The refusal of the field (the pane's or the API's), shown under it. */
  problem?: string | null;
};

type Choice = { id: string; campaign: Campaign | null };

/**
 * One of the tenant's campaigns, chosen in a list that narrows as the user types (its name, whatever the case), each
 * with its channel and status, running campaigns first; "No campaign" clears it. Arrow keys move in the list, Enter
 * chooses, Escape closes it.
 */
export function CampaignPicker({ label, value, onChange, problem }: CampaignPickerProps) {
  const translator = useI18n();
  const { t } = translator;
  const styles = useStyles();
  const list = useCampaigns();
  // The chosen one, also when the list does not hold it (beyond its first page, or deleted since).
  const chosen = useCampaign(value).campaign;
  const listId = useId();
  const optionId = (index: number) => `${listId}-${index}`;
  const box = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  // What the user typed to find one; null shows the chosen campaign's name.
  const [typed, setTyped] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const shown = typed ?? (value ? (chosen?.name ?? '') : '');
  const found = typed ? list.campaigns.filter((campaign) => campaignNameKey(campaign.name).includes(campaignNameKey(typed))) : list.campaigns;
  const choices: Choice[] = [{ id: '', campaign: null }, ...found.map((campaign) => ({ id: campaign.id, campaign }))];

  const close = () => {
    setOpen(false);
    setTyped(null);
    setActive(-1);
  };
  const choose = (choice: Choice) => {
    close();
    if (choice.id !== value) onChange(choice.id);
  };
  const move = (to: number) => {
    const next = (to + choices.length) % choices.length;
    setActive(next);
    setOpen(true);
    document.getElementById(optionId(next))?.scrollIntoView?.({ block: 'nearest' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      // From the option the keys are on; else onto the chosen one (or the first), as the list opens.
      const chosenAt = choices.findIndex((choice) => choice.id === value);
      move(active >= 0 ? active + (event.key === 'ArrowDown' ? 1 : -1) : Math.max(0, chosenAt));
    } else if (event.key === 'Enter' && open) {
      // Enter chooses, and does not send the form around the field.
      event.preventDefault();
      const choice = choices[active] ?? (typed && found.length === 1 ? choices[1] : undefined);
      if (choice) choose(choice);
    } else if (event.key === 'Escape' && open) {
      // Closes the list only, not the form around it.
      event.stopPropagation();
      close();
    }
  };
  const hint = list.data && list.campaigns.length === 0 ? t('campaigns.pick.empty') : undefined;

  return (
    <div
      ref={box}
      className={styles.picker}
      onBlur={(event) => {
        // Focus left the field and its list: it shows the campaign chosen again, not what was typed.
        if (!box.current?.contains(event.relatedTarget as Node | null)) close();
      }}
    >
      <Field label={label} hint={hint} {...(problem ? { validationState: 'error' as const, validationMessage: problem } : {})}>
        <Input
          className={styles.input}
          role="combobox"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-autocomplete="list"
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          autoComplete="off"
          value={shown}
          placeholder={list.isPending ? t('app.loading') : t('campaigns.pick.placeholder')}
          onChange={(_, data) => {
            setTyped(data.value);
            setActive(-1);
            setOpen(true);
          }}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          contentAfter={
            <Button
              appearance="transparent"
              size="small"
              icon={<ChevronDownRegular />}
              tabIndex={-1}
              aria-label={label}
              aria-expanded={open}
              aria-controls={open ? listId : undefined}
              onClick={() => (open ? close() : setOpen(true))}
            />
          }
        />
      </Field>
      {open ? (
        <div id={listId} role="listbox" aria-label={label} className={styles.listbox}>
          {choices.map((choice, index) => (
            <div
              key={choice.id || 'none'}
              id={optionId(index)}
              role="option"
              aria-selected={choice.id === value}
              className={mergeClasses(styles.option, index === active && styles.active, choice.id === value && styles.chosen)}
              // Chosen on the press, before the input loses focus to it.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(choice)}
            >
              {choice.campaign ? <CampaignChoice campaign={choice.campaign} /> : <span>{t('campaigns.pick.none')}</span>}
            </div>
          ))}
          {typed && found.length === 0 ? <Caption1 className={styles.nothing}>{t('campaigns.pick.noMatch', { text: typed })}</Caption1> : null}
        </div>
      ) : null}
      {list.isError ? <ErrorMessage error={list.error} onRetry={() => void list.refetch()} /> : null}
    </div>
  );
}

/** A campaign in the list: its name, then its channel and its status. */
function CampaignChoice({ campaign }: { campaign: Campaign }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <>
      <span>{campaign.name}</span>
      <Caption1 className={styles.meta}>
        {channelLabel(t, campaign)}
        <StatusBadge tone={campaignStatusTones[campaign.status]}>{statusLabel(t, campaign)}</StatusBadge>
      </Caption1>
    </>
  );
}
