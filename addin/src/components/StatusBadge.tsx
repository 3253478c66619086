import type { ReactNode } from 'react';
import { makeStyles, mergeClasses, shorthands, tokens, typographyStyles } from '@fluentui/react-components';

// Fluent's tint badge and filled counter, in their colours, as the pane uses them: a word on a record (In CRM, Lead,
// Admin, Revoked) and a count beside a section's title. Fluent's Badge styles every size, shape and appearance; these
// two are all the pane shows, and they stay out of the first card's JavaScript weight.

export type BadgeTone = 'brand' | 'danger' | 'informative' | 'severe' | 'subtle' | 'success';

const useStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    boxSizing: 'border-box',
    height: '20px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid`,
    whiteSpace: 'nowrap',
    ...typographyStyles.caption1Strong,
  },
  // Each background with its own foreground: readable at 4.5:1 on a plain row as on a selected one, in every theme.
  brand: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground2, ...shorthands.borderColor(tokens.colorBrandStroke2) },
  danger: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1, ...shorthands.borderColor(tokens.colorPaletteRedBorder1) },
  informative: { backgroundColor: tokens.colorNeutralBackground4, color: tokens.colorNeutralForeground3, ...shorthands.borderColor(tokens.colorNeutralStroke2) },
  severe: { backgroundColor: tokens.colorPaletteDarkOrangeBackground1, color: tokens.colorPaletteDarkOrangeForeground1, ...shorthands.borderColor(tokens.colorPaletteDarkOrangeBorder1) },
  subtle: { backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground3, ...shorthands.borderColor(tokens.colorNeutralStroke2) },
  success: { backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorPaletteGreenForeground1, ...shorthands.borderColor(tokens.colorPaletteGreenBorder1) },
  count: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    boxSizing: 'border-box',
    minWidth: '16px',
    height: '16px',
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralForeground3,
    color: tokens.colorNeutralBackground1,
    ...typographyStyles.caption2Strong,
  },
});

/** Names the badges for tests and for styles, as Fluent's class names do. */
export const statusBadgeClassName = 'rapport-StatusBadge';

/** A word on a record, in a tone's colours. */
export function StatusBadge({ tone, className, children }: { tone: BadgeTone; className?: string; children: ReactNode }) {
  const styles = useStyles();
  return <span className={mergeClasses(statusBadgeClassName, styles.badge, styles[tone], className)}>{children}</span>;
}

/** A count beside a title: how many open deals, open cases. */
export function CountBadge({ count }: { count: number }) {
  const styles = useStyles();
  return <span className={styles.count}>{count}</span>;
}
