/** The names of a live session's documents; the server (server/live.ts) checks the same ones. */
export function sessionDocument(session: string): string {
	return `live.${session}.session`;
}
export function rosterDocument(session: string): string {
	return `live.${session}.roster`;
}
export function studentDocument(session: string, student: string): string {
	return `live.${session}.s.${student}`;
}
