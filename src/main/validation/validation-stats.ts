/**
 * Validation metrics since the core started, for the dashboard: how many provider answers gave a
 * document, how many personas needed repair or filling, which issue types come up most. Rates are
 * null until something was measured, so the dashboard never shows an invented 0 % or 100 %.
 */
import { ISSUE_TYPES, type IssueType, type ReportIssue } from '../../shared/persona';
import type { ValidationStatsSnapshot } from '../../shared/ipc/types';
import type { RepairedPersonaStats } from './repair-persona-document';

export class ValidationStats {
  private answers = 0;
  private succeeded = 0;
  private personas = 0;
  private repaired = 0;
  private filled = 0;
  private readonly issues = new Map<IssueType, number>(ISSUE_TYPES.map((t) => [t, 0]));

  /** A provider answer that repair turned into a document. */
  recordSuccess(personas: readonly RepairedPersonaStats[], issues: readonly ReportIssue[]): void {
    this.answers++;
    this.succeeded++;
    this.personas += personas.length;
    this.repaired += personas.filter((p) => p.repaired).length;
    this.filled += personas.filter((p) => p.filled).length;
    this.countIssues(issues);
  }

  /** A provider answer with nothing recoverable in it. */
  recordFailure(issues: readonly ReportIssue[]): void {
    this.answers++;
    this.countIssues(issues);
  }

  /** The running counts alone (the monitor reads them every second; snapshot() also sorts issues). */
  counts(): { answers: number; succeeded: number; personas: number; repaired: number; filled: number } {
    return { answers: this.answers, succeeded: this.succeeded, personas: this.personas, repaired: this.repaired, filled: this.filled };
  }

  snapshot(): ValidationStatsSnapshot {
    const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);
    const topIssues = [...this.issues.entries()]
      .filter(([, count]) => count > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([type, count]) => ({ type, count }));
    return {
      answers: this.answers,
      succeeded: this.succeeded,
      failed: this.answers - this.succeeded,
      personas: this.personas,
      repairedPersonas: this.repaired,
      filledPersonas: this.filled,
      successRate: rate(this.succeeded, this.answers),
      repairRate: rate(this.repaired, this.personas),
      fillRate: rate(this.filled, this.personas),
      topIssues,
    };
  }

  private countIssues(issues: readonly ReportIssue[]): void {
    for (const issue of issues) this.issues.set(issue.type, (this.issues.get(issue.type) ?? 0) + 1);
  }
}
