import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

// A message's Outlook categories in the demo's lists: small coloured tags, as Outlook shows them.

const useStyles = makeStyles({
  tags: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXS, marginTop: tokens.spacingVerticalXXS },
  tag: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase200,
  },
  green: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorPaletteGreenForeground2 },
  blue: { backgroundColor: tokens.colorPaletteBlueBackground2, color: tokens.colorPaletteBlueForeground2 },
  orange: { backgroundColor: tokens.colorPaletteDarkOrangeBackground2, color: tokens.colorPaletteDarkOrangeForeground2 },
  purple: { backgroundColor: tokens.colorPalettePurpleBackground2, color: tokens.colorPalettePurpleForeground2 },
  red: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorPaletteRedForeground2 },
  yellow: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorPaletteYellowForeground2 },
});

type Colour = 'green' | 'blue' | 'orange' | 'purple' | 'red' | 'yellow';
const colours: Colour[] = ['blue', 'green', 'orange', 'purple', 'red', 'yellow'];

// Outlook's default categories by their colour's name; any other (Rapport's "Logged to Rapport") green.
function colourOf(name: string): Colour {
  return colours.find((colour) => name.toLowerCase().startsWith(colour)) ?? 'green';
}

export function CategoryTags({ categories }: { categories: readonly string[] }) {
  const styles = useStyles();
  if (categories.length === 0) return null;
  return (
    <span className={styles.tags} aria-label="Categories">
      {categories.map((name) => (
        <span key={name} className={mergeClasses(styles.tag, styles[colourOf(name)])}>
          {name}
        </span>
      ))}
    </span>
  );
}
