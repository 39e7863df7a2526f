import { once } from '../schemas/once.ts';

/**
 * The methods each registered path answers, for `Allow` on 405 and OPTIONS: GET brings HEAD, and every path
 * answers OPTIONS. Read from the routes on first use, when every route is registered.
 */
export function methodTable(routes: () => readonly { path: string; method: string }[]): (path: string) => string | undefined {
  const table = once(() => {
    const methods = new Map<string, Set<string>>();
    for (const { path, method } of routes()) {
      if (method === 'ALL' || path.endsWith('*')) continue;
      const set = methods.get(path) ?? new Set(['OPTIONS']);
      set.add(method);
      if (method === 'GET') set.add('HEAD');
      methods.set(path, set);
    }
    const escaped = (path: string) => path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+');
    return [...methods].map(([path, set]) => ({ pattern: new RegExp(`^${escaped(path)}$`), allow: [...set].sort().join(', ') }));
  });
  return (path) => table().find((r) => r.pattern.test(path))?.allow;
}
