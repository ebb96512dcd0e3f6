/**
 * Plain values ⇄ the payload tree. One rule set for every service, so the XML of a payload can
 * be read off its TypeScript type:
 *   - a field is an element named after it; a string is its text; true/false are "true"/"false";
 *   - null (or an absent optional field) is no element at all;
 *   - a list is an element whose children are all named `item` (an empty list: an empty element);
 *   - an object is an element holding its fields.
 * Reading gives strings, lists and objects only; the service's schema (./services) turns them
 * into typed values and refuses anything else.
 */
import type { DataNode } from './envelope';
import { MalformedXml } from './xml';

type Plain = string | number | boolean | null | undefined | Plain[] | { [key: string]: Plain };

function node(name: string, value: Plain): DataNode | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return { name, text: value };
  if (typeof value === 'boolean' || typeof value === 'number') return { name, text: String(value) };
  if (Array.isArray(value)) {
    return { name, children: value.map((v) => node('item', v)).filter((n): n is DataNode => n !== null) };
  }
  return { name, children: toData(value) };
}

export function toData(value: { [key: string]: Plain }): DataNode[] {
  return Object.entries(value)
    .map(([name, v]) => node(name, v))
    .filter((n): n is DataNode => n !== null);
}

export type Read = string | Read[] | { [key: string]: Read };

function read(n: DataNode): Read {
  if ('text' in n) return n.text;
  if (n.children.length > 0 && n.children.every((c) => c.name === 'item')) return n.children.map(read);
  return fromData(n.children);
}

export function fromData(nodes: DataNode[]): { [key: string]: Read } {
  const out: { [key: string]: Read } = Object.create(null);
  for (const n of nodes) {
    if (n.name in out) throw new MalformedXml('payload', `${n.name} appears twice`);
    out[n.name] = read(n);
  }
  return out;
}
