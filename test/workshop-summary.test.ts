/** The Workshop's executive summary and PDF export options in words: pure helpers of the renderer. */
import { describe, expect, it } from 'vitest';
import { pdfOptions } from '../src/renderer/src/workshop/export-options';
import { PROSE_SECTIONS, methodLabel, segmentShares, share, summaryGist, themeCountLabel, themesTitle } from '../src/renderer/src/workshop/summary-labels';

describe('summary labels', () => {
  it('says how the summary was made', () => {
    expect(methodLabel({ method: 'grouped', writtenBy: null })).toBe("Composed from the personas' own fields");
    expect(methodLabel({ method: 'model', writtenBy: 'ollama · llama3.1:8b' })).toBe("Paragraphs written by ollama · llama3.1:8b; counts and quotes from the personas' own fields");
    expect(methodLabel({ method: 'model', writtenBy: '  ' })).toBe("Paragraphs written by a model; counts and quotes from the personas' own fields");
  });

  it('heads the four paragraphs in reading order', () => {
    expect(PROSE_SECTIONS.map((s) => [s.key, s.title])).toEqual([
      ['who', 'Who they are'],
      ['shared', 'What they share'],
      ['differ', 'Where they differ'],
      ['suggests', 'What it suggests'],
    ]);
  });

  it('counts the personas holding a theme once each', () => {
    expect(themeCountLabel({ personaIds: ['a', 'b', 'c', 'd'] }, 5)).toBe('4 of 5');
    expect(themeCountLabel({ personaIds: ['a', 'a'] }, 3)).toBe('1 of 3');
  });

  it('keeps shares between 0 and 1', () => {
    expect(share(2, 4)).toBe(0.5);
    expect(share(6, 5)).toBe(1);
    expect(share(1, 0)).toBe(0);
  });

  it('orders a segment by size, drops empty groups and shares among those grouped', () => {
    const shares = segmentShares({
      groups: [
        { label: 'Students', personaIds: ['a'] },
        { label: 'Retired', personaIds: [] },
        { label: 'Parents', personaIds: ['b', 'c', 'd'] },
      ],
    });
    expect(shares).toEqual([
      { label: 'Parents', count: 3, share: 0.75 },
      { label: 'Students', count: 1, share: 0.25 },
    ]);
    expect(segmentShares({ groups: [] })).toEqual([]);
  });

  it('sums up a closed summary in one line', () => {
    const theme = { label: 'x', kind: 'need' as const, personaIds: [], quote: { personaId: 'a', personaName: 'A', text: 't' } };
    const segment = { by: 'age' as const, label: 'Age', groups: [] };
    expect(summaryGist({ themes: [theme, theme], segments: [segment] })).toBe('2 shared themes · 1 segment');
    // One persona shares nothing with anyone: its themes are its own.
    expect(summaryGist({ themes: [theme, theme], segments: [segment], personaCount: 1 })).toBe('2 themes · 1 segment');
    expect(themesTitle({ personaCount: 1 })).toBe('Needs and pain points');
    expect(themesTitle({ personaCount: 5 })).toBe('Shared needs and pain points');
    expect(summaryGist({ themes: [theme], segments: [] })).toBe('1 shared theme');
    expect(summaryGist({ themes: [], segments: [] })).toBe('');
  });
});

describe('PDF export options', () => {
  it('sends what was chosen, else the settings, else the app defaults', () => {
    expect(pdfOptions({ template: null, paper: null }, undefined)).toEqual({ template: 'client', paper: 'a4' });
    expect(pdfOptions({ template: null, paper: null }, { template: 'internal', paper: 'letter' })).toEqual({ template: 'internal', paper: 'letter' });
    expect(pdfOptions({ template: 'client', paper: null }, { template: 'internal', paper: 'letter' })).toEqual({ template: 'client', paper: 'letter' });
  });
});
