/**
 * A cut answer (the API stopped at its length limit or a content stop) keeps only the personas it
 * completed: the one the cut fell in would otherwise be repaired and filled in as if written, and
 * it is asked for again instead.
 */

/** The completed personas of a cut `{"personas": [...]}` (or bare array) answer, as a document of their own, and how many. */
export function completePersonas(text: string): { text: string; complete: number } {
  const start = arrayStart(text);
  if (start < 0) return { text: '{"personas":[]}', complete: 0 };
  let depth = 0;
  let inString = false;
  let escaped = false;
  let complete = 0;
  let lastEnd = -1;
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === ']' && depth === 0) break;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0 && char === '}') {
        complete++;
        lastEnd = i;
      }
    }
  }
  return { text: `{"personas":[${lastEnd < 0 ? '' : text.slice(start + 1, lastEnd + 1)}]}`, complete };
}

/** Where the personas array opens: after a "personas" key, or at the very start of a bare array. */
function arrayStart(text: string): number {
  const keyed = /"personas"\s*:\s*\[/.exec(text);
  if (keyed) return keyed.index + keyed[0].length - 1;
  const bare = /^\s*\[/.exec(text);
  return bare ? bare[0].length - 1 : -1;
}
