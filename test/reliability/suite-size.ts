/** `npm run test:reliability` sets RELIABILITY=long: the full suites; `npm test` runs a short seeded subset of each. */
export const LONG = process.env['RELIABILITY'] === 'long';
