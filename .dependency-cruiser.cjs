/**
 * The module boundaries, checked by `npm run lint` (docs/ARCHITECTURE.md draws the same map).
 * Each folder under src/main is a module; another module reaches it only through its index.ts,
 * and only when the table below lets it. The table is layered, so modules cannot form a cycle.
 */
const { MAY_IMPORT } = require('./scripts/module-map.cjs');

const modules = Object.keys(MAY_IMPORT);

module.exports = {
  forbidden: [
    ...modules.map((name) => ({
      name: `module-${name}`,
      severity: 'error',
      comment: `${name} may import only ${MAY_IMPORT[name].join(', ') || 'src/shared and packages'} (see MAY_IMPORT)`,
      from: { path: `^src/main/${name}/` },
      to: { path: '^src/main/', pathNot: [`^src/main/(${[name, ...MAY_IMPORT[name]].join('|')})/`] },
    })),
    {
      name: 'unknown-module',
      severity: 'error',
      comment: 'every file under src/main belongs to a module listed in MAY_IMPORT',
      from: { path: '^src/main/', pathNot: [`^src/main/(${modules.join('|')})/`] },
      to: {},
    },
    {
      name: 'no-deep-import',
      severity: 'error',
      comment: "another module is reached through its index.ts, never its internals",
      from: { path: '^src/main/([^/]+)/' },
      to: { path: '^src/main/[^/]+/', pathNot: ['^src/main/$1/', '^src/main/[^/]+/index\\.ts$'] },
    },
    {
      name: 'cli-through-index',
      severity: 'error',
      comment: 'the CLI and the desktop shell are hosts: they call module entry points, never their internals',
      from: { path: '^src/(cli|desktop)/' },
      to: { path: '^src/main/', pathNot: ['^src/main/[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-module-cycle',
      severity: 'error',
      comment: 'no file takes part in an import cycle',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'electron-in-desktop-only',
      severity: 'error',
      comment: 'the core runs in four hosts: Electron is imported by the desktop shell and the preload only',
      from: { path: '^src/', pathNot: ['^src/desktop/', '^src/preload/'] },
      to: { path: '^electron$|node_modules/electron/' },
    },
    {
      name: 'shared-is-portable',
      severity: 'error',
      comment: 'src/shared runs in main, preload and renderer: no Node built-ins, no DOM libraries, nothing from the processes',
      from: { path: '^src/shared/' },
      to: { path: '^(src/(main|renderer|preload|cli)/|(node_modules/)?(react|react-dom|electron)(/|$))' },
    },
    {
      name: 'shared-no-node',
      severity: 'error',
      comment: 'src/shared runs in the renderer too: no Node built-ins',
      from: { path: '^src/shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-main',
      severity: 'error',
      comment: 'the renderer talks to main over the IPC contract only',
      from: { path: '^src/renderer/' },
      to: { path: '^src/(main|cli|preload)/' },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      comment: 'the renderer is a sandboxed page: no Node built-ins',
      from: { path: '^src/renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'preload-shared-only',
      severity: 'error',
      comment: 'the preload is one sandboxed file: Electron and src/shared only',
      from: { path: '^src/preload/' },
      to: { path: '^src/(main|renderer|cli)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)out/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'] },
  },
};
