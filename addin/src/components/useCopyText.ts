import { useRef, useState } from 'react';

/** Whether a text was copied: not yet, yes, or refused by the browser (then selected for Ctrl+C). */
export type Copied = 'no' | 'yes' | 'refused';

/**
 * Copying a text shown in a field (a public page's link, a web form's HTML) in one click. Not every host offers the
 * clipboard (an add-in's frame may refuse it, an insecure origin has none): the field's text is then selected for
 * Ctrl+C. Either way, `copied` says which, for the view to say it.
 */
export function useCopyText<E extends HTMLInputElement | HTMLTextAreaElement>() {
  const field = useRef<E>(null);
  const [copied, setCopied] = useState<Copied>('no');
  const copy = async (text: string) => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      field.current?.focus();
      field.current?.select();
      setCopied('refused');
    }
  };
  return { field, copied, copy };
}
