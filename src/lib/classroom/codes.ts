/** Reading what the teacher pastes or scans into result codes. Pure. */
import { JOIN_PATH, decodeResult, type ClassroomQuiz, type ReceivedResult } from './index';

/** Most lines read from one paste: a class, many times over. */
export const MAX_LINES = 500;

export interface CodeRefusal {
	/** 1-based line of the paste, or 0 for a scan. */
	line: number;
	/** The start of what was read, as text, to help find it. */
	excerpt: string;
	message: string;
}

export interface ReadCodes {
	accepted: ReceivedResult[];
	refused: CodeRefusal[];
	/** Lines beyond MAX_LINES, not read. */
	ignored: number;
}

function excerpt(text: string): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > 24 ? `${line.slice(0, 23)}…` : line;
}

/** One code (a pasted line or a scanned text) against the quiz. */
export function readCode(
	text: string,
	quiz: ClassroomQuiz
): { ok: true; result: ReceivedResult } | { ok: false; message: string } {
	if (text.includes(JOIN_PATH) || /^https?:\/\//i.test(text.trim())) {
		return {
			ok: false,
			message:
				'This is a quiz link, not a result code. Students show their result code when they finish the quiz.'
		};
	}
	const decoded = decodeResult(text, quiz);
	return decoded.ok ? decoded : { ok: false, message: decoded.message };
}

/** Every non-empty line of a paste, read as one code each. */
export function readPastedCodes(text: string, quiz: ClassroomQuiz): ReadCodes {
	const lines = text.split(/\r\n|\r|\n/);
	const accepted: ReceivedResult[] = [];
	const refused: CodeRefusal[] = [];
	let ignored = 0;
	lines.forEach((line, i) => {
		if (line.trim() === '') return;
		if (i >= MAX_LINES) {
			ignored++;
			return;
		}
		const read = readCode(line, quiz);
		if (read.ok) accepted.push(read.result);
		else refused.push({ line: i + 1, excerpt: excerpt(line), message: read.message });
	});
	return { accepted, refused, ignored };
}
