// One lint setup for the whole tree: typescript-eslint's type-checked recommendations plus a few chosen rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', '*.config.js', '.ci/**', 'infra/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // type-only imports keep runtime imports honest under verbatimModuleSyntax
      '@typescript-eslint/consistent-type-imports': 'error',
      // a forgotten await silently drops errors and breaks ordering guarantees
      '@typescript-eslint/no-floating-promises': 'error',
      // unused bindings are usually a bug; a leading underscore marks the deliberate ones
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // library code logs through the structured logger
      'no-console': 'error',
      // exhaustive switches end in UnreachableCaseError instead
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    files: [
      '**/*.test.ts',
      'test/**/*.ts',
      '**/bin/**/*.ts',
      '**/mint-token.ts',
      '**/print-schema.ts',
      '**/main.ts',
    ],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // assertions read untyped JSON (GraphQL responses, jest matchers); the test itself is the type check
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
);
