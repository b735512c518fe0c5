/**
 * A persona's versions (the original and each edit), Restore of any of them, Undo of the last edit,
 * and Delete. Each writes the core's answer into the run's cached detail and reads the history again;
 * what is said afterwards only if that run is still on screen.
 */
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Persona } from '../../../shared/persona';
import type { ApiClient } from '../app/api-client';
import { useApi } from '../app/api-context';
import { announce } from '../app/announcer';
import { queryKeys } from '../app/query-keys';
import { plural } from '../ui/labels';
import { invalidateRunLists, updateRunDocument } from './run-queries';
import { isShown, markEdited } from './workshop-state';

export function personaHistoryQuery(api: ApiClient, personaId: string) {
  return queryOptions({
    queryKey: queryKeys.personas.history(personaId),
    queryFn: async () => (await api.call('personas:history', { personaId })).versions,
    // Only this window changes a persona, and each change reads its history again.
    staleTime: Infinity,
  });
}

/** The persona's versions, oldest first; undefined until read (or for a persona that was never saved). */
export function usePersonaHistory(personaId: string | undefined, saved: boolean) {
  const api = useApi();
  return useQuery({ ...personaHistoryQuery(api, personaId ?? ''), enabled: saved && personaId !== undefined }).data;
}

export function invalidatePersonaHistory(queryClient: QueryClient, personaId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.personas.history(personaId) });
}

/** The run's document with this persona replaced by the version the core now holds. */
function replacePersona(queryClient: QueryClient, runId: string, persona: Persona): void {
  updateRunDocument(queryClient, runId, (document) => ({ ...document, personas: document.personas.map((p) => (p.id === persona.id ? persona : p)) }));
}

export function useRestorePersona(runId: string, personaId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.call('personas:restore', { personaId, version }),
    onSuccess: async ({ persona, edits }, version) => {
      replacePersona(queryClient, runId, persona);
      await invalidatePersonaHistory(queryClient, personaId);
      if (!isShown(runId)) return;
      markEdited(personaId, edits > 0);
      announce(`${persona.name} restored to ${version === 0 ? 'the original' : `version ${version}`}`);
    },
  });
}

export function useUndoPersona(runId: string, personaId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.call('personas:undo', { personaId }),
    onSuccess: async ({ persona, edits }) => {
      replacePersona(queryClient, runId, persona);
      await invalidatePersonaHistory(queryClient, personaId);
      if (!isShown(runId)) return;
      markEdited(personaId, edits > 0);
      announce(`Last edit to ${persona.name} undone${edits > 0 ? `; ${plural(edits, 'edit')} left` : ': it is as generated'}`);
    },
  });
}

export function useDeletePersona(runId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (persona: Persona & { id: string }) => api.call('personas:delete', { personaId: persona.id }),
    onSuccess: async ({ remaining }, persona) => {
      updateRunDocument(queryClient, runId, (document) => ({ ...document, personas: document.personas.filter((p) => p.id !== persona.id) }));
      queryClient.removeQueries({ queryKey: queryKeys.personas.history(persona.id) });
      // Their interviews went with them, and the group summaries and concept results are made without their words.
      void queryClient.invalidateQueries({ queryKey: queryKeys.asking.run(runId) });
      await invalidateRunLists(queryClient);
      if (isShown(runId)) announce(`${persona.name} deleted; ${plural(remaining, 'persona')} left in this run`);
    },
  });
}
