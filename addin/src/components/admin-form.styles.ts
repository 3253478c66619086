import { makeStyles, tokens } from '@fluentui/react-components';

/** A settings form in its tinted box (a new member, a product's editor, a territory, a web form), and its buttons' row. */
export const adminFormStyles = {
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
} as const;

export const useAdminFormStyles = makeStyles(adminFormStyles);
