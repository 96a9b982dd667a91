/**
 * The learner's data on this device. Open the database with `getDatabase()` (or
 * `openDatabase(name)` in tests), then pass it to the functions below.
 */
export * from './articles';
export * from './backup';
export { BACKUP_FORMAT, BACKUP_VERSION } from './backup-schema';
export * from './csv';
export * from './database';
export * from './errors';
export * from './live';
export * from './log';
export * from './quizzes';
export * from './records';
export * from './settings';
export * from './storage';
export * from './study';
export { isQuotaError } from './tx';
