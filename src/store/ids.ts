/** Short random ids for new nodes and edges; they appear in share links, so they stay short. */
export function newId(prefix: string, taken: ReadonlySet<string> | ((id: string) => boolean)): string {
  const isTaken = typeof taken === 'function' ? taken : (id: string) => taken.has(id);
  for (;;) {
    const id = `${prefix}${Math.random().toString(36).slice(2, 8)}`;
    if (!isTaken(id)) return id;
  }
}
