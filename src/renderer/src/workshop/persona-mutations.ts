/**
 * Changes to one persona of a saved run: an edit, a new persona in its place, a new one for an
 * empty age band. Each writes the core's answer into the run's cached detail; what is said and
 * focused afterwards only if that run is still on screen. Keyed mutations let any component ask
 * whether one is running (useIsMutating), even after the one that started it went away.
 */
import { useIsMutating, useMutation, useQueryClient } from '@tanstack/react-query';
import { ageBandLabel } from '../../../shared/coverage';
import type { Persona } from '../../../shared/persona';
import { messageOf } from '../app/api-client';
import { useApi } from '../app/api-context';
import { announce } from '../app/announcer';
import { FOCUS_IDS, focusWhenShown } from '../app/focus';
import { mutationKeys } from '../app/query-keys';
import { invalidatePersonaHistory } from './persona-versions';
import { invalidateRunLists, personasOf, updateRunDocument } from './run-queries';
import { failAction, isShown, markEdited, useWorkshopState } from './workshop-state';

const clearActionError = () => useWorkshopState.setState({ actionError: null });

export function useSavePersona(runId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (persona: Persona & { id: string }) => api.call('personas:edit', { personaId: persona.id, persona }),
    onSuccess: ({ persona: saved }) => {
      updateRunDocument(queryClient, runId, (document) => ({ ...document, personas: document.personas.map((p) => (p.id === saved.id ? saved : p)) }));
      if (saved.id) void invalidatePersonaHistory(queryClient, saved.id);
      if (!isShown(runId)) return;
      if (saved.id) markEdited(saved.id);
      announce(`Edit to ${saved.name} saved`);
    },
  });
}

/** A new persona in place of this one (the one before is kept as an edit). */
export function useRegeneratePersona(runId: string, personaId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.regenerate(runId, personaId),
    mutationFn: () => api.call('personas:generate-one', { runId, replacePersonaId: personaId }),
    onMutate: clearActionError,
    onSuccess: ({ persona }) => {
      const before = personasOf(queryClient, runId).find((p) => p.id === personaId);
      updateRunDocument(queryClient, runId, (document) => ({ ...document, personas: document.personas.map((p) => (p.id === personaId ? persona : p)) }));
      void invalidateRunLists(queryClient);
      // The one replaced is kept as an edit: the history has a new version.
      void invalidatePersonaHistory(queryClient, personaId);
      if (persona.id && persona.id !== personaId) void invalidatePersonaHistory(queryClient, persona.id);
      if (!isShown(runId)) return;
      markEdited(personaId);
      announce(`${before?.name ?? 'The persona'} was replaced by ${persona.name}`);
      if (persona.id) focusWhenShown(FOCUS_IDS.regenerateButton(persona.id), { onlyIfLost: true });
    },
    onError: (error) => {
      if (isShown(runId)) failAction(`Regenerating the persona failed: ${messageOf(error)}`, FOCUS_IDS.regenerateButton(personaId));
    },
  });
}

export const useIsRegenerating = (runId: string, personaId: string): boolean => useIsMutating({ mutationKey: mutationKeys.regenerate(runId, personaId), exact: true }) > 0;

/** A new persona for an empty age band, added to the run. */
export function useFillGap(runId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.fillGap(runId),
    mutationFn: (ageRange: [number, number]) => api.call('personas:generate-one', { runId, ageRange }),
    onMutate: clearActionError,
    onSuccess: ({ persona }, ageRange) => {
      updateRunDocument(queryClient, runId, (document) => ({ ...document, personas: [...document.personas, persona] }));
      void invalidateRunLists(queryClient);
      if (!isShown(runId)) return;
      announce(`${persona.name}, ${persona.age}, added for ages ${ageBandLabel(ageRange)}`);
      if (persona.id) focusWhenShown(FOCUS_IDS.heading(persona.id), { onlyIfLost: true });
    },
    onError: (error, ageRange) => {
      if (isShown(runId)) failAction(`Filling the gap (ages ${ageBandLabel(ageRange)}) failed: ${messageOf(error)}`, FOCUS_IDS.fillGap(ageBandLabel(ageRange)));
    },
  });
}

export const useIsFillingGap = (runId: string): boolean => useIsMutating({ mutationKey: mutationKeys.fillGap(runId), exact: true }) > 0;
