/**
 * The live classroom in the app: loaded only when a teacher goes live or a student joins (the
 * state layer imports it on demand), so the first load of the app does not carry it.
 */
export * from './protocol';
export * from './session';
