import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import { readdirSync } from 'node:fs';

/** The web app's features (packages/web/src/features/<f>): each is a room that imports no other. */
const webFeatures = readdirSync(new URL('./packages/web/src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const noServer = { group: ['@leitai/server', '@leitai/server/*'], message: 'The web app never imports the server.' };
/** Import paths that reach feature `f` from anywhere inside another feature (relative at any depth, or via features/). */
const reaching = (f) => [
  `**/features/${f}`,
  `**/features/${f}/**`,
  ...[1, 2, 3, 4].flatMap((n) => {
    const up = '../'.repeat(n);
    return [`${up}${f}`, `${up}${f}/**`];
  }),
];

/** `../<other module>/<file>.js` from inside a module: only `../<module>/index.js` is allowed. */
const siblingModuleFile = {
  regex: '^\\.\\./(?!\\.\\.)[a-z-]+/(?!index\\.js$).+$',
  message: 'Call another module through its face (modules/<module>/index.ts), not its files.',
};
/** `…/modules/<module>/<file>.js` from outside the modules. */
const moduleFileFromOutside = {
  regex: '(^|/)modules/[a-z-]+/(?!index\\.js$).+$',
  message: 'Call a module through its face (modules/<module>/index.ts), not its files.',
};
const dataAccess = {
  regex: '(^drizzle-orm|/db/|/repo(sitory)?\\.js$|^pg$|^@electric-sql/)',
  message: 'A route parses, authorises and calls one service: SQL and the database belong to the repository.',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      '**/drizzle/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.ts'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // core is pure: no I/O, no framework, no other workspace package.
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'path', '@leitai/server', '@leitai/web', 'fastify*', 'drizzle-orm*', 'react*'] },
      ],
    },
  },
  {
    // the web app may use core (types and pure helpers) but never the server.
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-imports': ['error', { patterns: [noServer] }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // shared pieces (lib, components, i18n) serve the features and know none of them: imports flow shared → features → app.
    files: ['packages/web/src/{lib,components,i18n}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noServer,
            {
              group: ['**/features', '**/features/**', '**/app', '**/app/**'],
              message: 'Shared code imports no feature and not the app shell.',
            },
          ],
        },
      ],
    },
  },
  // features import neither each other nor the shell; app/ composes them, and what two features share lives in components/ or lib/.
  ...webFeatures.map((f) => ({
    files: [`packages/web/src/features/${f}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noServer,
            {
              group: webFeatures.filter((o) => o !== f).flatMap(reaching),
              message: `Feature '${f}' may not import another feature: move what they share to components/ or lib/, or compose them in app/.`,
            },
            {
              group: ['**/app', '**/app/**'],
              message: `Feature '${f}' may not import the shell (app/), which composes the features: the session is lib/session, role names i18n/roles, the Feature type lib/feature.`,
            },
          ],
        },
      ],
    },
  })),
  {
    // A server module is called only through its face: a module may not import another module's files.
    files: ['packages/server/src/modules/*/**/*.ts'],
    ignores: ['packages/server/src/modules/*/routes.ts', 'packages/server/src/modules/*/*-routes.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [siblingModuleFile] }] },
  },
  {
    // …nor may the app, jobs, demo, CLI, events, http or realtime code outside the modules.
    files: ['packages/server/src/**/*.ts', 'packages/server/test/**/*.ts'],
    ignores: ['packages/server/src/modules/*/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [moduleFileFromOutside] }] },
  },
  {
    // A route is a schema, an access check and one service call: no database, no SQL, no repository.
    files: ['packages/server/src/modules/*/routes.ts', 'packages/server/src/modules/*/*-routes.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [siblingModuleFile, dataAccess] }] },
  },
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: { ...globals.node } } },
  prettier,
);
