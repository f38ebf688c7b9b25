/**
 * Graph algorithms over slugs, iterative so that a prerequisite chain
 * thousands deep cannot overflow the stack.
 */

/** Strongly connected components (Tarjan), iterative. Returns components with a cycle: size > 1 or a self-loop. */
export function cyclicComponents(nodes: readonly string[], edges: (node: string) => readonly string[]): string[][] {
  const indexOf = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (indexOf.has(root)) continue;
    const work: { node: string; targets: readonly string[]; next: number }[] = [{ node: root, targets: edges(root), next: 0 }];
    indexOf.set(root, counter);
    lowLink.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      const targets = frame.targets;
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!indexOf.has(target)) {
          indexOf.set(target, counter);
          lowLink.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, targets: edges(target), next: 0 });
        } else if (onStack.has(target)) {
          lowLink.set(frame.node, Math.min(lowLink.get(frame.node)!, indexOf.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) lowLink.set(parent.node, Math.min(lowLink.get(parent.node)!, lowLink.get(frame.node)!));
      if (lowLink.get(frame.node) === indexOf.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1 || frame.targets.includes(frame.node)) components.push(component.reverse());
      }
    }
  }
  return components;
}

/** One concrete cycle through `start` inside a component, as a path that ends where it began (A → B → C → A). */
export function cycleThrough(start: string, members: ReadonlySet<string>, edges: (node: string) => readonly string[]): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  const seen = new Set([start]);
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of edges(node)) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!seen.has(target)) {
        seen.add(target);
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/** All nodes reachable from `start` (excluding it), dependencies first: post-order of an iterative DFS. */
export function dependenciesFirst(start: string, edges: (node: string) => readonly string[]): string[] {
  const order: string[] = [];
  const visited = new Set<string>([start]);
  // Each frame keeps its node's targets: `edges` is called once per node, not once per step.
  const work: { node: string; targets: readonly string[]; next: number }[] = [{ node: start, targets: edges(start), next: 0 }];
  while (work.length > 0) {
    const frame = work.at(-1)!;
    if (frame.next < frame.targets.length) {
      const target = frame.targets[frame.next++]!;
      if (!visited.has(target)) {
        visited.add(target);
        work.push({ node: target, targets: edges(target), next: 0 });
      }
      continue;
    }
    work.pop();
    if (frame.node !== start) order.push(frame.node);
  }
  return order;
}
