/**
 * Asking the personas through the core and through IPC, with the built-in engine: interviews saved,
 * reopened, continued, renamed, searched and deleted; focus groups and concept tests saved with
 * their summaries; answers streamed as 'answer:token' events; every bad request refused with one
 * AppError that names the field, and nothing saved half-way; a persona's deletion taking its answers.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type HandlerContext } from '../src/main/ipc/dispatcher';
import { createHandlers } from '../src/main/ipc/handlers';
import { contract } from '../src/shared/ipc/contract';
import type { Channel, EventOf } from '../src/shared/ipc/types';
import type { Persona } from '../src/shared/persona';
import { tempDir } from './helpers';
import { workshopCores } from './support/workshop-cores';

const { LYON, PORTO, brief, openCore } = workshopCores();

async function withRun(dataDir?: string) {
  const core = openCore(dataDir);
  const { run, document } = await core.generate(brief(LYON, { seed: 77, count: 4 }));
  return { core, runId: run.id, personas: document.personas as Array<Persona & { id: string }> };
}

function ipc(core: ReturnType<typeof openCore>) {
  const dispatch = createDispatcher(createHandlers(core));
  const tokens: Array<EventOf<'answer:token'>> = [];
  const context: HandlerContext = { emit: (event, payload) => void (event === 'answer:token' && tokens.push(payload as EventOf<'answer:token'>)) };
  const call = async <C extends Channel>(channel: C, request: unknown): Promise<never> => {
    const result = await dispatch(channel, request, context);
    if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error.message}`), result.error);
    expect(contract[channel].response.safeParse(result.data).success, `${channel} response matches the contract`).toBe(true);
    return result.data as never;
  };
  const refused = async (channel: Channel, request: unknown) => {
    const result = await dispatch(channel, request, context);
    if (result.ok) throw new Error(`${channel} was accepted`);
    return result.error;
  };
  return { call, refused, tokens };
}

describe('interviews', () => {
  it('are saved with the run, reopened, continued, renamed, searched and deleted', async () => {
    const dataDir = tempDir();
    const { core, runId, personas } = await withRun(dataDir);
    const persona = personas[0]!;
    const { interview, turn } = await core.asking.interviews.ask({ runId, personaId: persona.id, question: 'What would stop you from ordering a meal kit on a weeknight, honestly and in detail?' });
    expect(interview).toMatchObject({ runId, personaId: persona.id, personaName: persona.name, turns: 1, title: 'What would stop you from ordering a meal kit on a weeknight…' });
    expect(turn.answer).toMatchObject({ cut: false, fromCache: false, source: { engine: 'offline', model: null } });
    expect(turn.answer.grounding.length).toBeGreaterThan(0);
    const more = await core.asking.interviews.ask({ runId, personaId: persona.id, interviewId: interview.id, question: 'What do you do at weekends?' });
    expect(more.interview.turns).toBe(2);

    // Another core on the same folder: the conversation is there.
    const reopened = openCore(dataDir);
    expect(reopened.asking.interviews.list(runId).map((i) => [i.id, i.turns])).toEqual([[interview.id, 2]]);
    const history = reopened.asking.interviews.get(interview.id).history;
    expect(history.map((t) => t.answer.text)).toEqual([turn.answer.text, more.turn.answer.text]);

    expect(reopened.asking.interviews.rename(interview.id, '  Weeknight blockers  ')).toMatchObject({ title: 'Weeknight blockers' });
    expect(reopened.asking.interviews.search('WEEKNIGHT BLOCK').map((i) => i.id)).toEqual([interview.id]);
    expect(reopened.asking.interviews.search('weekends').map((i) => i.id)).toEqual([interview.id]);
    const word = more.turn.answer.text.split(/\s+/).find((w) => /^[A-Za-z]{6,}$/.test(w))!;
    expect(reopened.asking.interviews.search(word).map((i) => i.id)).toEqual([interview.id]);
    expect(reopened.asking.interviews.search('100%_')).toEqual([]);

    expect(reopened.asking.interviews.delete(interview.id)).toEqual({ deleted: true });
    expect(reopened.asking.interviews.list(runId)).toEqual([]);
    expect(() => reopened.asking.interviews.get(interview.id)).toThrow(/No interview has the id/);
  });

  it('answer deterministically for a seed, and differently for another persona or question', async () => {
    const { core, runId, personas } = await withRun();
    const ask = (personaId: string, question: string) => core.asking.interviews.ask({ runId, personaId, question }).then((r) => r.turn.answer.text);
    const once = await ask(personas[0]!.id, 'How much do you spend on food a week?');
    expect(await ask(personas[0]!.id, 'How  much do you spend on food a week?')).toBe(once);
    expect(await ask(personas[1]!.id, 'How much do you spend on food a week?')).not.toBe(once);
  });
});

describe('focus groups and concept tests', () => {
  it('asks the whole set or a subset, summarises the answers, and lists and deletes them', async () => {
    const { core, runId, personas } = await withRun();
    const tokens = new Map<string, string>();
    const group = await core.asking.panels.askGroup({ runId, question: 'What frustrates you about cooking during the week?', onToken: (t) => tokens.set(t.personaId, (tokens.get(t.personaId) ?? '') + t.text) });
    expect(group.answers.map((a) => a.personaId)).toEqual(personas.map((p) => p.id));
    expect(new Set(group.answers.map((a) => a.answer.text)).size).toBe(personas.length);
    for (const a of group.answers) expect(tokens.get(a.personaId)).toBe(a.answer.text);
    expect(group.summary.method).toBe('grouped');
    const subset = await core.asking.panels.askGroup({ runId, personaIds: [personas[2]!.id, personas[0]!.id], question: 'Where do you buy groceries?' });
    expect(subset.answers.map((a) => a.personaName)).toEqual([personas[2]!.name, personas[0]!.name]);
    expect(core.asking.panels.listGroups(runId).map((g) => g.id)).toEqual([subset.id, group.id]);
    expect(core.asking.panels.deleteGroup(subset.id)).toEqual({ deleted: true });
    expect(core.asking.panels.listGroups(runId).map((g) => g.id)).toEqual([group.id]);
  });

  it('tests concepts on every persona, with the distribution and the rules, and keeps each for comparison', async () => {
    const { core, runId, personas } = await withRun();
    const cheap = await core.asking.panels.testConcept({ runId, concept: { text: 'Eco-friendly meal kits that save time on busy weeknights', price: '€5 a week' } });
    const dear = await core.asking.panels.testConcept({ runId, concept: { text: 'Eco-friendly meal kits that save time on busy weeknights', price: '€400 a week' } });
    for (const test of [cheap, dear]) {
      expect(test.verdicts).toHaveLength(personas.length);
      expect(test.summary.distribution.reduce((a, b) => a + b, 0)).toBe(personas.length);
      expect(test.verdicts.every((v) => v.rules.length > 0 && v.source.engine === 'offline')).toBe(true);
    }
    expect(dear.summary.mean).toBeLessThan(cheap.summary.mean);
    expect(core.asking.panels.listTests(runId).map((t) => t.id)).toEqual([dear.id, cheap.id]);
    expect(core.asking.ofRun(runId).conceptTests).toHaveLength(2);
  });

  it("go with a deleted persona's answers, and a group left with none goes too", async () => {
    const { core, runId, personas } = await withRun();
    const [gone, kept] = personas;
    const alone = await core.asking.panels.askGroup({ runId, personaIds: [gone!.id], question: 'Do you cook alone?' });
    const both = await core.asking.panels.askGroup({ runId, personaIds: [gone!.id, kept!.id], question: 'Do you cook with friends?' });
    const test = await core.asking.panels.testConcept({ runId, personaIds: [gone!.id, kept!.id], concept: { text: 'A shared cooking class' } });
    const { interview } = await core.asking.interviews.ask({ runId, personaId: gone!.id, question: 'What do you cook?' });
    core.workshops.deletePersona(gone!.id);
    expect(core.asking.interviews.list(runId)).toEqual([]);
    expect(() => core.asking.interviews.get(interview.id)).toThrow(/No interview/);
    const groups = core.asking.panels.listGroups(runId);
    expect(groups.map((g) => g.id)).toEqual([both.id]);
    expect(groups[0]!.answers.map((a) => a.personaId)).toEqual([kept!.id]);
    expect(JSON.stringify(groups[0]!.summary)).not.toContain(gone!.id);
    expect(core.asking.panels.listTests(runId)[0]).toMatchObject({ id: test.id, summary: { distribution: expect.any(Array) } });
    expect(core.asking.panels.listTests(runId)[0]!.verdicts.map((v) => v.personaId)).toEqual([kept!.id]);
    expect(alone.id).not.toBe(both.id);
  });
});

describe('bad requests', () => {
  it('each get one AppError naming the field, and nothing is saved', async () => {
    const { core, runId, personas } = await withRun();
    const other = await core.generate(brief(PORTO, { seed: 3, count: 2 }));
    const stranger = other.document.personas[0]!.id!;
    const ask = (request: Partial<Parameters<typeof core.asking.interviews.ask>[0]>) => core.asking.interviews.ask({ runId, personaId: personas[0]!.id, question: 'Why?', ...request });
    await expect(ask({ question: '   ' })).rejects.toMatchObject({ code: 'invalid_request', field: 'question', message: 'The question must not be empty: type a question.' });
    await expect(ask({ question: 'x'.repeat(1001) })).rejects.toMatchObject({ code: 'invalid_request', field: 'question' });
    await expect(ask({ runId: 'no-such-run' })).rejects.toMatchObject({ code: 'not_found', field: 'runId' });
    await expect(ask({ personaId: 'no-such-persona' })).rejects.toMatchObject({ code: 'not_found', field: 'personaId' });
    await expect(ask({ personaId: stranger })).rejects.toMatchObject({ code: 'invalid_request', field: 'personaId', message: expect.stringMatching(/belongs to another run/) });
    await expect(ask({ interviewId: 'no-such-interview' })).rejects.toMatchObject({ code: 'not_found', field: 'interviewId' });
    const { interview } = await ask({ personaId: personas[1]!.id });
    await expect(ask({ interviewId: interview.id })).rejects.toMatchObject({ code: 'invalid_request', field: 'interviewId', message: expect.stringMatching(/is with .* start a new interview/) });
    await expect(core.asking.panels.askGroup({ runId, personaIds: [personas[0]!.id, stranger], question: 'Why?' })).rejects.toMatchObject({ code: 'invalid_request', field: 'personaIds' });
    await expect(core.asking.panels.testConcept({ runId, concept: { text: '  ' } })).rejects.toMatchObject({ code: 'invalid_request', field: 'concept.text' });
    await expect(core.asking.panels.testConcept({ runId, concept: { text: 'Kits', price: 'p'.repeat(121) } })).rejects.toMatchObject({ code: 'invalid_request', field: 'concept.price' });
    expect(() => core.asking.interviews.rename('no-such-interview', 'x')).toThrow(/No interview has the id/);
    expect(() => core.asking.panels.deleteGroup('no-such-group')).toThrow(/No focus group has the id/);
    expect(() => core.asking.panels.deleteTest('no-such-test')).toThrow(/No concept test has the id/);
    expect(() => core.asking.panels.listGroups('no-such-run')).toThrow(/No run has the id/);
    // Nothing was saved by any of them: only the one good interview.
    expect(core.asking.ofRun(runId)).toEqual({ interviews: [expect.objectContaining({ id: interview.id })], focusGroups: [], conceptTests: [] });

    // A run whose personas were all deleted has nobody to ask.
    for (const p of other.document.personas) core.workshops.deletePersona(p.id!);
    await expect(core.asking.panels.askGroup({ runId: other.run.id, question: 'Anyone?' })).rejects.toMatchObject({ code: 'invalid_request', field: 'runId', message: expect.stringMatching(/has no personas to ask; generate personas/) });
  });
});

describe('asking over IPC', () => {
  it('streams answer:token events for the request and answers in the contract shapes', async () => {
    const { core, runId, personas } = await withRun();
    const { call, refused, tokens } = ipc(core);
    const requestId = randomUUID();
    const asked: { interview: { id: string }; turn: { answer: { text: string } } } = await call('interviews:ask', { requestId, runId, personaId: personas[0]!.id, question: 'What would make you switch brands?' });
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.every((t) => t.requestId === requestId && t.personaId === personas[0]!.id)).toBe(true);
    expect(tokens.map((t) => t.text).join('')).toBe(asked.turn.answer.text);
    await call('interviews:get', { interviewId: asked.interview.id });
    await call('interviews:list', { runId });
    await call('interviews:rename', { interviewId: asked.interview.id, title: 'Switching' });
    expect(((await call('interviews:search', { query: 'switch' })) as { interviews: unknown[] }).interviews).toHaveLength(1);

    tokens.length = 0;
    const groupRequest = randomUUID();
    const group: { id: string } = await call('focus-groups:ask', { requestId: groupRequest, runId, question: 'What do you value in a brand?', providerId: 'offline' });
    expect(new Set(tokens.map((t) => t.personaId))).toEqual(new Set(personas.map((p) => p.id)));
    expect(tokens.every((t) => t.requestId === groupRequest)).toBe(true);
    await call('focus-groups:list', { runId });
    const test: { id: string } = await call('concepts:test', { requestId: randomUUID(), runId, concept: { text: 'Meal kits with local vegetables', price: '€9' } });
    await call('concepts:list', { runId });
    expect(await call('asking:cancel', { requestId: randomUUID() })).toEqual({ cancelled: false });
    expect(core.workshops.previewDeletion({ runId })).toMatchObject({ conversations: 3 });

    expect(await refused('interviews:ask', { requestId: randomUUID(), runId: 'nope', personaId: personas[0]!.id, question: 'Why?' })).toMatchObject({ code: 'not_found', field: 'runId' });
    expect(await refused('interviews:get', { interviewId: 'nope' })).toMatchObject({ code: 'not_found', field: 'interviewId' });
    expect(await refused('focus-groups:ask', { requestId: randomUUID(), runId, personaIds: ['nope'], question: 'Why?' })).toMatchObject({ code: 'not_found', field: 'personaIds' });

    await call('focus-groups:delete', { focusGroupId: group.id });
    await call('concepts:delete', { conceptTestId: test.id });
    expect(await call('interviews:delete', { interviewId: asked.interview.id })).toEqual({ deleted: true });
    expect(core.asking.ofRun(runId)).toEqual({ interviews: [], focusGroups: [], conceptTests: [] });
  });
});
