/**
 * The prompt every LLM provider sends unless the user supplies their own. Placeholders are
 * filled per request; validateTemplate checks any template against a level before a call.
 */
export const DEFAULT_PERSONA_PROMPT = `You write user personas for a product workshop.

Brief: {{brief}}
Where: {{location}}
Ages: {{ageRange}}
Segment: {{segment}}
Write {{count}} distinct personas at the "{{level}}" level, in the language "{{language}}".
Do not reuse these names: {{exclude}}

Ground each persona's cultural profile in these candidates, chosen for the brief (pick what fits the person):
{{culture}}

Answer with JSON only, no prose and no code fences: {"personas": [ ... ]}, each persona matching this schema:
{{schema}}`;
