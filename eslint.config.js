import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/fixtures/**', 'bench/results*'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // The host page is hostile and Gmail enforces Trusted Types: text stays text.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build nodes or use textContent.' },
        { property: 'outerHTML', message: 'Build nodes or use textContent.' },
        { property: 'insertAdjacentHTML', message: 'Build nodes or use textContent.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object instead of an enum.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never set raw HTML.' },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // Only lib/db opens the database (DESIGN.md: one owner, the background).
    files: ['**/*.{ts,tsx}'],
    ignores: ['lib/db/**', 'tests/**', 'bench/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'dexie', message: 'Only lib/db imports Dexie.' }] }],
    },
  },
);
