/**
 * A persona that says two things that cannot both be true of one person is caught, with both lines
 * quoted; a persona whose lines merely sit close to such a clash is left alone (precision first).
 */
import { describe, expect, it } from 'vitest';
import { findContradictions } from '../src/main/validation/contradictions';
import { scorePersona } from '../src/main/validation/score';
import type { Persona } from '../src/shared/persona';

function persona(over: Partial<Persona> & { bio: string }): Persona {
  return {
    name: 'Aurelie Marchetti',
    age: 58,
    gender: 'female',
    location: { city: 'Leeds', country: 'United Kingdom' },
    occupation: 'Pharmacist',
    incomeBracket: 'middle',
    goals: ['Keep the weekly shop simple'],
    painPoints: ['Delivery slots that vanish by Thursday'],
    interests: ['Allotment gardening'],
    ...over,
  };
}

const found = (p: Persona) => findContradictions(p).map((c) => c.reason);

describe('contradictions within one persona', () => {
  const clashes: Array<[string, Persona, RegExp]> = [
    [
      'bereavement dated twice',
      persona({ bio: 'Since losing her husband three years ago, Aurelie keeps busy. She has been widowed for seven years and rarely talks about it.' }),
      /three years ago.*widowed for seven years/,
    ],
    [
      'alone yet with a partner',
      persona({ bio: 'Aurelie lives alone in a terraced house.', goals: ['Aurelie and her partner are weighing a move to the coast'] }),
      /lives alone.*her partner are weighing/,
    ],
    [
      'two careers to retire from',
      persona({ age: 71, occupation: 'Retired nurse', bio: 'Aurelie retired from the fire service after thirty years on the engines.' }),
      /Retired nurse.*retired from the fire service/,
    ],
    [
      'just arrived yet long settled',
      persona({ bio: 'Aurelie rents a spare room from a cousin while working out where to settle. She has lived in the same street for decades and knows every neighbour.' }),
      /where to settle.*same street for decades/,
    ],
    [
      'returned yet never left',
      persona({ bio: 'Aurelie came back to be near her family after years away in another city. She has lived in the same neighbourhood for years.' }),
      /came back to be near her family.*same neighbourhood for years/,
    ],
    [
      'a child too old for the parent',
      persona({ age: 26, bio: 'At 26 Aurelie lives with her girlfriend and a teenager in a flat above the bakery.' }),
      /26.*teenager/,
    ],
    [
      'comfortable income, pension of a poor one',
      persona({ age: 69, occupation: 'Retired', incomeBracket: 'high', bio: 'Aurelie gets by on a small pension and counts every penny at the till.' }),
      /high.*small pension/,
    ],
    [
      'full time yet part time',
      persona({ occupation: 'Full-time paramedic', bio: 'Aurelie went back to work part-time after her knee operation.' }),
      /Full-time paramedic.*part-time/,
    ],
    [
      'a university applicant too young',
      persona({ age: 14, occupation: 'Pupil', bio: 'Aurelie is busy applying to universities in three countries.' }),
      /14.*applying to universities/,
    ],
    [
      'a marriage older than adulthood',
      persona({ age: 62, bio: 'Aurelie and her wife of fifty years run a market stall together.' }),
      /62.*wife of fifty years/,
    ],
  ];
  for (const [label, p, reason] of clashes) {
    it(`catches ${label}, quoting both lines`, () => {
      const reasons = found(p);
      expect(reasons, label).toHaveLength(1);
      expect(reasons[0], label).toMatch(reason);
    });
  }

  const consistent: Array<[string, Persona]> = [
    ['a bereavement and life on her own since', persona({ bio: 'Aurelie lost her partner two years ago; she has been on her own since and lives alone now.' })],
    ['a bereavement dated the same way twice', persona({ bio: 'Aurelie lost her husband four years ago. Widowed for four years, she has rebuilt her week around friends.' })],
    ['a retired teacher volunteering at the post office', persona({ age: 70, occupation: 'Retired teacher', bio: 'A retired teacher who volunteers at the post office on Tuesdays.' })],
    ['a retired nurse who retired from the hospital', persona({ age: 66, occupation: 'Retired nurse', bio: 'Aurelie retired from the hospital after thirty years on the wards.' })],
    ['a move long ago and a settled life since', persona({ bio: 'Aurelie moved back near family twenty years ago and has lived in the same neighbourhood for years.' })],
    ['a parent old enough for a teenager', persona({ age: 44, bio: 'Aurelie lives with her partner and a teenager who eats everything.' })],
    ['a young adult with a teenage sibling', persona({ age: 24, bio: 'Aurelie lives with her mother and a teenage brother in the family flat.' })],
    ['a comfortable income and careful shopping', persona({ incomeBracket: 'upper-middle', bio: 'Aurelie earns well but shops carefully and compares prices out of habit.' })],
    ['full-time work and a part-time course', persona({ occupation: 'Full-time paramedic', bio: 'Aurelie is taking a part-time course in Spanish in the evenings.' })],
    ['a sixteen-year-old in final exams', persona({ age: 16, occupation: 'Pupil', bio: 'Aurelie is revising for her final exams at school this spring.' })],
    ['a long marriage that fits the age', persona({ age: 74, bio: 'Aurelie and her husband of fifty years still dance on Saturdays.' })],
    ['a widow who lives alone', persona({ age: 80, bio: 'Widowed for ten years, Aurelie lives alone and likes it.' })],
  ];
  for (const [label, p] of consistent) {
    it(`leaves alone ${label}`, () => {
      expect(found(p), label).toEqual([]);
    });
  }
});

describe('the repair stage score', () => {
  it('holds a persona that contradicts itself to at most 70, and a consistent one above', () => {
    const context = { level: 'simple' as const, countries: [] };
    const plain = persona({ bio: 'Aurelie lives alone in a terraced house near the park.', values: ['Thrift'], channels: ['Radio'], quote: 'Keep it simple.', education: 'Degree' });
    const torn = { ...plain, goals: ['Aurelie and her partner are weighing a move to the coast'] };
    expect(scorePersona(plain, context)).toBeGreaterThan(70);
    expect(scorePersona(torn, context)).toBeLessThanOrEqual(70);
  });
});
