/** Builds the renderer when out/renderer is missing or older than its sources, so `npm test` works on a fresh clone. */
import { buildRendererIfStale } from '../scripts/renderer-build';

export default function setup(): void {
  buildRendererIfStale();
}
