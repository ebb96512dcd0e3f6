/**
 * @peculiar/x509 builds on tsyringe, which refuses to load without the Reflect metadata API
 * (the `reflect-metadata` polyfill is not among this program's dependencies). This installs the
 * five functions tsyringe and its decorators use, only when they are missing, before x509 is
 * loaded. Metadata is kept per object and property in a WeakMap; getMetadata follows the
 * prototype chain as the polyfill does.
 */
type Key = string | symbol | undefined;
const store = new WeakMap<object, Map<Key, Map<unknown, unknown>>>();

function table(target: object, property: Key, create: boolean): Map<unknown, unknown> | undefined {
  let byProperty = store.get(target);
  if (!byProperty && create) store.set(target, (byProperty = new Map()));
  let entries = byProperty?.get(property);
  if (!entries && create && byProperty) byProperty.set(property, (entries = new Map()));
  return entries;
}

function getOwnMetadata(key: unknown, target: object, property?: Key): unknown {
  return table(target, property, false)?.get(key);
}

function hasOwnMetadata(key: unknown, target: object, property?: Key): boolean {
  return table(target, property, false)?.has(key) ?? false;
}

function getMetadata(key: unknown, target: object, property?: Key): unknown {
  for (let t: object | null = target; t; t = Object.getPrototypeOf(t)) {
    if (hasOwnMetadata(key, t, property)) return getOwnMetadata(key, t, property);
  }
  return undefined;
}

function defineMetadata(key: unknown, value: unknown, target: object, property?: Key): void {
  table(target, property, true)!.set(key, value);
}

export function installReflectMetadata(): void {
  const reflect = Reflect as unknown as Record<string, unknown>;
  if (typeof reflect.getMetadata === 'function') return;
  Object.assign(reflect, {
    getOwnMetadata,
    hasOwnMetadata,
    getMetadata,
    hasMetadata: (key: unknown, target: object, property?: Key) => getMetadata(key, target, property) !== undefined,
    defineMetadata,
    metadata: (key: unknown, value: unknown) => (target: object, property?: Key) => defineMetadata(key, value, target, property),
  });
}
