/**
 * The text to show for anything thrown or rejected: an Error's message, or the value itself as
 * text (a string thrown by a library, a DOMException from storage, an event from a socket).
 */
export function messageOf(error: unknown): string {
	if (error instanceof Error) return error.message;
	if (typeof error === 'string') return error;
	if (error && typeof error === 'object' && 'message' in error) return String(error.message);
	return String(error);
}
