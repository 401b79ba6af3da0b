import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useShowError } from '../../app/api/use-show-error';
import { orgNodesKey } from './use-org-nodes';

/**
 * A write to the org tree changes the tree, the summary counts and the org switcher, so all
 * three are refreshed; field errors land on the modal's form.
 */
export function useOrgMutation<TVariables, TResult>(
  mutationFn: (variables: TVariables) => Promise<TResult>,
  form: FormInstance,
  onDone: (result: TResult) => void,
) {
  const queryClient = useQueryClient();
  const showError = useShowError();
  return useMutation({
    mutationFn,
    onSuccess: async (result) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: orgNodesKey }),
        queryClient.invalidateQueries({ queryKey: ['console-summary'] }),
      ]);
      onDone(result);
    },
    onError: (error) => showError(error, form),
  });
}
