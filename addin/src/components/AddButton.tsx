import { Button } from '@fluentui/react-components';
import type { FluentIcon } from '@fluentui/react-icons';
import type { useOpenForm } from '../hooks/useOpenForm';

/** The button that opens a list's "new" form, on a line of its own; focus comes back to it when the form closes. */
export function AddButton({ opener, icon: Icon, label }: { opener: ReturnType<typeof useOpenForm<HTMLButtonElement>>; icon: FluentIcon; label: string }) {
  return (
    <div>
      <Button ref={opener.triggerRef} icon={<Icon />} onClick={opener.show}>
        {label}
      </Button>
    </div>
  );
}
