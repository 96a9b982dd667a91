export * from './day';
export * from './queue';
export * from './scheduler';
export * from './settings';
export * from './custom';
