/** A stand-in renderer build for web-server tests: an index.html with the app's kind of CSP, and one script. */
import fs from 'node:fs';
import path from 'node:path';

export const STAND_IN_CSP = "default-src 'self'; frame-ancestors 'none'";

export function writeRendererStandIn(dir: string): string {
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><meta http-equiv="Content-Security-Policy" content="${STAND_IN_CSP}"><title>Persona Studio</title>`);
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  return dir;
}
