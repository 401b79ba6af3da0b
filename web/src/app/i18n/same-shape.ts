/** Same keys as the Chinese texts, any string values: the compiler checks the shape, not the words. */
export type SameShape<T> = { [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };
