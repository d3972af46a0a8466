import type { Static, TSchema } from 'typebox';

// Both ways assignable and the same keys: a field added, dropped or retyped on either side fails.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? ([keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false) : false) : false;

/**
 * The domain's wire types stay plain TypeScript; a route schema is proved against them at compile time:
 * `wire<ClientRow>()(Type.Object({...}))` fails to compile ("expected 2 arguments") when they differ.
 */
export const wire =
  <Wire>() =>
  <S extends TSchema>(schema: S, ..._proof: Same<Static<S>, Wire> extends true ? [] : [schemaDiffersFromWireType: never]): S =>
    schema;
