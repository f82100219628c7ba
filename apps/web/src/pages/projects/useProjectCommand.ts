import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Report } from '../../api/types';

/**
 * A command on a project. The API answers after the read model has it, with the new report, so
 * the page shows the effect at once; lists, queues and the timeline are fetched again.
 */
export function useProjectCommand<V>(projectId: string, send: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (answer) => {
      const r = answer as Partial<Report> | undefined;
      if (r && typeof r === 'object' && 'stages' in r && r.id === projectId)
        qc.setQueryData(['project', projectId], r);
      else void qc.invalidateQueries({ queryKey: ['project', projectId] });
      void qc.invalidateQueries({ queryKey: ['timeline', projectId] });
      void qc.invalidateQueries({ queryKey: ['projects'] });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      void qc.invalidateQueries({ queryKey: ['submissions'] });
      void qc.invalidateQueries({ queryKey: ['escalations'] });
    },
  });
}
