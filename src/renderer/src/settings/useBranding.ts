/**
 * The branding card's state for one workshop: the saved accent and logo, the draft the controls
 * edit, the cover preview of the draft (asked for once the user pauses), Save and Reset.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { WorkshopSummary } from '../../../shared/ipc/types';
import type { PaperSize } from '../../../shared/vocabulary';
import type { WorkshopLogo } from '../../../shared/workshop';
import { ApiError, messageOf } from '../app/api-client';
import { useApi } from '../app/api-context';
import { queryKeys } from '../app/query-keys';
import { useSettledValue } from '../ui/useSettledValue';
import { normalAccent, readLogoFile } from './branding-files';
import { coverPreviewKey, workshopLogoQuery } from './settings-queries';

/** How long the controls must rest before the preview is asked for. */
export const PREVIEW_DELAY_MS = 350;

export interface BrandingDraft {
  /** The accent as stored: #rrggbb, or null for the report's default. */
  accent: string | null;
  /** The hex field as typed. */
  accentText: string;
  logo: WorkshopLogo | null;
  /** The picked file's name; null for the saved logo or none. */
  logoName: string | null;
  /** Counts logo changes: the preview's key names the logo by it rather than by its bytes. */
  logoStamp: number;
}

export interface BrandingErrors {
  accent?: string;
  logo?: string;
}

export type BrandingField = keyof BrandingErrors;

const fromSaved = (workshop: WorkshopSummary, logo: WorkshopLogo | null, stamp: number): BrandingDraft => ({ accent: workshop.accent, accentText: workshop.accent ?? '', logo, logoName: null, logoStamp: stamp });

export function accentError(text: string): string | undefined {
  return text.trim() === '' || normalAccent(text) ? undefined : 'Accent colour must be # and six hex digits, such as #3b5bdb (leave it empty for the default blue).';
}

