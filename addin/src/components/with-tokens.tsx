import { Fragment, type ReactNode } from 'react';
import { Token } from './Token';

/**
 * A message with addresses or domains in it, each one unbreakable piece ("Add <address> to the CRM"): the message is
 * written with a marker for each, then the markers become Tokens.
 */
export function withTokens(message: (markers: Record<string, string>) => string, tokens: Record<string, string>, className?: string): ReactNode {
  const names = Object.keys(tokens);
  // Private-use characters: never in a translation, so a split on them is a split on the placeholders.
  const markers = Object.fromEntries(names.map((name, index) => [name, String.fromCharCode(0xe000 + index)]));
  const parts = message(markers).split(new RegExp(`([${Object.values(markers).join('')}])`, 'u'));
  return parts.map((part, index) => {
    const name = names.find((candidate) => markers[candidate] === part);
    return name ? (
      <Token key={index} className={className}>
        {tokens[name] ?? ''}
      </Token>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    );
  });
}
