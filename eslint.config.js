import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'.tmp/',
			'node_modules/',
			'test-results/',
			'playwright-report/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node }
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			// The app is always served from the site root, so plain hrefs need no base path.
			'svelte/no-navigation-without-resolve': 'off',
			// Dates and maps here are values passed as arguments or replaced whole, never mutated.
			'svelte/prefer-svelte-reactivity': 'off',
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
		}
	},
	// Layer boundaries (see src/lib/README.md): the arrows point one way, and the linter keeps them.
	{
		// The pure core runs unchanged in Node, the CLI and the worker: no storage, no UI.
		files: ['src/lib/{nlp,generate,srs,quiz,stats}/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['dexie', 'dexie/*', 'svelte', 'svelte/*', '$lib/db', '$lib/db/*', '$app/*'],
							message: 'The core (nlp, generate, srs, quiz, stats) stays pure: no storage or UI.'
						}
					]
				}
			]
		}
	},
	{
		// Storage knows nothing of the UI.
		files: ['src/lib/db/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								'svelte',
								'svelte/*',
								'$app/*',
								'$lib/state',
								'$lib/state/*',
								'$lib/components/*'
							],
							message: 'src/lib/db is storage only: no Svelte, no state, no components.'
						}
					]
				}
			]
		}
	},
	{
		// Screens reach storage only through src/lib/state.
		files: ['src/routes/**/*.{ts,svelte}', 'src/lib/components/**/*.{ts,svelte}'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['dexie', 'dexie/*', '$lib/db', '$lib/db/*'],
							message: 'Routes and components use src/lib/state, never the database directly.'
						}
					]
				}
			]
		}
	},
	{
		// The service worker has its own libraries (webworker, not DOM), so its own project.
		files: ['src/service-worker.ts'],
		languageOptions: {
			parserOptions: { projectService: false, project: './tsconfig.sw.json' }
		}
	},
	{
		files: ['scripts/**/*.mjs'],
		languageOptions: { globals: { ...globals.node } }
	}
);
