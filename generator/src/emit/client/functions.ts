// The standalone functions, one per operation (`appsList(client, options?)`),
// in one file per top-level resource: what `@scalingo-openapi/client/funcs`
// exports and what the resource classes' methods call. Each references only
// its own operation's spec, so a bundle keeps what it calls.
import type {
  FunctionDeclarationStructure,
  OptionalKind,
  ParameterDeclarationStructure,
  SourceFileStructure,
  StatementStructures,
  TypeAliasDeclarationStructure,
} from 'ts-morph';
import type { Operation, ResourceNode } from '../../model/types.js';
import { functionName, operationDoc, paramsTypeName, resourceFileName, variableName } from '../names.js';
import { StructureKind } from '../ts-morph.js';
import { type AliasSet, itemType, paramsType, positionalType, resultType } from '../type-expressions.js';
import { subtreeOperations } from './operations-table.js';

/** How an operation is called, shared by its function and its resource method. */
export interface CallShape {
  /** Parameters after the client: the positional path parameter, params, options. */
  parameters: OptionalKind<ParameterDeclarationStructure>[];
  /** Names of those parameters, in order, as the runtime takes them. */
  args: { positional: string; params: string };
  returnType: string;
  /** The params type alias, when the operation takes params. */
  paramsAlias?: TypeAliasDeclarationStructure;
  /** Runtime helper sending it. */
  helper: 'call' | 'page' | 'callAsync';
}

export function callShape(operation: Operation, aliases: AliasSet): CallShape {
  const { signature } = operation;
  const parameters: CallShape['parameters'] = [];
  const positional = positionalType(operation);
  if (positional) parameters.push({ name: variableName(signature.positional!), type: positional });
  const params = paramsType(operation);
  let paramsAlias: TypeAliasDeclarationStructure | undefined;
  if (params) {
    paramsAlias = {
      kind: StructureKind.TypeAlias,
      name: paramsTypeName(operation),
      isExported: true,
      type: params,
      docs: [{ description: `Parameters of \`${functionName(operation)}()\` and \`client.${operation.id}()\`.` }],
    };
    parameters.push({ name: 'params', hasQuestionToken: signature.paramsOptional, type: paramsTypeName(operation) });
  }
  parameters.push({ name: 'options', hasQuestionToken: true, type: 'RequestOptions' });
  const args = {
    positional: positional ? variableName(signature.positional!) : 'undefined',
    params: params ? 'params' : 'undefined',
  };
  if (operation.pagination)
    return {
      parameters,
      args,
      paramsAlias,
      helper: 'page',
      returnType: `PagePromise<${itemType(operation, aliases)}>`,
    };
  const result = resultType(operation, aliases);
  return operation.async
    ? { parameters, args, paramsAlias, helper: 'callAsync', returnType: `APIPromise<AsyncOperation<${result}>>` }
    : { parameters, args, paramsAlias, helper: 'call', returnType: `APIPromise<${result}>` };
}

const HELPER_MODULES = { call: 'call', page: 'pagination', callAsync: 'async-operation' } as const;

export function functionsFile(node: ResourceNode, aliases: AliasSet): SourceFileStructure {
  const operations = subtreeOperations(node);
  const shapes = operations.map((operation) => ({ operation, shape: callShape(operation, aliases) }));
  const functions: FunctionDeclarationStructure[] = shapes.map(({ operation, shape }) => ({
    kind: StructureKind.Function,
    name: functionName(operation),
    isExported: true,
    docs: [{ description: operationDoc(operation) }],
    parameters: [{ name: 'client', type: 'CoreClient' }, ...shape.parameters],
    returnType: shape.returnType,
    statements: [
      `return ${shape.helper}(client, specs.${functionName(operation)}, ${shape.args.positional}, ${shape.args.params}, options);`,
    ],
  }));
  const helpers = [...new Set(shapes.map((s) => s.shape.helper))].sort();
  const text = JSON.stringify(functions);
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: '../../core/index.js',
      namedImports: runtimeTypes(helpers),
    },
    ...helpers.map((helper) => ({
      kind: StructureKind.ImportDeclaration as typeof StructureKind.ImportDeclaration,
      moduleSpecifier: `../../core/${HELPER_MODULES[helper]}.js`,
      namedImports: [helper],
    })),
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: '../../core/client.js',
      namedImports: ['CoreClient'],
    },
    ...(text.includes('Schema.') || shapes.some((s) => s.shape.paramsAlias)
      ? [
          {
            kind: StructureKind.ImportDeclaration as typeof StructureKind.ImportDeclaration,
            isTypeOnly: true,
            moduleSpecifier: '../schema.js',
            namespaceImport: 'Schema',
          },
        ]
      : []),
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: `../specs/${resourceFileName(node)}.js`,
      namespaceImport: 'specs',
    },
    ...shapes.flatMap((s) => (s.shape.paramsAlias ? [s.shape.paramsAlias] : [])),
    ...functions,
  ];
  return { kind: StructureKind.SourceFile, statements };
}

/** The runtime types the signatures of these helpers' callers name. */
export function runtimeTypes(helpers: CallShape['helper'][]): string[] {
  return [
    ...(helpers.includes('call') || helpers.includes('callAsync') ? ['APIPromise'] : []),
    ...(helpers.includes('callAsync') ? ['AsyncOperation'] : []),
    ...(helpers.includes('page') ? ['PagePromise'] : []),
    'RequestOptions',
  ];
}

export function functionsIndexFile(resources: ResourceNode[]): SourceFileStructure {
  return {
    kind: StructureKind.SourceFile,
    statements: resources.map((node) => ({
      kind: StructureKind.ExportDeclaration as typeof StructureKind.ExportDeclaration,
      moduleSpecifier: `./${resourceFileName(node)}.js`,
    })),
  };
}
