import { Card } from '@fluentui/react-components';
import type { ComponentType } from 'react';

/**
 * A part shown in a card of its own on the dashboard, the card coming with the part (in its tab's chunk): a part that
 * did not load, and leaves the saying so to another part of its file, leaves no empty card behind.
 */
export function inCard<P extends object>(Part: ComponentType<P>): ComponentType<P> {
  return function InCard(props: P) {
    return (
      <Card>
        <Part {...props} />
      </Card>
    );
  };
}
