/**
 * Exit codes of `postbud`: 0 success, 1 the work failed (invalid MeMo, unreadable input,
 * a refused send), 2 the command was called wrongly (usage).
 * @module
 */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
