import { describe, expect, it } from 'vitest';
import { DEFAULT_PERSONA_PROMPT } from '../src/main/providers/llm/prompt-template';
import type { CulturalConstraints } from '../src/main/world/cultural-constraints';
import { validateTemplate } from '../src/main/validation/validate-template';
import { CULTURAL_CATEGORIES, LEVELS } from '../src/shared/persona';

const candidate = { name: 'Stromae', tags: [], ageSkew: [1, 1, 1, 1, 1, 1], regions: ['FR'], relevance: 1 };
const full: CulturalConstraints = { source: 'bundled', categories: Object.fromEntries(CULTURAL_CATEGORIES.map((c) => [c, [candidate]])) as unknown as CulturalConstraints['categories'] };
const noPodcasts: CulturalConstraints = { ...full, categories: { ...full.categories, podcasts: [] } };

describe('validateTemplate', () => {
  it('accepts the default prompt at every level', () => {
    for (const level of LEVELS) {
      const check = validateTemplate(DEFAULT_PERSONA_PROMPT, level, full);
      expect(check.errors).toEqual([]);
      expect(check.warnings).toEqual([]);
      expect(check.valid).toBe(true);
    }
  });

  it('names an unknown placeholder and suggests the closest one', () => {
    const check = validateTemplate('Write {{cout}} personas for {{brief}}. {{schema}}', 'simple');
    expect(check.valid).toBe(false);
    expect(check.errors).toEqual([
      expect.objectContaining({ code: 'unknown_placeholder', placeholder: 'cout', message: expect.stringContaining('did you mean {{count}}') }),
      expect.objectContaining({ code: 'missing_placeholder', placeholder: 'count' }),
    ]);
  });

  it('refuses a template without the brief or the count, and an unclosed placeholder', () => {
    const check = validateTemplate('Write personas. {{schema}} {{level', 'simple');
    expect(check.errors.map((e) => e.code).sort()).toEqual(['missing_placeholder', 'missing_placeholder', 'unclosed_placeholder']);
  });

  it('without {{schema}}, requires every field of the level and warns about renamed ones', () => {
    const simple = 'Write {{count}} personas for {{brief}} as JSON with name, age, location, occupation, bio, goals, pain_points: [...], painPoints, interests.';
    expect(validateTemplate(simple, 'simple').errors).toEqual([]);
    expect(validateTemplate(simple, 'simple').warnings).toEqual([expect.objectContaining({ code: 'renamed_field', field: 'pain_points' })]);
    const standard = validateTemplate(simple, 'standard', full);
    expect(standard.errors.map((e) => e.field)).toEqual(['quote', 'values', 'channels', 'culturalProfile']);
    expect(standard.warnings.map((w) => w.code)).toContain('ungrounded_culture');
    expect(validateTemplate(simple.replace('interests', 'interests, quote, values, channels, culturalProfile, b2b'), 'b2b', full).errors).toEqual([]);
  });

  it('checks cultural placeholders against what the cultural source supplies', () => {
    const template = 'Write {{count}} personas for {{brief}}. Podcasts: {{culture.podcasts}}. Music: {{culture.music}}. {{schema}}';
    expect(validateTemplate(template, 'standard', full).valid).toBe(true);
    const check = validateTemplate(template, 'standard', noPodcasts);
    expect(check.errors).toEqual([expect.objectContaining({ code: 'empty_culture', placeholder: 'culture.podcasts' })]);
    expect(validateTemplate(DEFAULT_PERSONA_PROMPT, 'standard', noPodcasts).warnings).toEqual([expect.objectContaining({ code: 'empty_culture', placeholder: 'culture' })]);
    expect(validateTemplate('{{count}} {{brief}} {{schema}} {{culture.games}}', 'simple').errors[0]).toMatchObject({ code: 'unknown_placeholder', placeholder: 'culture.games' });
  });
});
