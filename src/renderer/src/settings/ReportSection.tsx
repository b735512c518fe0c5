/**
 * The PDF report's defaults, saved with the other settings: the template (a client report, or an
 * internal one that adds how the run was made) and the paper size. An export may choose otherwise.
 */
import { PAPER_SIZES, REPORT_TEMPLATES, type PaperSize, type ReportTemplate } from '../../../shared/vocabulary';
import { PAPER_LABELS, TEMPLATE_ABOUT, TEMPLATE_LABELS } from '../ui/labels';
import { SelectField, type Option } from './fields';
import { Card } from './sections';
import { fieldId, labelOf, type FieldErrors, type SettingsDraft } from './setting-paths';

const TEMPLATES: ReadonlyArray<{ value: ReportTemplate; label: string; about: string }> = REPORT_TEMPLATES.map((value) => ({ value, label: TEMPLATE_LABELS[value], about: TEMPLATE_ABOUT[value] }));

const PAPERS: readonly Option<PaperSize>[] = PAPER_SIZES.map((value) => ({ value, label: PAPER_LABELS[value] }));

type Edit = <K extends keyof SettingsDraft['report']>(key: K, value: SettingsDraft['report'][K]) => void;

export function ReportSection({ draft, errors, onEdit }: { draft: SettingsDraft['report']; errors: FieldErrors; onEdit: Edit }) {
  const id = fieldId('report.template');
  const error = errors['report.template'];
  const errorId = error ? `${id}-error` : undefined;
  return (
    <Card id="report" title="Report" about="What a PDF export uses unless you choose otherwise when exporting.">
      <fieldset className="settings-field settings-choices" aria-describedby={errorId}>
        <legend>{labelOf('report.template')}</legend>
        {TEMPLATES.map((template, i) => {
          const optionId = i === 0 ? id : `${id}-${template.value}`;
          const aboutId = `${id}-${template.value}-about`;
          return (
            <div className="settings-choice" key={template.value}>
              <input
                type="radio"
                id={optionId}
                name="report-template"
                value={template.value}
                checked={draft.template === template.value}
                onChange={() => onEdit('template', template.value)}
                aria-describedby={[aboutId, errorId].filter(Boolean).join(' ')}
                aria-invalid={error ? true : undefined}
              />
              <div className="settings-choice-text">
                <label htmlFor={optionId}>{template.label}</label>
                <p className="settings-hint" id={aboutId}>
                  {template.about}
                </p>
              </div>
            </div>
          );
        })}
        {error && (
          <p className="field-error" id={errorId}>
            {error}
          </p>
        )}
      </fieldset>
      <SelectField path="report.paper" value={draft.paper} options={PAPERS} onChange={(v) => onEdit('paper', v)} error={errors['report.paper']} hint="A4 is 210 × 297 mm; US Letter is 8.5 × 11 in." />
    </Card>
  );
}
