/** Every ratings query starts here: a review, call-back or appeal may change any list or figure, so it refreshes them all. */
export const ratingsKey = ['ratings'] as const;
