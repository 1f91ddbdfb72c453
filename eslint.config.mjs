// @ts-check
import withNuxt from './.nuxt/eslint.config.mjs'

export default withNuxt(
  {
    ignores: [
      // The shared config ignores every folder named `public` (meant for the static one at the
      // root); these two hold code.
      '!app/components/public',
      '!server/api/public',
      'drizzle/*/meta',
      'bench/results',
      'test-results',
      'playwright-report',
      'tests/.tmp',
      '.data',
    ],
  },
  {
    rules: {
      // Attributes stay on the element's line while it fits and wrap otherwise; a count per line
      // would rewrap some 500 elements without making any of them clearer.
      'vue/max-attributes-per-line': 'off',
      // Double quotes only where the text holds single ones ("'self'" in the CSP), as written.
      '@stylistic/quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: 'always' }],
      // A callback whose body is one statement is written on one line (`() => { up = false }`);
      // the rule counts that as two statements.
      '@stylistic/max-statements-per-line': ['error', { max: 2 }],
      // A union type starts on the line after its `=`, one member per line, each led by `|`.
      '@stylistic/operator-linebreak': ['error', 'before', { overrides: { '=': 'after' } }],
    },
  },
  {
    files: ['tests/**'],
    rules: {
      // Tests read the API's JSON as it comes off the wire: an `any` body lets an assertion name
      // the field it checks, and a wrong shape fails that assertion rather than the compiler.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
)
