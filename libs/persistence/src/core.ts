/**
 * The part of the persistence library that workflow code may import: pure, no TypeORM, no I/O.
 * Everything else is `libs/persistence/src` (index).
 */
export * from './read-model/item-row';
export * from './read-model/projection-input';
