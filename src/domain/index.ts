export * from './api-types';
export * from './columns';
export * from './header-matching';
export * from './row-reading';
export * from './row-validation';
export * from './table-checks';
export * from './import-decision';
export * from './status';
