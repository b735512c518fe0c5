/**
 * The current workshop's report branding: its accent colour (a colour picker and the same colour as
 * hex), its cover logo (PNG, JPEG or SVG up to 512 KB, checked on pick as the core checks it, shown
 * as a thumbnail, removable), Save and Reset of its own (branding belongs to the workshop, not to the
 * settings), and a live preview of the report's cover as it would print (drawn as an image: see
 * coverImageUrl for why not a frame).
 */
import { useId, useMemo, type KeyboardEvent } from 'react';
import type { WorkshopSummary } from '../../../shared/ipc/types';
import { DEFAULT_ACCENT, type PaperSize } from '../../../shared/vocabulary';
import { useCurrentWorkshop, workshopLabel } from '../workshops/workshop-queries';
import { LOGO_ACCEPT, coverImageUrl, logoUrl } from './branding-files';
import { Card } from './sections';
import { useBranding } from './useBranding';

export function BrandingSection({ paper }: { paper: PaperSize }) {
  const { current, error, retry } = useCurrentWorkshop();
  const about = 'The accent colour and logo of the current workshop’s reports. Saved with the workshop, apart from the settings.';
  if (!current) {
    return (
      <Card id="branding" title="Report branding" about={about}>
        {error ? (
          <p role="alert">
            The current workshop could not be read: {error instanceof Error ? error.message : String(error)}{' '}
            <button type="button" className="secondary" onClick={retry}>
              Retry
            </button>
          </p>
        ) : (
          <p className="settings-hint">Loading the current workshop…</p>
        )}
      </Card>
    );
  }
  // A new workshop starts a new draft.
  return <BrandingForm key={current.id} workshop={current} paper={paper} about={about} />;
}

