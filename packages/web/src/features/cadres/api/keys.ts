/** Every change to the register may touch any of its reads. */
export const cadresKey = ['cadres'] as const;
