import { useQueryClient, type MutationKey } from '@tanstack/react-query';

/**
 * Whether a write with this key is under way, asked at the moment of a click: the cache knows from the click that sent
 * it, before the button re-renders disabled, so a double-click sends once.
 */
export function useIsSending(mutationKey: MutationKey): () => boolean {
  const queryClient = useQueryClient();
  return () => queryClient.isMutating({ mutationKey }) > 0;
}
