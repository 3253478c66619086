import type { ReactNode } from 'react';
import { makeStyles, mergeClasses, shorthands, tokens, typographyStyles } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DiamondDismissFilled, InfoFilled, WarningFilled, type FluentIcon } from '@fluentui/react-icons';

// What Fluent's MessageBar shows in its multiline layout, in its colours and icons: what happened (an optional title in
// bold, then the text), and the actions under it. The pane shows notices in a narrow column, so the one layout is all it
// needs, and the first card's JavaScript does not carry MessageBar's reflow, motion and link styles.

export type NoticeIntent = 'error' | 'warning' | 'success' | 'info';

const icons: Record<NoticeIntent, FluentIcon> = { error: DiamondDismissFilled, warning: WarningFilled, success: CheckmarkCircleFilled, info: InfoFilled };

const useStyles = makeStyles({
  notice: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    boxSizing: 'border-box',
    minHeight: '36px',
    padding: `${tokens.spacingVerticalMNudge} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    ...typographyStyles.body1,
  },
  icon: { display: 'flex', alignItems: 'center', height: tokens.lineHeightBase300, fontSize: tokens.fontSizeBase500, color: tokens.colorNeutralForeground3 },
  body: { minWidth: 0, overflowWrap: 'break-word' },
  title: { ...typographyStyles.body1Strong, marginRight: tokens.spacingHorizontalXS },
  actions: { gridColumn: '2', display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  error: { backgroundColor: tokens.colorStatusDangerBackground1, ...shorthands.borderColor(tokens.colorStatusDangerBorder1) },
  warning: { backgroundColor: tokens.colorStatusWarningBackground1, ...shorthands.borderColor(tokens.colorStatusWarningBorder1) },
  success: { backgroundColor: tokens.colorStatusSuccessBackground1, ...shorthands.borderColor(tokens.colorStatusSuccessBorder1) },
  info: {},
  errorIcon: { color: tokens.colorStatusDangerForeground1 },
  warningIcon: { color: tokens.colorStatusWarningForeground3 },
  successIcon: { color: tokens.colorStatusSuccessForeground1 },
  infoIcon: {},
});

export type NoticeProps = {
  intent: NoticeIntent;
  /** What it means here, in bold before the text: one box, not two. */
  title?: string | undefined;
  /** Buttons under the text: Retry, Reload, a choice. */
  actions?: ReactNode;
  actionsClassName?: string;
  /** An error interrupts (alert); anything else is said when the reader is free (status). */
  role?: 'alert' | 'status';
  children: ReactNode;
};

/** A notice in the pane: an error with what to do, a warning, or what was done. */
export function Notice({ intent, title, actions, actionsClassName, role, children }: NoticeProps) {
  const styles = useStyles();
  const Icon = icons[intent];
  return (
    <div className={mergeClasses('rapport-Notice', styles.notice, styles[intent])} role={role ?? (intent === 'error' ? 'alert' : 'status')}>
      <span className={mergeClasses(styles.icon, styles[`${intent}Icon`])} aria-hidden>
        <Icon />
      </span>
      <div className={styles.body}>
        {title ? <span className={styles.title}>{title}</span> : null}
        {children}
      </div>
      {actions ? <div className={mergeClasses(styles.actions, actionsClassName)}>{actions}</div> : null}
    </div>
  );
}
