/** The persona document's fixed vocabularies, free of zod so the renderer can import them cheaply. */
export const LEVELS = ['simple', 'standard', 'b2b'] as const;
export type Level = (typeof LEVELS)[number];

export const CULTURAL_CATEGORIES = ['music', 'movies', 'tv', 'books', 'brands', 'food', 'podcasts', 'destinations'] as const;
export type CulturalCategory = (typeof CULTURAL_CATEGORIES)[number];
/** The cultural categories as people read them (TV, not Tv): the workshop and the report show these. */
export const CATEGORY_LABELS: Record<CulturalCategory, string> = {
  music: 'Music',
  movies: 'Film',
  tv: 'TV',
  books: 'Books',
  brands: 'Brands',
  food: 'Food',
  podcasts: 'Podcasts',
  destinations: 'Destinations',
};

export const INCOME_BRACKETS = ['low', 'lower-middle', 'middle', 'upper-middle', 'high'] as const;
export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1000+'] as const;
export const DECISION_POWERS = ['decision-maker', 'influencer', 'user', 'gatekeeper'] as const;
export const ISSUE_TYPES = ['malformed_json', 'missing_field', 'invalid_type', 'constraint_violation', 'unknown_field', 'truncated'] as const;

export const MAX_PERSONAS = 50;
export const MAX_LIST_ITEMS = 12;
export type IssueType = (typeof ISSUE_TYPES)[number];

/** The engines a generation can use, and where cultural data can come from. */
export const PROVIDER_IDS = ['offline', 'ollama', 'openai', 'gemini'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];
export const CULTURE_SOURCE_IDS = ['bundled', 'qloo'] as const;

/** A generation's phases as the monitor and the report time them. */
export const TRACE_PHASES = ['cache', 'culture', 'provider', 'repair', 'store'] as const;
export type TracePhase = (typeof TRACE_PHASES)[number];

export const EXPORT_FORMATS = ['pdf', 'json', 'csv', 'md', 'tinytroupe'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A PDF report for the client (insight only) or for the team (with how the run was made). */
export const REPORT_TEMPLATES = ['client', 'internal'] as const;
export type ReportTemplate = (typeof REPORT_TEMPLATES)[number];
export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
/** The report's accent when a workshop sets none: the report prints it, Settings shows it as the default. */
export const DEFAULT_ACCENT = '#3b5bdb';

/** The id prefix of a run summary that was not saved (a single persona made for an existing run). */
export const UNSAVED_RUN_PREFIX = 'unsaved-';

/** The longest question and concept a user may ask: the contract checks them, the page's fields stop there. */
export const MAX_QUESTION_LENGTH = 1000;
export const MAX_CONCEPT_LENGTH = 2000;
