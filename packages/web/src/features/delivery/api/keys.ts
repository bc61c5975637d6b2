/** Every change here may touch any of the feature's reads: one root key. */
export const deliveryKey = ['delivery'] as const;
