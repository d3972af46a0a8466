/**
 * The Excel host for Node tests and the bench: Microsoft's excel-web library, loaded here, sends
 * its requests to an in-memory workbook that answers them as Excel does. See README.md.
 */
import { loadOfficeLibrary } from './load-library';

loadOfficeLibrary();

export * from './browser';
