/** Which of the PDF export's choices a request carries. Pure, so tested without a page. */
import { SETTINGS_DEFAULTS } from '../../../shared/settings-ranges';
import type { PaperSize, ReportTemplate } from '../../../shared/vocabulary';

/** The PDF options shown and sent: the ones chosen here, else the settings' report defaults, else the app's (settings not read yet or unreadable). */
export function pdfOptions(
  chosen: { template: ReportTemplate | null; paper: PaperSize | null },
  defaults: { template: ReportTemplate; paper: PaperSize } | undefined,
): { template: ReportTemplate; paper: PaperSize } {
  return {
    template: chosen.template ?? defaults?.template ?? SETTINGS_DEFAULTS.report.template,
    paper: chosen.paper ?? defaults?.paper ?? SETTINGS_DEFAULTS.report.paper,
  };
}
