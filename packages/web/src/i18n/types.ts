/**
 * The shape another language's catalogue must have: exactly the keys of the Chinese one (the source of
 * truth), each leaf any string. A missing key is a type error, and so is an extra one (object literals
 * are checked for excess properties), so `const en: Messages<typeof zh> = { … }` cannot drift.
 */
export type Messages<T> = { readonly [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
