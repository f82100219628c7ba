import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A command that makes the reads under `stale` out of date: once it succeeds they are fetched
 * again (the ones on screen at once, the others when next shown).
 */
export function useCommand<V, D>(send: (v: V) => Promise<D>, stale: readonly QueryKey[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      for (const queryKey of stale) void qc.invalidateQueries({ queryKey });
    },
  });
}
