/**
 * The results page of one classroom quiz: the saved quiz with the results received so far, and
 * what the teacher does to them (add codes typed, pasted or scanned; remove a student; clear all;
 * export a CSV). The page shows it; this does it. Make one per page visit.
 */
import {
	aggregateResults,
	resultsToCsv,
	type ClassResults,
	type ReceivedResult
} from '$lib/classroom';
import { readCode, readPastedCodes, type CodeRefusal } from '$lib/classroom/codes';
import { messageOf } from '$lib/message';
import {
	addClassroomResults,
	clearClassroomResults,
	loadSavedQuiz,
	removeClassroomResult,
	type SavedClassroomQuiz
} from './classroom';
import { Load } from './load.svelte';

export class ClassroomResults {
	readonly data = new Load(() => loadSavedQuiz());
	/** What the teacher typed or pasted and has not had accepted yet. */
	pasted = $state('');
	/** What the last action did, for the status line. */
	added = $state('');
	refusals = $state.raw<CodeRefusal[]>([]);

	get saved(): SavedClassroomQuiz | undefined {
		return this.data.value;
	}

	readonly results: ClassResults | null = $derived.by(() => {
		const saved = this.saved;
		return saved ? aggregateResults(saved.quiz, saved.results) : null;
	});

	/** Reads the quiz again after a change, keeping the page as it is meanwhile. */
	async #reload(): Promise<void> {
		if (this.saved) this.data.set(await loadSavedQuiz(this.saved.id));
	}

	async #store(accepted: ReceivedResult[]): Promise<string> {
		if (!this.saved || accepted.length === 0) return '';
		const fresh = await addClassroomResults(this.saved.id, accepted);
		await this.#reload();
		const names = accepted.map((r) => r.name).join(', ');
		const again = accepted.length - fresh;
		return fresh === 0
			? `Already received: ${names}.`
			: `Added ${fresh} result${fresh === 1 ? '' : 's'} (${names})${again ? `; ${again} already received` : ''}.`;
	}

	/** Adds the codes in `pasted`; the lines refused stay there, so they can be corrected. */
	async addPasted(): Promise<void> {
		if (!this.saved) return;
		const pasted = this.pasted;
		const read = readPastedCodes(pasted, this.saved.quiz);
		this.refusals = read.refused;
		if (read.accepted.length === 0 && read.refused.length === 0) {
			this.added = '';
			this.refusals = [{ line: 0, excerpt: '', message: 'Type or paste a result code first.' }];
			return;
		}
		try {
			let added = await this.#store(read.accepted);
			if (read.ignored > 0) added += ` ${read.ignored} lines beyond the first 500 were not read.`;
			this.added = added;
			this.pasted = read.refused.length
				? pasted
						.split(/\r\n|\r|\n/)
						.filter((_, i) => read.refused.some((r) => r.line === i + 1))
						.join('\n')
				: '';
		} catch (e) {
			this.refusals = [{ line: 0, excerpt: '', message: messageOf(e) }];
		}
	}

	/** Adds one code read by the camera or from a photo. */
	async addScanned(text: string): Promise<void> {
		if (!this.saved) return;
		const read = readCode(text, this.saved.quiz);
		if (!read.ok) {
			this.added = '';
			const excerpt = text.length > 24 ? `${text.slice(0, 23)}…` : text;
			this.refusals = [{ line: 0, excerpt, message: read.message }];
			return;
		}
		this.refusals = [];
		try {
			this.added = await this.#store([read.result]);
		} catch (e) {
			this.refusals = [{ line: 0, excerpt: '', message: messageOf(e) }];
		}
	}

	/** Removes every result received from students with this name. */
	async remove(name: string): Promise<void> {
		if (!this.saved) return;
		await removeClassroomResult(this.saved.id, name);
		this.added = `Removed ${name}.`;
		await this.#reload();
	}

	async clearAll(): Promise<void> {
		if (!this.saved) return;
		await clearClassroomResults(this.saved.id);
		this.added = 'All results cleared.';
		await this.#reload();
	}

	/** The results as a CSV file, named after the quiz. */
	csv(): { text: string; fileName: string } | null {
		const saved = this.saved;
		if (!saved || !this.results) return null;
		const slug =
			saved.quiz.title
				.toLowerCase()
				.replace(/[^a-z0-9]+/g, '-')
				.replace(/^-|-$/g, '')
				.slice(0, 40) || 'quiz';
		return { text: resultsToCsv(saved.quiz, this.results), fileName: `${slug}-results.csv` };
	}
}
