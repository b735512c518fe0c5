/**
 * Focus groups and concept tests in app.db (tables from the app.db migration list in
 * workshops/migrations.ts). Each belongs to a run; each answer or verdict to a persona, so deleting
 * a persona removes its answers, and a trigger removes a group or test left with none. A group or a
 * test is saved whole, in one transaction, or not at all. Summaries are not stored: the service
 * makes them from the answers that remain.
 */
import type { Answer, ConceptTest, ConceptVerdict } from '../../shared/conversations';
import type { SqliteDatabase } from '../platform';
import { readAnswer, readVerdict, storedAnswer, storedVerdict } from './answer-rows';

export interface GroupRow {
  id: string;
  runId: string;
  question: string;
  askedAt: string;
  answers: Array<{ personaId: string; personaName: string; answer: Answer }>;
}

export type TestRow = Omit<ConceptTest, 'summary'>;

export interface NewGroupAnswer {
  personaId: string;
  answer: Answer;
  cacheKey: string | null;
}

export interface NewVerdict {
  verdict: ConceptVerdict;
  cacheKey: string | null;
}

type Kind = 'group' | 'test';

export class PanelRows {
  private readonly statements;

  constructor(private readonly db: SqliteDatabase) {
    this.statements = {
      groups: db.prepare<[string], { id: string; question: string; asked_at: string }>('SELECT id, question, asked_at FROM focus_groups WHERE run_id = ? ORDER BY asked_at DESC, rowid DESC'),
      group: db.prepare<[string], { id: string; run_id: string; question: string; asked_at: string }>('SELECT id, run_id, question, asked_at FROM focus_groups WHERE id = ?'),
      groupAnswers: db.prepare<[string], { persona_id: string; name: string; answer_text: string; answer_json: string }>(
        'SELECT a.persona_id, p.name, a.answer_text, a.answer_json FROM focus_group_answers a JOIN personas p ON p.id = a.persona_id WHERE a.focus_group_id = ? ORDER BY a.position',
      ),
      insertGroup: db.prepare('INSERT INTO focus_groups (id, run_id, question, asked_at) VALUES (?, ?, ?, ?)'),
      insertAnswer: db.prepare('INSERT INTO focus_group_answers (focus_group_id, persona_id, position, answer_text, answer_json, cache_key) VALUES (?, ?, ?, ?, ?, ?)'),
      groupKeys: db.prepare<[string], { cache_key: string }>('SELECT DISTINCT cache_key FROM focus_group_answers WHERE focus_group_id = ? AND cache_key IS NOT NULL'),
      deleteGroup: db.prepare('DELETE FROM focus_groups WHERE id = ?'),
      tests: db.prepare<[string], { id: string; concept_text: string; price: string | null; tested_at: string }>('SELECT id, concept_text, price, tested_at FROM concept_tests WHERE run_id = ? ORDER BY tested_at DESC, rowid DESC'),
      test: db.prepare<[string], { id: string; run_id: string; concept_text: string; price: string | null; tested_at: string }>('SELECT id, run_id, concept_text, price, tested_at FROM concept_tests WHERE id = ?'),
      verdicts: db.prepare<[string], { persona_id: string; name: string; verdict_json: string }>(
        'SELECT v.persona_id, p.name, v.verdict_json FROM concept_verdicts v JOIN personas p ON p.id = v.persona_id WHERE v.concept_test_id = ? ORDER BY v.position',
      ),
      insertTest: db.prepare('INSERT INTO concept_tests (id, run_id, concept_text, price, tested_at) VALUES (?, ?, ?, ?, ?)'),
      insertVerdict: db.prepare('INSERT INTO concept_verdicts (concept_test_id, persona_id, position, verdict_json, cache_key) VALUES (?, ?, ?, ?, ?)'),
      testKeys: db.prepare<[string], { cache_key: string }>('SELECT DISTINCT cache_key FROM concept_verdicts WHERE concept_test_id = ? AND cache_key IS NOT NULL'),
      deleteTest: db.prepare('DELETE FROM concept_tests WHERE id = ?'),
    };
  }

  // Focus groups

  /** A run's focus groups, the latest first. */
  groups(runId: string): GroupRow[] {
    return this.statements.groups.all(runId).map((row) => this.withAnswers({ id: row.id, runId, question: row.question, askedAt: row.asked_at }));
  }

  group(groupId: string): GroupRow | undefined {
    const row = this.statements.group.get(groupId);
    return row && this.withAnswers({ id: row.id, runId: row.run_id, question: row.question, askedAt: row.asked_at });
  }

  saveGroup(group: { id: string; runId: string; question: string; askedAt: string }, answers: readonly NewGroupAnswer[]): void {
    this.db.transaction(() => {
      this.statements.insertGroup.run(group.id, group.runId, group.question, group.askedAt);
      answers.forEach((a, position) => {
        const { text, json } = storedAnswer(a.answer);
        this.statements.insertAnswer.run(group.id, a.personaId, position, text, json, a.cacheKey);
      });
    })();
  }

  // Concept tests

  /** A run's concept tests, the latest first. */
  tests(runId: string): TestRow[] {
    return this.statements.tests.all(runId).map((row) => this.withVerdicts({ id: row.id, runId, concept: concept(row), testedAt: row.tested_at }));
  }

  test(testId: string): TestRow | undefined {
    const row = this.statements.test.get(testId);
    return row && this.withVerdicts({ id: row.id, runId: row.run_id, concept: concept(row), testedAt: row.tested_at });
  }

  saveTest(test: { id: string; runId: string; concept: ConceptTest['concept']; testedAt: string }, verdicts: readonly NewVerdict[]): void {
    this.db.transaction(() => {
      this.statements.insertTest.run(test.id, test.runId, test.concept.text, test.concept.price ?? null, test.testedAt);
      verdicts.forEach((v, position) => this.statements.insertVerdict.run(test.id, v.verdict.personaId, position, storedVerdict(v.verdict), v.cacheKey));
    })();
  }

  // Both

  /** The answer cache entries a group's answers or a test's verdicts came from. */
  cacheKeys(kind: Kind, id: string): string[] {
    return (kind === 'group' ? this.statements.groupKeys : this.statements.testKeys).all(id).map((r) => r.cache_key);
  }

  delete(kind: Kind, id: string): boolean {
    return (kind === 'group' ? this.statements.deleteGroup : this.statements.deleteTest).run(id).changes > 0;
  }

  private withAnswers(group: Omit<GroupRow, 'answers'>): GroupRow {
    const answers = this.statements.groupAnswers.all(group.id).map((a) => ({ personaId: a.persona_id, personaName: a.name, answer: readAnswer(a.answer_text, a.answer_json) }));
    return { ...group, answers };
  }

  private withVerdicts(test: Omit<TestRow, 'verdicts'>): TestRow {
    return { ...test, verdicts: this.statements.verdicts.all(test.id).map((v) => readVerdict(v.persona_id, v.name, v.verdict_json)) };
  }
}

function concept(row: { concept_text: string; price: string | null }): ConceptTest['concept'] {
  return { text: row.concept_text, ...(row.price !== null ? { price: row.price } : {}) };
}
