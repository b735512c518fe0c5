/**
 * Fields stated in running prose (issue 22, the Import screen's user test): goals, pain points,
 * interests, values, channels and a quote read from sentences count as read, never as filled; a
 * label the text states explicitly is never overwritten; a plain "Persona 3: Name" line after
 * personas under headings still starts a persona. The texts are written for this file, in the kinds
 * the user test met, not copied from it.
 */
import { describe, expect, it } from 'vitest';
import { readProseFields } from '../src/main/validation/prose-fields';
import { repairPersonaDocument } from '../src/main/validation/repair-persona-document';

const filledPaths = (raw: string) =>
  repairPersonaDocument(raw, { level: 'standard' })
    .report.issues.filter((i) => i.type === 'missing_field')
    .map((i) => i.path);

describe('prose field reading', () => {
  it('reads goals, pain points and interests from third-person prose and reports them as read', () => {
    const raw =
      'Farida is a 31-year-old midwife in Cardiff who drives between home visits. She wants to see her next appointment without unlocking her phone and hates apps that log her out mid-shift. She loves open-water swimming, board games and baking bread.';
    const { document } = repairPersonaDocument(raw, { level: 'standard' });
    const p = document.personas[0]!;
    expect(p).toMatchObject({ name: 'Farida', age: 31, occupation: 'midwife', location: { city: 'Cardiff' } });
    expect(p.goals).toEqual(['See her next appointment without unlocking her phone']);
    expect(p.painPoints).toEqual(['Apps that log her out mid-shift']);
    expect(p.interests).toEqual(['Open-water swimming', 'Board games', 'Baking bread']);
    const filled = filledPaths(raw);
    for (const field of ['goals', 'painPoints', 'interests', 'occupation', 'location/city']) expect(filled).not.toContain(`/personas/0/${field}`);
  });

  it('reads first person, a quote, values and channels, and a negated liking as a pain point', () => {
    const read = readProseFields(
      "I'm Dmitri, 45, a locksmith in Tallinn. My biggest frustration is customers who can't describe their lock over the phone. I'd like to send a quote by text before I drive out. I don't like paying for ads. I care about turning up when I said I would. I follow other tradespeople on YouTube. As I put it, \"If I'm late, I've lost the job.\"",
    );
    expect(read.painPoints).toEqual(["Customers who can't describe their lock over the phone", 'Paying for ads']);
    expect(read.goals).toEqual(['Send a quote by text before I drive out']);
    expect(read.values).toEqual(['Turning up when I said I would']);
    expect(read.channels).toEqual(['Follow other tradespeople on YouTube']);
    expect(read.quote).toBe("If I'm late, I've lost the job.");
  });

  it('leaves out what someone else wants, what the reader is offered, and a comparison "like"', () => {
    const read = readProseFields(
      "Like Dmitri, Aino fixes locks. Her son in Espoo wants her to retire. Let me know if you'd like a third persona.",
    );
    expect(read).toEqual({});
  });

  it('never overwrites a field a label states', () => {
    const raw = ['## Oskar Lind', '**Age:** 39', '**Goals:** Fewer night call-outs', '', 'Oskar is a plumber in Malmö. He wants a van that never breaks down and loves sailing.'].join('\n');
    const p = repairPersonaDocument(raw, { level: 'standard' }).document.personas[0]!;
    expect(p.goals).toEqual(['Fewer night call-outs']);
    expect(p.interests).toEqual(['Sailing']);
  });

  it('starts a persona at a plain numbered label after personas under headings', () => {
    const raw = [
      'Three personas for a cycling app:',
      '',
      '## Ruth Abebe',
      'Ruth Abebe is a 36-year-old pharmacist in Nottingham. She wants a quiet route to work.',
      '',
      '## Leon Park',
      'Leon Park, 29, is a courier in Glasgow. He hates potholes on the canal path.',
      '',
      'Persona 3: Inés Castro',
      'Inés Castro is a 52-year-old architect in Porto. She enjoys long weekend rides.',
    ].join('\n');
    const { document, report } = repairPersonaDocument(raw, { level: 'standard' });
    expect(document.personas.map((p) => p.name)).toEqual(['Ruth Abebe', 'Leon Park', 'Inés Castro']);
    expect(document.personas[2]!.bio).toBe('Inés Castro is a 52-year-old architect in Porto. She enjoys long weekend rides.');
    expect(report.issues.some((i) => (i.how ?? '').includes('announced 3'))).toBe(false);
  });

  it('does not start a persona at a numbered list item inside one', () => {
    const raw = ['## Ruth Abebe', 'Ruth Abebe is a pharmacist in Nottingham.', '', 'Goals:', '', '1. Quiet Routes', '2. Safe Parking'].join('\n');
    expect(repairPersonaDocument(raw, { level: 'standard' }).document.personas.map((p) => p.name)).toEqual(['Ruth Abebe']);
  });

  it('reads the phrasings the blind test met: "what I want most is", paying extra, French cues and labels inside a paragraph', () => {
    const en = readProseFields('What I want most is to stop planning dinners. What drives me crazy is recipes with one-use spices. He\'d pay extra for one-pan recipes. Price matters a lot to him.');
    expect(en.goals).toEqual(['Stop planning dinners', 'One-pan recipes']);
    expect(en.painPoints).toEqual(['Recipes with one-use spices', 'Price']);
    const fr = readProseFields('Elle cherche des avantages simples pour les salariés. Ses freins : le budget, la complexité et les délais. Frustrations : trop de prestataires.');
    expect(fr.goals).toEqual(['Avantages simples pour les salariés']);
    expect(fr.painPoints).toEqual(['Le budget', 'La complexité', 'Les délais', 'Trop de prestataires']);
  });

  it('reads a card header around dashes in any order, the job in prose, and a district as the city', () => {
    const raw = ['1. Nora Petit, 44 — Accountant, Lyon', '   Goals: less time cooking', '', '2. Hugo Blanc — Electrician, 39 years old, Givors', '   Goals: big portions', '', '3. Ada Roy, 31', '   Goals: quick meals', '', '', 'Ada lives in the 6th arrondissement of Lyon and works as an air-traffic controller at the airport.'].join('\n');
    const people = repairPersonaDocument(raw, { level: 'standard' }).document.personas.map((p) => [p.name, p.age, p.occupation, p.location.city]);
    expect(people).toEqual([
      ['Nora Petit', 44, 'Accountant', 'Lyon'],
      ['Hugo Blanc', 39, 'Electrician', 'Givors'],
      ['Ada Roy', 31, 'air-traffic controller', 'Lyon'],
    ]);
  });
});
