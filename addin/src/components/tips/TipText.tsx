import { Link } from '@fluentui/react-components';
import { linkedTextParts } from '@rapport/shared/tips/tip-text.rules';

/**
 * A tip's words as written: plain text (React escapes it, nothing is read as HTML), each web address in it a link that
 * opens in a new tab without handing this page to the one it opens.
 */
export function TipText({ text }: { text: string }) {
  return (
    <>
      {linkedTextParts(text).map((part, index) =>
        part.href ? (
          <Link key={index} href={part.href} target="_blank" rel="noopener noreferrer" inline>
            {part.text}
          </Link>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** The tip's first words, for the names of the buttons that act on it. */
export function tipExcerpt(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