function BrandingForm({ workshop, paper, about }: { workshop: WorkshopSummary; paper: PaperSize; about: string }) {
  const branding = useBranding(workshop, paper);
  const { draft, errors, preview } = branding;
  const ids = useId();
  const colourId = 'settings-branding-accent';
  const hexId = 'settings-branding-accent-hex';
  const logoId = 'settings-branding-logo';
  const accentErrorId = `${hexId}-error`;
  const logoErrorId = `${logoId}-error`;
  const logoHintId = `${logoId}-hint`;
  const logoStateId = `${logoId}-state`;
  const statusId = `${ids}-status`;

  const cover = useMemo(() => (preview.data ? coverImageUrl(preview.data.html, paper) : null), [preview.data, paper]);

  if (branding.loadError) {
    return (
      <Card id="branding" title={`Report branding: ${workshopLabel(workshop)}`} about={about}>
        <p role="alert">
          The saved logo could not be read: {branding.loadError}{' '}
          <button type="button" className="secondary" onClick={branding.retryLoad}>
            Retry
          </button>
        </p>
      </Card>
    );
  }
  if (!draft) {
    return (
      <Card id="branding" title={`Report branding: ${workshopLabel(workshop)}`} about={about}>
        <p className="settings-hint">Loading the branding…</p>
      </Card>
    );
  }

  const focus = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const save = async () => {
    const wrong = await branding.save();
    if (wrong) focus(wrong === 'accent' ? hexId : logoId);
  };
  // Enter in the hex field saves the branding, not the settings form around it.
  const onHexKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    event.stopPropagation();
    void save();
  };
  return (
    <section className="settings-card settings-branding" aria-labelledby="settings-branding-title">
      <header className="settings-card-head">
        <h3 id="settings-branding-title">Report branding: {workshopLabel(workshop)}</h3>
        <p className="settings-hint">{about}</p>
      </header>
      <div className="settings-branding-body">
        <div className="settings-branding-controls">
          <fieldset className="settings-field settings-accent" aria-describedby={errors.accent ? accentErrorId : undefined}>
            <legend>Accent colour</legend>
            <div className="settings-accent-row">
              <input
                id={colourId}
                type="color"
                value={draft.accent ?? DEFAULT_ACCENT}
                onChange={(e) => branding.pickColour(e.target.value)}
                aria-label="Accent colour picker"
                aria-describedby={`${hexId}-hint`}
              />
              <div className="settings-field settings-accent-hex">
                <label htmlFor={hexId}>Hex value</label>
                <input
                  id={hexId}
                  type="text"
                  value={draft.accentText}
                  placeholder={`${DEFAULT_ACCENT} (default)`}
                  onChange={(e) => branding.typeAccent(e.target.value)}
                  onBlur={branding.showAccentErrorNow}
                  onKeyDown={onHexKey}
                  spellCheck={false}
                  autoCapitalize="off"
                  autoComplete="off"
                  maxLength={7}
                  aria-invalid={errors.accent ? true : undefined}
                  aria-describedby={[errors.accent ? accentErrorId : '', `${hexId}-hint`].filter(Boolean).join(' ')}
                />
              </div>
              <button type="button" className="secondary" onClick={branding.clearAccent} disabled={draft.accent === null && draft.accentText === ''}>
                Use default
              </button>
            </div>
            <p className="settings-hint" id={`${hexId}-hint`}>
              {draft.accent === null ? `The default blue (${DEFAULT_ACCENT}).` : `Headings, rules and the cover band in ${draft.accent}.`}
            </p>
            {errors.accent && (
              <p className="field-error" id={accentErrorId}>
                {errors.accent}
              </p>
            )}
          </fieldset>

          <div className="settings-field settings-logo">
            <label htmlFor={logoId}>Logo</label>
            <div className="settings-logo-row">
              <div className="settings-logo-thumb" id={logoStateId}>
                {draft.logo ? <img src={logoUrl(draft.logo)} alt={draft.logoName ? `New logo: ${draft.logoName}` : 'Current logo'} /> : <span>No logo</span>}
              </div>
              <div className="settings-logo-actions">
                <input
                  id={logoId}
                  type="file"
                  accept={LOGO_ACCEPT}
                  aria-invalid={errors.logo ? true : undefined}
                  aria-describedby={[errors.logo ? logoErrorId : '', logoStateId, logoHintId].filter(Boolean).join(' ')}
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    // The same file may be chosen again after a fix: the input forgets it.
                    e.target.value = '';
                    if (file) void branding.pickLogo(file);
                  }}
                />
                {draft.logo && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      branding.removeLogo();
                      focus(logoId);
                    }}
                  >
                    Remove logo
                  </button>
                )}
              </div>
            </div>
            <p className="settings-hint" id={logoHintId}>
              PNG, JPEG or SVG, at most 512 KB. SVGs with scripts, event handlers or links to other files are refused.
            </p>
            {/* An alert: a file refused on pick changes nothing the focus is on, so the reason is announced. */}
            {errors.logo && (
              <p className="field-error" id={logoErrorId} role="alert">
                {errors.logo}
              </p>
            )}
          </div>

          <div className="settings-branding-actions">
            <button type="button" className="primary" onClick={() => void save()} aria-disabled={branding.saving || undefined} aria-describedby={statusId}>
              Save branding
            </button>
            <button type="button" className="secondary" onClick={branding.reset} disabled={!branding.dirty && Object.values(errors).every((e) => !e)}>
              Reset
            </button>
            <p className="settings-status" role="status" id={statusId}>
              {branding.saving ? 'Saving branding…' : branding.status || (branding.dirty ? 'Unsaved branding changes.' : '')}
            </p>
          </div>
        </div>

        <figure className="settings-cover" aria-busy={branding.previewPending || undefined}>
          <figcaption className="settings-hint">
            Cover preview on {paper === 'a4' ? 'A4' : 'US Letter'} (the saved paper){branding.previewPending ? ': updating…' : ''}
          </figcaption>
          <div className={`settings-cover-frame is-${paper}`}>
            {cover ? (
              <img src={cover} alt={`The report's cover for ${workshop.name}, with ${branding.previewAccent ?? 'the default accent'} and ${branding.previewHasLogo ? 'the logo' : 'no logo'}`} />
            ) : preview.isError ? (
              <p className="settings-bad">The preview could not be made: {preview.error instanceof Error ? preview.error.message : String(preview.error)}</p>
            ) : (
              <p className="settings-hint">Preparing the preview…</p>
            )}
          </div>
        </figure>
      </div>
    </section>
  );
}
