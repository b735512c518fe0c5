/**
 * A request field whose shape the caller chooses (an edited persona) is otherwise passed through by
 * zod as the caller's own objects: getters, prototype keys and any nesting included. This schema
 * checks such a field as plain JSON data and hands the handler a copy of exactly what it checked.
 */
import { z } from 'zod';

/** A plain JSON object, copied; refused with the path of the first value that is not plain data. */
export function plainJsonObject() {
  return z
    .unknown()
    .transform((value, ctx) => {
      const copied = copyPlainData(value);
      if ('problem' in copied) {
        ctx.addIssue({ code: 'custom', message: copied.problem, path: copied.path });
        return z.NEVER;
      }
      return copied.data;
    })
    .pipe(z.looseObject({}));
}

/** Far deeper than any persona, far shallower than what overflows a recursive reader (JSON.stringify, the store). */
const MAX_PLAIN_DATA_DEPTH = 64;
/** Values in one field, so that checking it stays quick whatever is sent. */
const MAX_PLAIN_DATA_VALUES = 100_000;
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Path = Array<string | number>;
type Copied = { data: unknown } | { problem: string; path: Path };

/** Copies JSON values (objects, arrays, strings, finite numbers, booleans, null), reading each property once. */
function copyPlainData(root: unknown): Copied {
  const rootCopy = shallowCopy(root, []);
  if (!('copy' in rootCopy)) return rootCopy;
  const work: Array<{ source: object; target: Record<string | number, unknown>; path: Path }> = [];
  if (rootCopy.source) work.push({ source: rootCopy.source, target: rootCopy.copy as Record<string, unknown>, path: [] });
  let values = 1;
  while (work.length > 0) {
    const { source, target, path } = work.pop()!;
    if (path.length >= MAX_PLAIN_DATA_DEPTH) return { problem: `is nested more than ${MAX_PLAIN_DATA_DEPTH} levels deep`, path };
    const keys = Array.isArray(target) ? indexes(source) : Object.keys(source);
    if (keys === null) return { problem: 'is an array too long to be plain data', path };
    values += keys.length;
    if (values > MAX_PLAIN_DATA_VALUES) return { problem: `holds more than ${MAX_PLAIN_DATA_VALUES} values`, path };
    for (const key of keys) {
      const at = [...path, key];
      if (typeof key === 'string' && PROTOTYPE_KEYS.has(key)) return { problem: 'is a key that names a prototype', path: at };
      const descriptor = Object.getOwnPropertyDescriptor(source, key);
      if (descriptor && (descriptor.get || descriptor.set)) return { problem: 'must be a plain value, not a getter', path: at };
      const item = shallowCopy(descriptor?.value, at);
      if (!('copy' in item)) return item;
      target[key] = item.copy;
      if (item.source) work.push({ source: item.source, target: item.copy as Record<string | number, unknown>, path: at });
    }
  }
  return { data: rootCopy.copy };
}

/** A primitive as is, or an empty object or array to fill from `source`. */
function shallowCopy(value: unknown, path: Path): { copy: unknown; source?: object } | { problem: string; path: Path } {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return { copy: value };
  if (typeof value === 'number') return Number.isFinite(value) ? { copy: value } : { problem: 'must be a finite number', path };
  if (typeof value !== 'object') return { problem: 'must be plain JSON data', path };
  if (Array.isArray(value)) return { copy: [], source: value };
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return { problem: 'must be plain JSON data', path };
  return { copy: {}, source: value };
}

function indexes(array: object): number[] | null {
  const length = (array as unknown[]).length;
  if (length > MAX_PLAIN_DATA_VALUES) return null;
  return Array.from({ length }, (_, i) => i);
}
