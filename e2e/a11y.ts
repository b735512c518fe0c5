/**
 * Accessibility checks the e2e tests run on every screen and state: axe-core (injected by
 * @axe-core/playwright through Playwright's evaluate, which the page's CSP does not govern: a
 * test-only step, nothing is added to the app), and where keyboard focus is after each step.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The WCAG 2.x A and AA rules and axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Fails with every serious or critical axe violation on the page as it is now, named by `state`. */
export async function expectNoSeriousViolations(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n')}`)
    .join('\n');
  expect(report, `axe on "${state}"`).toBe('');
}

/** Where focus is: what it is, and why it would not count as visible (empty when it is fine). */
export interface FocusState {
  description: string;
  problem: string;
}

/**
 * Reads the focused element: it must not be <body>, must have a size, must lie inside the
 * viewport, and the point at its centre must belong to it (not to a sticky bar drawn over it).
 */
export function focusState(page: Page): Promise<FocusState> {
  return page.evaluate(async () => {
    // Read after the page has drawn two frames: layout that follows the key (a resize observer
    // scrolling the focused field back into view) settles within them, as the user would see it.
    for (let i = 0; i < 2; i++) await new Promise((done) => requestAnimationFrame(done));
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return { description: 'body', problem: 'focus is on <body>' };
    const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
    const description = `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> "${label}"`;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return { description, problem: 'the focused element has no size' };
    const x = Math.min(Math.max(rect.left + rect.width / 2, 0), window.innerWidth - 1);
    const y = Math.min(Math.max(rect.top + Math.min(rect.height / 2, 12), 0), window.innerHeight - 1);
    if (rect.bottom <= 0 || rect.top >= window.innerHeight || rect.right <= 0 || rect.left >= window.innerWidth) {
      return { description, problem: `the focused element is outside the viewport (top ${Math.round(rect.top)} px)` };
    }
    const hit = document.elementFromPoint(x, y);
    if (hit && hit !== el && !el.contains(hit) && !hit.contains(el)) {
      const cover = hit.closest('header, nav, [class]') as HTMLElement | null;
      return { description, problem: `covered by <${hit.tagName.toLowerCase()}${cover?.className ? ` .${cover.className}` : ''}>` };
    }
    return { description, problem: '' };
  });
}

/**
 * Fails unless focus is on a visible element that nothing covers; `step` names what was just done.
 * Layout that settles a few frames later (an answer arriving and growing a note, the resize observer
 * scrolling the field back) is read as the user sees it once it settles: up to five reads, two frames apart.
 */
export async function expectVisibleFocus(page: Page, step: string): Promise<void> {
  let state = await focusState(page);
  for (let read = 1; read < 5 && state.problem !== ''; read++) state = await focusState(page);
  expect(state.problem, `after "${step}" focus is on ${state.description}`).toBe('');
}