/** `paper` is the saved default: the core draws the cover at it, so a change of it asks again. */
export function useBranding(workshop: WorkshopSummary, paper: PaperSize) {
  const api = useApi();
  const queryClient = useQueryClient();
  const savedLogo = useQuery(workshopLogoQuery(api, workshop.id, workshop.hasLogo));
  const [draft, setDraft] = useState<BrandingDraft | null>(null);
  const [errors, setErrors] = useState<BrandingErrors>({});
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const [showAccentError, setShowAccentError] = useState(false);
  const saved = useMemo(() => (savedLogo.data === undefined ? null : { accent: workshop.accent, logo: savedLogo.data }), [savedLogo.data, workshop.accent]);
  if (draft === null && saved) setDraft(fromSaved(workshop, saved.logo, 0));

  const dirty = Boolean(draft && saved && (draft.accent !== saved.accent || draft.accentText.trim() !== (saved.accent ?? '') || draft.logo?.base64 !== saved.logo?.base64 || draft.logo?.mimeType !== saved.logo?.mimeType));

  const setAccent = useCallback((accent: string | null, text: string) => {
    setDraft((d) => d && { ...d, accent, accentText: text });
    setStatus('');
  }, []);

  const pickColour = useCallback((value: string) => {
    const accent = normalAccent(value);
    if (accent) setAccent(accent, accent);
    setShowAccentError(false);
    setErrors((e) => ({ ...e, accent: undefined }));
  }, [setAccent]);

  const typeAccent = useCallback((text: string) => {
    const trimmed = text.trim();
    // While typing, the preview keeps the last colour that was whole; an empty field is the default.
    setDraft((d) => d && { ...d, accentText: text, accent: trimmed === '' ? null : (normalAccent(text) ?? d.accent) });
    setStatus('');
    if (!accentError(text)) {
      setShowAccentError(false);
      setErrors((e) => ({ ...e, accent: undefined }));
    }
  }, []);

  const clearAccent = useCallback(() => {
    setAccent(null, '');
    setShowAccentError(false);
    setErrors((e) => ({ ...e, accent: undefined }));
  }, [setAccent]);

  const pickLogo = useCallback(async (file: File) => {
    setStatus('');
    const read = await readLogoFile(file);
    if ('error' in read) {
      setErrors((e) => ({ ...e, logo: read.error }));
      return false;
    }
    setErrors((e) => ({ ...e, logo: undefined }));
    setDraft((d) => d && { ...d, logo: read.logo, logoName: file.name, logoStamp: d.logoStamp + 1 });
    return true;
  }, []);

  const removeLogo = useCallback(() => {
    setStatus('');
    setErrors((e) => ({ ...e, logo: undefined }));
    setDraft((d) => d && { ...d, logo: null, logoName: null, logoStamp: d.logoStamp + 1 });
  }, []);

  const reset = useCallback(() => {
    if (!saved) return;
    setDraft((d) => fromSaved(workshop, saved.logo, (d?.logoStamp ?? 0) + 1));
    setErrors({});
    setShowAccentError(false);
    setStatus('Branding reset to what is saved.');
  }, [saved, workshop]);

  /** Saves what changed; returns the field at fault when something is wrong. */
  const save = useCallback(async (): Promise<BrandingField | null> => {
    if (!draft || !saved || saving) return null;
    const wrongAccent = accentError(draft.accentText);
    if (wrongAccent) {
      setShowAccentError(true);
      setErrors((e) => ({ ...e, accent: wrongAccent }));
      setStatus('');
      return 'accent';
    }
    if (!dirty) {
      setStatus('No branding changes to save.');
      return null;
    }
    const accent = draft.accentText.trim() === '' ? null : normalAccent(draft.accentText);
    const logoChanged = draft.logo?.base64 !== saved.logo?.base64 || draft.logo?.mimeType !== saved.logo?.mimeType;
    setSaving(true);
    setStatus('');
    try {
      const updated = await api.call('workshops:branding', { workshopId: workshop.id, ...(accent !== saved.accent ? { accent } : {}), ...(logoChanged ? { logo: draft.logo } : {}) });
      queryClient.setQueryData<WorkshopSummary[]>(queryKeys.workshops.list, (list) => list?.map((w) => (w.id === updated.id ? updated : w)));
      queryClient.setQueryData(workshopLogoQuery(api, workshop.id, updated.hasLogo).queryKey, draft.logo);
      void queryClient.invalidateQueries({ queryKey: queryKeys.workshops.list });
      setDraft((d) => d && { ...d, accent: updated.accent, accentText: updated.accent ?? '', logoName: null });
      setErrors({});
      setStatus(`Branding saved for ${updated.name}.`);
      return null;
    } catch (error) {
      const field: BrandingField = error instanceof ApiError && error.field === 'accent' ? 'accent' : 'logo';
      if (field === 'accent') setShowAccentError(true);
      setErrors((e) => ({ ...e, [field]: messageOf(error) }));
      return field;
    } finally {
      setSaving(false);
    }
  }, [api, queryClient, draft, saved, saving, dirty, workshop.id]);

  // The preview follows the draft once the controls rest.
  const wanted = useMemo(() => (draft ? { accent: draft.accent, logo: draft.logo, stamp: draft.logoStamp } : null), [draft]);
  const settled = useSettledValue(wanted, PREVIEW_DELAY_MS);
  const preview = useQuery({
    queryKey: coverPreviewKey(workshop.id, settled?.accent ?? null, settled?.stamp ?? -1, paper),
    queryFn: () => api.call('reports:cover-preview', { workshopId: workshop.id, accent: settled!.accent, logo: settled!.logo }),
    enabled: Boolean(settled),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 30_000,
    retry: false,
  });

  const shownErrors: BrandingErrors = { ...errors, accent: showAccentError ? (errors.accent ?? accentError(draft?.accentText ?? '')) : undefined };
  return {
    draft,
    loadError: savedLogo.isError ? messageOf(savedLogo.error) : null,
    retryLoad: () => void savedLogo.refetch(),
    errors: shownErrors,
    showAccentErrorNow: () => setShowAccentError(Boolean(accentError(draft?.accentText ?? ''))),
    status,
    saving,
    dirty,
    preview,
    /** What the preview shows now (it lags the draft while the controls move). */
    previewAccent: settled?.accent ?? null,
    previewHasLogo: Boolean(settled?.logo),
    previewPending: Boolean(wanted && (settled !== wanted || preview.isFetching)),
    pickColour,
    typeAccent,
    clearAccent,
    pickLogo,
    removeLogo,
    reset,
    save,
  };
}
