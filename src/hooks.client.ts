/**
 * The last catch: an error no screen handled (a failed load, a throw while rendering) is logged
 * and shown by +error.svelte with its own message, not a bare "Internal Error".
 */
import type { HandleClientError } from '@sveltejs/kit';
import { messageOf } from '$lib/message';

export const handleError: HandleClientError = ({ error, status }) => {
	if (status === 404) return { message: 'Not found' };
	console.error(error);
	return { message: messageOf(error) || 'An unexpected error happened.' };
};
