/**
 * Interviews and their turns in app.db (tables made by the app.db migration list in
 * workshops/migrations.ts: one database, one list). An interview belongs to a run and a persona
 * (both ON DELETE CASCADE); a turn keeps the question, the answer's text (searched) and the rest of
 * the answer as JSON, and the answer cache entry it came from, so deleting the interview can purge it.
 */
import type { Answer, InterviewSummary, InterviewTurn } from '../../shared/conversations';
import type { SqliteDatabase } from '../platform';
import { likePattern, readAnswer, storedAnswer } from './answer-rows';

interface SummaryRow {
  id: string;
  run_id: string;
  persona_id: string;
  persona_name: string;
  title: string;
  turns: number;
  created_at: string;
  updated_at: string;
}

interface TurnRow {
  id: string;
  question: string;
  asked_at: string;
  answer_text: string;
  answer_json: string;
}

export interface NewTurn {
  id: string;
  question: string;
  /** When the question was asked (the answer came after). */
  askedAt: string;
  answer: Answer;
  cacheKey: string | null;
}

const SUMMARY = `SELECT i.id, i.run_id, i.persona_id, p.name AS persona_name, i.title, i.created_at, i.updated_at,
  (SELECT COUNT(*) FROM interview_turns t WHERE t.interview_id = i.id) AS turns
  FROM interviews i JOIN personas p ON p.id = i.persona_id`;

export class InterviewRows {
  private readonly statements;

  constructor(private readonly db: SqliteDatabase) {
    this.statements = {
      summary: db.prepare<[string], SummaryRow>(`${SUMMARY} WHERE i.id = ?`),
      list: db.prepare<[string], SummaryRow>(`${SUMMARY} WHERE i.run_id = ? ORDER BY i.updated_at DESC, i.created_at DESC`),
      search: db.prepare<{ like: string; limit: number }, SummaryRow>(`${SUMMARY}
        WHERE i.title LIKE @like ESCAPE '\\'
          OR EXISTS (SELECT 1 FROM interview_turns t WHERE t.interview_id = i.id AND (t.question LIKE @like ESCAPE '\\' OR t.answer_text LIKE @like ESCAPE '\\'))
        ORDER BY i.updated_at DESC LIMIT @limit`),
      turns: db.prepare<[string], TurnRow>('SELECT id, question, asked_at, answer_text, answer_json FROM interview_turns WHERE interview_id = ? ORDER BY position'),
      insert: db.prepare('INSERT INTO interviews (id, run_id, persona_id, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
      insertTurn: db.prepare(`INSERT INTO interview_turns (id, interview_id, position, question, asked_at, answer_text, answer_json, cache_key)
        VALUES (@id, @interviewId, (SELECT COALESCE(MAX(position) + 1, 0) FROM interview_turns WHERE interview_id = @interviewId), @question, @askedAt, @text, @json, @cacheKey)`),
      touch: db.prepare('UPDATE interviews SET updated_at = ? WHERE id = ?'),
      rename: db.prepare('UPDATE interviews SET title = ?, updated_at = ? WHERE id = ?'),
      keys: db.prepare<[string], { cache_key: string }>('SELECT DISTINCT cache_key FROM interview_turns WHERE interview_id = ? AND cache_key IS NOT NULL'),
      delete: db.prepare('DELETE FROM interviews WHERE id = ?'),
    };
  }

  summary(interviewId: string): InterviewSummary | undefined {
    const row = this.statements.summary.get(interviewId);
    return row && toSummary(row);
  }

  /** A run's interviews, the one last continued first. */
  list(runId: string): InterviewSummary[] {
    return this.statements.list.all(runId).map(toSummary);
  }

  /** Interviews of every run whose title, questions or answers contain `query`, the one last continued first. */
  search(query: string, limit: number): InterviewSummary[] {
    return this.statements.search.all({ like: likePattern(query), limit }).map(toSummary);
  }

  turns(interviewId: string): InterviewTurn[] {
    return this.statements.turns.all(interviewId).map((row) => ({ id: row.id, question: row.question, askedAt: row.asked_at, answer: readAnswer(row.answer_text, row.answer_json) }));
  }

  /** A new interview with its first turn, in one transaction. */
  start(interview: { id: string; runId: string; personaId: string; title: string }, turn: NewTurn, now: Date): void {
    this.db.transaction(() => {
      const at = now.toISOString();
      this.statements.insert.run(interview.id, interview.runId, interview.personaId, interview.title, at, at);
      this.addTurn(interview.id, turn, now);
    })();
  }

  /** A turn added to an interview, which becomes the last continued. */
  continue(interviewId: string, turn: NewTurn, now: Date): void {
    this.db.transaction(() => this.addTurn(interviewId, turn, now))();
  }

  rename(interviewId: string, title: string, now: Date): boolean {
    return this.statements.rename.run(title, now.toISOString(), interviewId).changes > 0;
  }

  /** The answer cache entries its turns were stored or served under. */
  cacheKeys(interviewId: string): string[] {
    return this.statements.keys.all(interviewId).map((r) => r.cache_key);
  }

  delete(interviewId: string): boolean {
    return this.statements.delete.run(interviewId).changes > 0;
  }

  private addTurn(interviewId: string, turn: NewTurn, now: Date): void {
    this.statements.insertTurn.run({ id: turn.id, interviewId, question: turn.question, askedAt: turn.askedAt, ...storedAnswer(turn.answer), cacheKey: turn.cacheKey });
    this.statements.touch.run(now.toISOString(), interviewId);
  }
}

function toSummary(row: SummaryRow): InterviewSummary {
  return { id: row.id, runId: row.run_id, personaId: row.persona_id, personaName: row.persona_name, title: row.title, turns: row.turns, createdAt: row.created_at, updatedAt: row.updated_at };
}
