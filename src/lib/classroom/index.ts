/**
 * The classroom module without a server: quizzes that travel in a link or QR code, results that
 * come back as short codes, and the teacher's tally. Pure: no DOM, Svelte or Dexie (camera and
 * image reading live in ./scan, the QR drawing in components/classroom/QrCode.svelte).
 */
export {
	LIMITS,
	classroomQuestionSchema,
	classroomQuizSchema,
	type ClassroomQuestion,
	type ClassroomQuestionType,
	type ClassroomQuiz
} from './schema';
export {
	JOIN_PATH,
	QR_BYTE_CAPACITY_M,
	QR_DATA_BITS_M,
	decodeQuizLink,
	encodeQuizLink,
	fitQuizLink,
	linkByteLength,
	linkFitsQr,
	linkQrBits,
	quizHash,
	type DecodedQuizLink,
	type FittedLink,
	type LinkError,
	type LinkForm
} from './link';
export {
	MAX_NAME_BYTES,
	cleanName,
	decodeResult,
	encodeResult,
	type DecodedResult,
	type ReceivedResult,
	type ResultError,
	type StudentResult
} from './result-code';
export {
	OVERRIDDEN,
	answerPoints,
	gradeTypedAnswer,
	isCorrect,
	isOverridden,
	isTextQuestion,
	permutationFromIndex,
	permutationIndex,
	shuffledOrder,
	type StudentAnswer
} from './grade';
export {
	aggregateResults,
	answerLabel,
	resultsToCsv,
	type ClassResults,
	type QuestionStats,
	type StudentRow,
	type WrongAnswer
} from './aggregate';
export { fromDeckQuestion, createClassroomQuiz } from './from-deck';
