import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	worker: { format: 'es' },
	test: {
		include: ['src/**/*.test.ts', 'server/**/*.test.ts'],
		environment: 'node',
		// A test that asserts nothing passes whatever the code does: every test must assert.
		expect: { requireAssertions: true }
	}
});
