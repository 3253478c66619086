import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { readableName } from './person-name';

// Fluent's avatar colours (each background with its own foreground, readable at 4.5:1 in every theme). A person keeps
// theirs wherever they appear: it comes from their address, as Outlook's does.
const palette = [
  'DarkRed', 'Cranberry', 'Red', 'Pumpkin', 'Peach', 'Marigold', 'Gold', 'Brass', 'Brown', 'Forest', 'Seafoam', 'DarkGreen', 'LightTeal', 'Teal', 'Steel',
  'Blue', 'RoyalBlue', 'Cornflower', 'Navy', 'Lavender', 'Purple', 'Grape', 'Lilac', 'Pink', 'Magenta', 'Plum', 'Beige', 'Mink', 'Platinum', 'Anchor',
] as const;
type Colour = (typeof palette)[number];
const colourOf = (name: Colour) => ({
  backgroundColor: tokens[`colorPalette${name}Background2`],
  color: tokens[`colorPalette${name}Foreground2`],
});

const useStyles = makeStyles({
  avatar: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    flexShrink: 0,
    borderRadius: tokens.borderRadiusCircular,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: 1,
    userSelect: 'none',
  },
  // A company's: square, as Outlook shows an organisation.
  square: { borderRadius: tokens.borderRadiusMedium },
  ...(Object.fromEntries(palette.map((name) => [name, colourOf(name)])) as Record<Colour, ReturnType<typeof colourOf>>),
});

/** Up to two initials: first and last word of the readable name ("Rivera, Jamie" → JR), else the address's first letter. */
export function initialsOf(name: string | null, email: string | null): string {
  const words = (name ? readableName(name) : '').split(/\s+/).filter((word) => /\p{L}/u.test(word));
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words.slice(0, 1);
  const initials = letters.map((word) => [...(word ?? '')].find((character) => /\p{L}/u.test(character)) ?? '').join('');
  return (initials || (email?.[0] ?? '?')).toUpperCase();
}

function colourFor(key: string): Colour {
  let hash = 0;
  for (const character of key.toLowerCase()) hash = (hash * 31 + (character.codePointAt(0) ?? 0)) >>> 0;
  return palette[hash % palette.length] as Colour;
}

/**
 * A person's initials in a colour kept for them, never a photo; decorative (their name is written beside it). `square`
 * for a company, its colour kept by its domain.
 */
export function PersonAvatar({ name, email, size = 32, square = false }: { name: string | null; email: string | null; size?: number; square?: boolean }) {
  const styles = useStyles();
  return (
    <span
      className={mergeClasses(styles.avatar, styles[colourFor(email ?? name ?? '')], square && styles.square)}
      style={{ width: size, height: size, fontSize: Math.round(size * 0.4) }}
      aria-hidden
    >
      {initialsOf(name, email)}
    </span>
  );
}
