import { escapeHtml } from '@rapport/shared/common/html-text';

/**
 * What Insert link puts at the cursor: the link's label as the words of a link to its tracked address, where the rep
 * writes (a sentence goes on around it); in a plain-text draft, the label and the address.
 */
export function linkForMessage(label: string, url: string): { html: string; text: string } {
  return { html: `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`, text: `${label} (${url})` };
}

/** A text as it is searched: lower case, without accents ("Otoño" is found by "otono"). */
export function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase();
}
