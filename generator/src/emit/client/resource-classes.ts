// One file per top-level resource: a class per node of the resource tree,
// each method a one-line call into the hand-written runtime.
import {
  type ClassDeclarationStructure,
  type MethodDeclarationStructure,
  type PropertyDeclarationStructure,
  Scope,
  type SourceFileStructure,
  type StatementStructures,
  StructureKind,
  type TypeAliasDeclarationStructure,
} from 'ts-morph';
import type { Operation, ResourceNode } from '../../model/types.js';
import { operationDoc, paramsTypeName, resourceClassName } from '../names.js';
import { type AliasSet, itemType, paramsType, positionalType, resultType } from '../type-expressions.js';

export function resourceFile(node: ResourceNode, aliases: AliasSet): SourceFileStructure {
  const classes: ClassDeclarationStructure[] = [];
  const types: TypeAliasDeclarationStructure[] = [];
  const usedAliases = new Set<string>();
  const visit = (n: ResourceNode) => {
    classes.push(resourceClass(n, aliases, types, usedAliases));
    n.children.forEach(visit);
  };
  visit(node);
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: '../../core/index.js',
      namedImports: ['APIPromise', 'AsyncOperation', 'PagePromise', 'RequestOptions'].filter((name) =>
        classes.some((c) => JSON.stringify(c).includes(name)),
      ),
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../../core/resource.js', namedImports: ['APIResource'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../operations.js', namedImports: ['ops'] },
    ...(usedAliases.size > 0
      ? [
          {
            kind: StructureKind.ImportDeclaration as const,
            isTypeOnly: true,
            moduleSpecifier: '../schema.js',
            namespaceImport: 'Schema',
          },
        ]
      : []),
    ...types,
    ...classes,
  ];
  return {
    kind: StructureKind.SourceFile,
    statements: statements.filter((s) => !('namedImports' in s) || (s.namedImports as string[]).length > 0),
  };
}

function resourceClass(
  node: ResourceNode,
  aliases: AliasSet,
  types: TypeAliasDeclarationStructure[],
  used: Set<string>,
): ClassDeclarationStructure {
  const properties: PropertyDeclarationStructure[] = node.children.map((child) => ({
    kind: StructureKind.Property,
    name: child.name,
    isReadonly: true,
    scope: Scope.Public,
    type: resourceClassName(child.path),
    initializer: `new ${resourceClassName(child.path)}(this._client)`,
  }));
  const methods: MethodDeclarationStructure[] = node.operations.map((operation) =>
    method(operation, aliases, types, used),
  );
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

function method(
  operation: Operation,
  aliases: AliasSet,
  types: TypeAliasDeclarationStructure[],
  used: Set<string>,
): MethodDeclarationStructure {
  const { signature } = operation;
  const parameters: MethodDeclarationStructure['parameters'] = [];
  const positional = positionalType(operation);
  if (positional) {
    used.add('Schema');
    parameters.push({ name: safeName(signature.positional!), type: positional });
  }
  const params = paramsType(operation);
  if (params) {
    used.add('Schema');
    types.push({
      kind: StructureKind.TypeAlias,
      name: paramsTypeName(operation),
      isExported: true,
      type: params,
      docs: [{ description: `Parameters of \`client.${operation.id}()\`.` }],
    });
    parameters.push({ name: 'params', hasQuestionToken: signature.paramsOptional, type: paramsTypeName(operation) });
  }
  parameters.push({ name: 'options', hasQuestionToken: true, type: 'RequestOptions' });

  const track = (type: string) => {
    if (type.includes('Schema.')) used.add('Schema');
    return type;
  };
  const args = `ops['${operation.id}'], ${positional ? safeName(signature.positional!) : 'undefined'}, ${params ? 'params' : 'undefined'}, options`;
  let returnType: string;
  let body: string;
  if (operation.pagination) {
    returnType = `PagePromise<${track(itemType(operation, aliases))}>`;
    body = `return this._client.page(${args});`;
  } else {
    const result = track(resultType(operation, aliases));
    returnType = operation.async ? `APIPromise<AsyncOperation<${result}>>` : `APIPromise<${result}>`;
    body = `return this._client.call(${args});`;
  }
  return {
    kind: StructureKind.Method,
    name: operation.name,
    docs: [{ description: operationDoc(operation) }],
    parameters,
    returnType,
    statements: [body],
  };
}

/** Path parameter names are valid identifiers in this spec; guard anyway. */
function safeName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_$]/g, '_');
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}
