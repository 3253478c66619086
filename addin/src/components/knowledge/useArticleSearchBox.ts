import { useState } from 'react';
import { useDebounced } from '../../data/debounce';
import { useArticleSearch } from '../../data/knowledge';

/** How long typing pauses before the search goes out. */
const TYPING_PAUSE_MS = 300;

/** A search of the knowledge base as the rep types (and at once on Enter): what was typed, and what it found. */
export function useArticleSearchBox() {
  const [text, setText] = useState('');
  const [q, searchNow] = useDebounced(text.trim(), TYPING_PAUSE_MS);
  const search = useArticleSearch(q);
  const found = q !== '' && !search.isError ? search.data?.articles : undefined;
  return {
    text,
    setText,
    searchNow,
    /** What the results are for ('' before anything was typed). */
    q,
    search,
    found,
    /** The search answered and found nothing (not while an earlier answer is still shown). */
    empty: found !== undefined && found.length === 0 && !search.isPlaceholderData,
    searching: search.isFetching && found === undefined,
  };
}
