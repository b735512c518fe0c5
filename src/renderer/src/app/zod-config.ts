/**
 * Imported first by main.tsx: zod's object schemas probe for eval with `new Function` when they are
 * built, which the page's CSP (no unsafe-eval) reports as a violation. Jitless zod never probes.
 */
import { z } from 'zod';

z.config({ jitless: true });
