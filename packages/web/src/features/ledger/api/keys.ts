/** Every ledger query starts here: an action on an item may change any list, count or rate, so it refreshes them all. */
export const ledgerKey = ['ledger'] as const;
