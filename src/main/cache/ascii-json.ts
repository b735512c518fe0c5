/**
 * JSON text with every non-ASCII character written as a \uXXXX escape: the same JSON value, a percent
 * or so longer, but pure ASCII, which Buffer#toString and JSON.parse read about a third faster than
 * UTF-8 with accents in it. Cache reads are hot and writes are not, so the writer pays the escaping.
 */
export function asciiJsonText(json: string): string {
  return NON_ASCII.test(json) ? json.replace(NON_ASCII_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}
const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_ALL = /[\u0080-\uffff]/g;
