// One file per top-level resource: a class per node of the resource tree,
// each method a one-line call of the operation's standalone function, so the
// resource client and `@scalingo-openapi/client/funcs` share one
// implementation.
import type {
  ClassDeclarationStructure,
  MethodDeclarationStructure,
  PropertyDeclarationStructure,
  SourceFileStructure,
  StatementStructures,
} from 'ts-morph';
import type { ResourceNode } from '../../model/types.js';
import { functionName, operationDoc, resourceClassName, resourceFileName } from '../names.js';
import { Scope, StructureKind } from '../ts-morph.js';
import type { AliasSet } from '../type-expressions.js';
import { type CallShape, callShape, runtimeTypes } from './functions.js';
import { subtreeOperations } from './operations-table.js';

export function resourceFile(node: ResourceNode, aliases: AliasSet): SourceFileStructure {
  const classes: ClassDeclarationStructure[] = [];
  const helpers = new Set<CallShape['helper']>();
  const visit = (n: ResourceNode) => {
    classes.push(resourceClass(n, aliases, helpers));
    n.children.forEach(visit);
  };
  visit(node);
  const operations = subtreeOperations(node);
  const paramsTypes = operations.flatMap((o) => callShape(o, aliases).paramsAlias?.name ?? []);
  const usesSchema = JSON.stringify(classes).includes('Schema.');
  const funcs = `../funcs/${resourceFileName(node)}.js`;
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: '../../core/index.js',
      namedImports: runtimeTypes([...helpers]),
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../../core/resource.js', namedImports: ['APIResource'] },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: funcs,
      namedImports: [
        ...operations.map((o) => functionName(o)),
        ...paramsTypes.map((name) => ({ name, isTypeOnly: true })),
      ],
    },
    ...(usesSchema
      ? [
          {
            kind: StructureKind.ImportDeclaration as typeof StructureKind.ImportDeclaration,
            isTypeOnly: true,
            moduleSpecifier: '../schema.js',
            namespaceImport: 'Schema',
          },
        ]
      : []),
    ...(paramsTypes.length > 0
      ? [
          {
            kind: StructureKind.ExportDeclaration as typeof StructureKind.ExportDeclaration,
            isTypeOnly: true,
            moduleSpecifier: funcs,
            namedExports: paramsTypes,
          },
        ]
      : []),
    ...classes,
  ];
  return { kind: StructureKind.SourceFile, statements };
}

function resourceClass(
  node: ResourceNode,
  aliases: AliasSet,
  helpers: Set<CallShape['helper']>,
): ClassDeclarationStructure {
  const properties: PropertyDeclarationStructure[] = node.children.map((child) => ({
    kind: StructureKind.Property,
    name: child.name,
    isReadonly: true,
    scope: Scope.Public,
    type: resourceClassName(child.path),
    initializer: `new ${resourceClassName(child.path)}(this._client)`,
  }));
  const methods: MethodDeclarationStructure[] = node.operations.map((operation) => {
    const shape = callShape(operation, aliases);
    helpers.add(shape.helper);
    const args = shape.parameters.map((p) => p.name);
    return {
      kind: StructureKind.Method,
      name: operation.name,
      docs: [{ description: operationDoc(operation) }],
      parameters: shape.parameters,
      returnType: shape.returnType,
      statements: [`return ${functionName(operation)}(this._client, ${args.join(', ')});`],
    };
  });
  return {
    kind: StructureKind.Class,
    name: resourceClassName(node.path),
    isExported: true,
    extends: 'APIResource',
    docs: [{ description: `\`client.${node.path.join('.')}\`` }],
    properties,
    methods,
  };
}
