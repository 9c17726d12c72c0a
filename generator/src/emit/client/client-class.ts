// The client class: the resource tree on a core client, plus the typed
// openapi-fetch clients of each service as an escape hatch.
import type { SourceFileStructure } from 'ts-morph';
import type { ApiModel, ResourceNode } from '../../model/types.js';
import { resourceClassName, resourceFileName } from '../names.js';
import { Scope, StructureKind } from '../ts-morph.js';

export function clientFile(model: ApiModel, resources: ResourceNode[]): SourceFileStructure {
  const services = model.services.map((s) => s.name).filter((s) => s !== 'provider');
  return {
    kind: StructureKind.SourceFile,
    statements: [
      {
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: true,
        moduleSpecifier: 'openapi-fetch',
        namedImports: ['Client'],
      },
      { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../core/client.js', namedImports: ['CoreClient'] },
      {
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: true,
        moduleSpecifier: '../core/options.js',
        namedImports: ['ClientOptions'],
      },
      { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../core/raw.js', namedImports: ['rawClient'] },
      { kind: StructureKind.ImportDeclaration, moduleSpecifier: './operations.js', namedImports: ['runtimeTable'] },
      {
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: true,
        moduleSpecifier: './schema.js',
        namedImports: ['paths'],
      },
      ...resources.map((node) => ({
        kind: StructureKind.ImportDeclaration as typeof StructureKind.ImportDeclaration,
        moduleSpecifier: `./resources/${resourceFileName(node)}.js`,
        namedImports: [resourceClassName(node.path)],
      })),
      {
        kind: StructureKind.Class,
        name: 'Scalingo',
        isExported: true,
        extends: 'CoreClient',
        docs: [{ description: `Client of the ${model.title} ${model.version}: one property per resource of the API.` }],
        properties: resources.map((node) => ({
          kind: StructureKind.Property,
          name: node.name,
          isReadonly: true,
          scope: Scope.Public,
          type: resourceClassName(node.path),
          initializer: `new ${resourceClassName(node.path)}(this)`,
        })),
        ctors: [
          {
            kind: StructureKind.Constructor,
            parameters: [{ name: 'options', type: 'ClientOptions', initializer: '{}' }],
            statements: ['super(options, runtimeTable);'],
          },
        ],
        getAccessors: [
          {
            kind: StructureKind.GetAccessor,
            name: 'raw',
            docs: [
              {
                description:
                  'The typed openapi-fetch client of each service (same base URLs, credentials, retries), for requests the methods do not cover such as HEAD.',
              },
            ],
            returnType: `{ ${services.map((s) => `readonly ${s}: Client<paths>`).join('; ')} }`,
            statements: [`return { ${services.map((s) => `${s}: rawClient<paths>(this, '${s}')`).join(', ')} };`],
          },
        ],
      },
    ],
  };
}

export function indexFile(resources: ResourceNode[]): SourceFileStructure {
  return {
    kind: StructureKind.SourceFile,
    statements: [
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: './client.js', namedExports: ['Scalingo'] },
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: './operations.js',
        namedExports: ['ops', 'services', 'specVersion'],
      },
      {
        kind: StructureKind.ExportDeclaration,
        isTypeOnly: true,
        moduleSpecifier: './schema.js',
        namespaceExport: 'Schema',
      },
      ...resources.map((node) => ({
        kind: StructureKind.ExportDeclaration as typeof StructureKind.ExportDeclaration,
        moduleSpecifier: `./resources/${resourceFileName(node)}.js`,
      })),
    ],
  };
}
