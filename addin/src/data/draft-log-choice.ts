import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LogChoiceStore } from '../office/draft-log-choice';
import type { DraftLogChoice } from '../office/log-choice-property';
import { queryKeys } from './query-keys';
// Bundling: the compose chunk reaches the query layer's shared chunk through ApiProvider, as the pane's other data hooks
// do; reaching react-query alone made esbuild split the first card's shared chunks (measured 0.57 KB more, gzip).
import './ApiProvider';

// Log on send's choice lives on the draft (Outlook's custom properties), not in the API: cached under ['draft', …] per
// draft, and written back to the draft at once, so the send handler reads what the pane shows.

const draftKey = queryKeys.draftLogChoice;

/** The rep's choice saved on the draft (null: none yet), and `save` to change it. */
export function useDraftLogChoice(store: LogChoiceStore, itemKey: string) {
  const queryClient = useQueryClient();
  const saved = useQuery({ queryKey: draftKey(itemKey), queryFn: () => store.read(), staleTime: Infinity, retry: false });
  const save = useMutation({
    mutationFn: (choice: DraftLogChoice) => store.save(choice),
    // The switch moves at once; a save Outlook refused puts back what the draft has.
    onMutate: (choice) => queryClient.setQueryData(draftKey(itemKey), choice),
    onError: () => void queryClient.invalidateQueries({ queryKey: draftKey(itemKey) }),
  });
  return { saved, save };
}
