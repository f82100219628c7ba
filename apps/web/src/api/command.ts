import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTellDone } from '../components/TellDone';

/**
 * A command that makes the reads under `stale` out of date: once it succeeds they are fetched
 * again (the ones on screen at once, the others when next shown), and the person is told what
 * happened (`said`, from what they sent).
 */
export function useCommand<V, D>(
  send: (v: V) => Promise<D>,
  stale: readonly QueryKey[],
  said?: (v: V) => string,
) {
  const qc = useQueryClient();
  const tell = useTellDone();
  return useMutation({
    mutationFn: send,
    onSuccess: (_answer, v) => {
      for (const queryKey of stale) void qc.invalidateQueries({ queryKey });
      if (said) tell(said(v));
    },
  });
}
