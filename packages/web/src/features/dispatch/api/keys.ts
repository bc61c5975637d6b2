/** Every dispatch query starts here: a filed, reviewed or re-targeted report changes the board, the unit and the set-up, so a change refreshes them all. */
export const dispatchKey = ['dispatch'] as const;
