/** Hands a file to the browser as a download. Browser only: call it from an event handler. */
export function saveFile(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	// Give the browser time to start reading the file before it is released.
	setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The learner's local date as YYYY-MM-DD, for file names. */
export function localDateStamp(now: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An error's message for the learner: the app's one helper, kept here for the panels that import it. */
export { messageOf } from '$lib/message';
