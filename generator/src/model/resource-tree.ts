// The resource tree comes from the dotted operationIds: `apps.variables.list`
// hangs `list` on `variables`, itself under `apps`.
import type { Operation, ResourceNode } from './types.js';

export interface TreeProblem {
  operation: Operation;
  message: string;
}

export function buildResourceTree(operations: Operation[]): { resources: ResourceNode[]; problems: TreeProblem[] } {
  const root: ResourceNode = { name: '', path: [], operations: [], children: [] };
  const problems: TreeProblem[] = [];
  for (const operation of operations) {
    let node = root;
    for (const segment of operation.resource) {
      let child = node.children.find((c) => c.name === segment);
      if (!child) {
        child = { name: segment, path: [...node.path, segment], operations: [], children: [] };
        node.children.push(child);
      }
      node = child;
    }
    const clash = node.operations.find((o) => o.name === operation.name);
    if (clash)
      problems.push({
        operation,
        message: `method name "${operation.name}" is already used by ${clash.id} on the same resource`,
      });
    node.operations.push(operation);
  }
  // A name cannot be both a method and a sub-resource of the same node.
  const check = (node: ResourceNode) => {
    for (const child of node.children) {
      const clash = node.operations.find((o) => o.name === child.name);
      if (clash)
        problems.push({
          operation: clash,
          message: `"${clash.id}" names a method where "${[...child.path].join('.')}" is a resource`,
        });
      check(child);
    }
  };
  check(root);
  sortTree(root);
  return { resources: root.children, problems };
}

function sortTree(node: ResourceNode): void {
  node.children.sort((a, b) => a.name.localeCompare(b.name));
  node.operations.sort((a, b) => a.name.localeCompare(b.name));
  node.children.forEach(sortTree);
}
