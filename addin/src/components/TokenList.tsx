import { Fragment } from 'react';
import { Token } from './Token';

/**
 * Pieces of one line (an address, a phone number, a customer number, a name), a dot between them: the line breaks
 * between pieces, never inside one, and never before a dot.
 */
export function TokenList({ values }: { values: string[] }) {
  return (
    <>
      {values.map((value, at) => (
        <Fragment key={`${at}:${value}`}>
          {at > 0 ? '\u00a0· ' : null}
          <Token>{value}</Token>
        </Fragment>
      ))}
    </>
  );
}
