import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A form opened from a button: whether it is open, and focus back on that button when it closes (by Cancel, Escape
 * or after saving), so a keyboard user goes on from where they were.
 */
export function useOpenForm<T extends HTMLElement = HTMLButtonElement>() {
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<T>(null);
  const show = useCallback(() => setOpen(true), []);
  const close = useCallback(() => {
    setOpen(false);
    // After React has put the button back (it may be hidden while the form is open).
    setTimeout(() => triggerRef.current?.focus(), 0);
  }, []);
  return { open, show, close, triggerRef };
}

/** Moves focus into a form when it opens (its first field), and closes it on Escape. Spread `formProps` on the form. */
export function useFormFocus<T extends HTMLElement = HTMLFormElement>(onClose: () => void) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button')?.focus();
  }, []);
  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      onClose();
    },
    [onClose],
  );
  return { ref, onKeyDown };
}
