/** The contract's channels for asking the personas: interviews, focus groups, concept tests. */
import { z } from 'zod';
import { conceptInputSchema, conceptTestSchema, focusGroupSchema, interviewSchema, interviewSummarySchema, interviewTurnSchema, questionSchema } from '../conversations';
import { PROVIDER_IDS } from '../vocabulary';
import { id, type ChannelTable } from './contract-parts';

/** A request that can be cancelled by its id (asking:cancel), like a generation. */
const requestId = z.uuid('must be a UUID that names this request, so it can be cancelled');
/** Some of the run's personas; absent, all of them. */
const personaIds = z.array(id).min(1, 'must name at least one persona, or be left out for all').max(50).optional();

export const askingChannels = {
  'interviews:list': {
    request: z.strictObject({ runId: id }),
    response: z.object({ interviews: z.array(interviewSummarySchema) }),
  },
  'interviews:get': {
    request: z.strictObject({ interviewId: id }),
    response: interviewSchema,
  },
  'interviews:ask': {
    // Without interviewId a new interview starts; with it, the conversation goes on.
    request: z.strictObject({ requestId, runId: id, personaId: id, interviewId: id.optional(), question: questionSchema, providerId: z.enum(PROVIDER_IDS).optional() }),
    response: z.object({ interview: interviewSummarySchema, turn: interviewTurnSchema }),
  },
  'interviews:rename': {
    request: z.strictObject({ interviewId: id, title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters') }),
    response: interviewSummarySchema,
  },
  'interviews:delete': {
    request: z.strictObject({ interviewId: id }),
    response: z.object({ deleted: z.boolean() }),
  },
  'interviews:search': {
    request: z.strictObject({ query: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'), limit: z.int().min(1).max(200).default(50) }),
    response: z.object({ interviews: z.array(interviewSummarySchema) }),
  },
  'focus-groups:ask': {
    request: z.strictObject({ requestId, runId: id, personaIds, question: questionSchema, providerId: z.enum(PROVIDER_IDS).optional() }),
    response: focusGroupSchema,
  },
  'focus-groups:list': {
    request: z.strictObject({ runId: id }),
    response: z.object({ focusGroups: z.array(focusGroupSchema) }),
  },
  'focus-groups:delete': {
    request: z.strictObject({ focusGroupId: id }),
    response: z.object({ deleted: z.boolean() }),
  },
  'concepts:test': {
    request: z.strictObject({ requestId, runId: id, personaIds, concept: conceptInputSchema, providerId: z.enum(PROVIDER_IDS).optional() }),
    response: conceptTestSchema,
  },
  'concepts:list': {
    request: z.strictObject({ runId: id }),
    response: z.object({ conceptTests: z.array(conceptTestSchema) }),
  },
  'concepts:delete': {
    request: z.strictObject({ conceptTestId: id }),
    response: z.object({ deleted: z.boolean() }),
  },
  'asking:cancel': {
    request: z.strictObject({ requestId: z.uuid('must be the UUID given to the question or concept test') }),
    response: z.object({ cancelled: z.boolean() }),
  },
} as const satisfies ChannelTable;
