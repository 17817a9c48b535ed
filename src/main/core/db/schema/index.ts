export * from './workspace';
export * from './imports';
export * from './marketing';
export * from './sales';
export * from './commerce';
export * from './results';
export * from './reports';
