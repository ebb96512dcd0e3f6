/**
 * Malformed inputs for one contract call, as the JSON text a browser could send. Text, not
 * values, because the worst inputs only exist as text: `__proto__` as a real own key (an object
 * literal would set the prototype instead), lone surrogates as `\ud800` escapes, numbers that JSON
 * can write but a double cannot hold (1e400, 2^53+1), an empty or non-JSON body.
 *
 * Each call's zod schema gives its object keys, so the generator drops, retypes and adds to the
 * fields the call really has. "Malformed" is decided by the contract itself (`isMalformed`):
 * a generated input the schema happens to accept is not sent, since a valid call may write.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { calls, type CallName } from '../../src/shared/contract';

export interface Malformed {
  /** What kind of damage, for the report of a failure. */
  kind: string;
  /** The HTTP body, exactly as sent. */
  text: string;
}

/** The object keys of a call's input, looking through the wrappers zod puts around an object. */
export function inputKeys(schema: z.ZodType): string[] {
  let def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  for (let i = 0; i < 10 && def.type !== 'object'; i++) {
    const inner = (def.in ?? def.innerType ?? def.schema) as { _zod: { def: Record<string, unknown> } } | undefined;
    if (!inner) return [];
    def = inner._zod.def;
  }
  return def.type === 'object' ? Object.keys(def.shape as object) : [];
}

const MEGABYTE_STRING = JSON.stringify('ә'.repeat(10) + 'a'.repeat(1_000_000 - 10));
const DEEP_ARRAYS = '['.repeat(10_000) + ']'.repeat(10_000);
const DEEP_OBJECTS = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
/** Written as text on purpose: 1e400 parses to Infinity, 2^53+1 to 2^53, -0 keeps its sign. */
const LIMIT_NUMBERS = ['1e308', '-1e308', '-0', '9007199254740993', '1e400', '-1e400', '1e-400', '5e-324', '123e99999'];
const LONE_SURROGATES = ['"\\ud800"', '"a\\udfffb"', '"\\udc00\\ud800"', '"Әсем\\ud83d"'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];
const NOT_JSON = ['not json', '{', '{"a":}', "{'a':1}", 'NaN', 'undefined', '\u0000', '{"a":1}{"b":2}'];
const WRONG_TYPES = ['null', '[]', '{}', '""', '"1"', 'true', '0', '[1,2]', '{"a":1}'];

const plausible = fc.oneof(
  fc.constantFrom('1', '2', '"x"', '"application"', '"kk"', 'true', '"2026-01-15"', '"00000000-0000-4000-8000-000000000000"'),
  fc.integer({ min: -3, max: 1000 }).map(String),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
);
const damaged = fc.oneof(
  { arbitrary: fc.constantFrom(...WRONG_TYPES), weight: 4 },
  { arbitrary: fc.constantFrom(...LIMIT_NUMBERS), weight: 3 },
  { arbitrary: fc.constantFrom(...LONE_SURROGATES), weight: 3 },
  { arbitrary: fc.constantFrom(DEEP_ARRAYS, DEEP_OBJECTS), weight: 1 },
  { arbitrary: fc.constant(MEGABYTE_STRING), weight: 1 },
);
const extraKey = fc.oneof(fc.constantFrom(...PROTO_KEYS, 'extra', 'toString', '\ud800'), fc.string({ minLength: 1, maxLength: 8 }));

const objectText = (entries: [string, string][]) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;

/** Random damage to an otherwise plausible object of the call's own keys, or to the whole body. */
function generated(keys: string[]): fc.Arbitrary<Malformed> {
  const template = fc.tuple(...keys.map((k) => plausible.map((v): [string, string] => [k, v])));
  const field = keys.length ? fc.nat({ max: keys.length - 1 }) : fc.constant(-1);
  return fc.oneof(
    fc.tuple(template, field).map(([t, i]) => ({ kind: 'missing field', text: objectText(t.filter((_, j) => j !== i)) })),
    fc.tuple(template, field, damaged).map(([t, i, v]) => ({
      kind: 'wrong value',
      text: objectText(t.map(([k, old], j): [string, string] => [k, j === i ? v : old])),
    })),
    fc.tuple(template, extraKey, fc.oneof(plausible, damaged)).map(([t, k, v]) => ({ kind: 'extra field', text: objectText([...t, [k, v]]) })),
    fc.constantFrom(...NOT_JSON, ...WRONG_TYPES, '').map((text) => ({ kind: 'whole body', text })),
  );
}

/** The same damage for every call whatever the seed: each kind the issue names is tried at least once. */
function fixed(keys: string[]): Malformed[] {
  const first = keys[0] ?? 'extra';
  const others = keys.slice(1).map((k): [string, string] => [k, '1']);
  return [
    { kind: 'empty body', text: '' },
    { kind: 'non-JSON body', text: 'not json' },
    { kind: 'deep arrays', text: DEEP_ARRAYS },
    { kind: 'deep objects', text: DEEP_OBJECTS },
    { kind: '1 MB string', text: objectText([[first, MEGABYTE_STRING], ...others]) },
    { kind: '__proto__ key', text: objectText([['__proto__', '{"role":"admin","polluted":true}'], ...keys.map((k): [string, string] => [k, '1'])]) },
    { kind: 'constructor.prototype keys', text: objectText([['constructor', '{"prototype":{"polluted":true}}'], ['prototype', '{"polluted":true}']]) },
    { kind: 'lone surrogates', text: objectText([[first, LONE_SURROGATES[0]!], ['\udc00', LONE_SURROGATES[2]!]]) },
    { kind: 'numbers at the limits', text: objectText(keys.length ? keys.map((k, i): [string, string] => [k, LIMIT_NUMBERS[i % LIMIT_NUMBERS.length]!]) : [['n', '1e400']]) },
    { kind: 'every field missing, one extra', text: objectText([['extra', '1']]) },
  ];
}

/** The input the web host gives the core for a body (an empty body is `{}`), or the body itself when it is not JSON. */
export function valueOf(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** True when the contract refuses this body for the call (a schema that throws counts as refusing: it must be tried). */
export function isMalformed(name: CallName, text: string): boolean {
  if (text !== '') {
    try {
      JSON.parse(text);
    } catch {
      return true;
    }
  }
  try {
    return !calls[name].input.safeParse(valueOf(text) ?? {}).success;
  } catch {
    return true;
  }
}

/** `count` malformed inputs for the call: the fixed corpus, then fast-check's from a seed of its own. */
export function malformedInputs(name: CallName, seed: number, count: number): Malformed[] {
  const keys = inputKeys(calls[name].input);
  const chosen = fixed(keys).filter((m) => isMalformed(name, m.text));
  const seen = new Set(chosen.map((m) => m.text));
  for (const m of fc.sample(generated(keys), { seed, numRuns: 400 })) {
    if (chosen.length >= count) break;
    if (!seen.has(m.text) && isMalformed(name, m.text)) {
      seen.add(m.text);
      chosen.push(m);
    }
  }
  return chosen;
}
