/** The rows app.db holds for workshops and runs, and how each becomes the shape the contract shares. */
import type { Level } from '../../shared/persona';
import type { RunSummary, WorkshopSummary } from '../../shared/workshop';
import { titleFromBrief } from '../generation';

export const WORKSHOP_SELECT = `SELECT w.id, w.name, w.client, w.description, w.created_at, w.updated_at, w.archived_at,
  w.accent, w.logo_mime IS NOT NULL AS has_logo,
  (SELECT COUNT(*) FROM runs r WHERE r.workshop_id = w.id) AS run_count,
  (SELECT COUNT(*) FROM personas p WHERE p.workshop_id = w.id) AS persona_count
  FROM workshops w`;

export const RUN_SELECT = `SELECT r.id, r.workshop_id, r.status, r.provider, r.level, r.count, r.seed, r.started_at, r.duration_ms,
  r.quality_score, r.error, r.title, b.description FROM runs r JOIN briefs b ON b.id = r.brief_id`;

export interface WorkshopRow {
  id: string;
  name: string;
  client: string | null;
  description: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  run_count: number;
  persona_count: number;
  accent: string | null;
  /** 1 when a logo is set (its bytes are read only when asked for). */
  has_logo: number;
}

export interface RunRow {
  id: string;
  workshop_id: string;
  status: RunSummary['status'];
  provider: string;
  level: Level;
  count: number;
  seed: number | null;
  started_at: string;
  duration_ms: number;
  quality_score: number | null;
  error: string | null;
  /** NULL while the user has not named the run: its title then follows the brief. */
  title: string | null;
  description: string;
}

export function toWorkshop(row: WorkshopRow): WorkshopSummary {
  return {
    id: row.id,
    name: row.name,
    client: row.client,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
    runCount: row.run_count,
    personaCount: row.persona_count,
    accent: row.accent,
    hasLogo: row.has_logo === 1,
  };
}

export function toRunSummary(row: RunRow): RunSummary {
  return {
    id: row.id,
    workshopId: row.workshop_id,
    status: row.status,
    provider: row.provider,
    level: row.level,
    count: row.count,
    description: row.description,
    title: row.title ?? titleFromBrief(row.description),
    titled: row.title !== null,
    seed: row.seed,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    qualityScore: row.quality_score,
    error: row.error,
  };
}
