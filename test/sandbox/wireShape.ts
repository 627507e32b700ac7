// Checks a JSON answer against the response type an endpoint row declares (the `Res` of `endpoint<Req, Res>(…)` in
// src/exchange/endpoints/), read with the TypeScript compiler: the object's keys (required ⊆ present ⊆ declared),
// `Decimal` fields as decimal strings, literal enums, and nested objects. Arrays are checked on their first element.
import ts from 'typescript';

const ENDPOINTS = new URL('../../src/exchange/endpoints.ts', import.meta.url).pathname;
const ROWS_DIR = new URL('../../src/exchange/endpoints/', import.meta.url).pathname;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const MAX_DEPTH = 8;

/** The response type one endpoint row declares. */
export interface WireResponse {
  /** As written in the row (`Market[]`). */
  readonly text: string;
  /** A JSON array of rows. */
  readonly list: boolean;
  /** Problems found (empty = the value fits). */
  check(value: unknown): string[];
}

export interface WireShapes {
  /** The response type of the row named `endpoint` (undefined when the table has no such row). */
  response(endpoint: string): WireResponse | undefined;
}

/** Each row's `Res` type argument, by the row's key in its area's table. */
function responseNodes(program: ts.Program): Map<string, ts.TypeNode> {
  const nodes = new Map<string, ts.TypeNode>();
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAssignment(node) &&
      ts.isCallExpression(node.initializer) &&
      ts.isIdentifier(node.initializer.expression) &&
      node.initializer.expression.text === 'endpoint' &&
      node.initializer.typeArguments?.[1] !== undefined
    ) {
      nodes.set(node.name.getText(), node.initializer.typeArguments[1]);
    }
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) if (file.fileName.startsWith(ROWS_DIR)) visit(file);
  return nodes;
}

export function loadWireShapes(): WireShapes {
  const program = ts.createProgram([ENDPOINTS], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: [],
  });
  const checker = program.getTypeChecker();
  const responses = responseNodes(program);

  const isNullValue = (value: unknown): boolean => value === null || value === undefined;

  function primitive(value: unknown, type: ts.Type, path: string, problems: string[]): boolean {
    const flags = type.flags;
    if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
    if (flags & ts.TypeFlags.StringLiteral)
      return (
        value === (type as ts.StringLiteralType).value ||
        !!problems.push(`${path}: expected "${(type as ts.StringLiteralType).value}", got ${JSON.stringify(value)}`)
      );
    if (flags & ts.TypeFlags.NumberLiteral)
      return (
        value === (type as ts.NumberLiteralType).value ||
        !!problems.push(`${path}: expected ${(type as ts.NumberLiteralType).value}`)
      );
    if (flags & ts.TypeFlags.BooleanLiteral)
      return typeof value === 'boolean' || !!problems.push(`${path}: expected a boolean`);
    if (flags & ts.TypeFlags.String)
      return typeof value === 'string' || !!problems.push(`${path}: expected a string, got ${JSON.stringify(value)}`);
    if (flags & ts.TypeFlags.Number)
      return typeof value === 'number' || !!problems.push(`${path}: expected a number, got ${JSON.stringify(value)}`);
    if (flags & ts.TypeFlags.Boolean)
      return typeof value === 'boolean' || !!problems.push(`${path}: expected a boolean, got ${JSON.stringify(value)}`);
    if (flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void))
      return isNullValue(value) || !!problems.push(`${path}: expected null`);
    return false;
  }

  /** Tries each alternative; passes when one fits, else reports the closest (fewest problems). */
  function oneOf(alternatives: readonly ((into: string[]) => void)[], problems: string[]): void {
    let best: string[] | null = null;
    for (const attempt of alternatives) {
      const found: string[] = [];
      attempt(found);
      if (found.length === 0) return;
      if (best === null || found.length < best.length) best = found;
    }
    problems.push(...(best ?? []));
  }

  function checkNode(value: unknown, node: ts.TypeNode, path: string, depth: number, problems: string[]): void {
    if (depth > MAX_DEPTH) return;
    if (ts.isParenthesizedTypeNode(node)) return checkNode(value, node.type, path, depth, problems);
    if (ts.isUnionTypeNode(node)) {
      const nullable = node.types.some(
        (member) =>
          member.kind === ts.SyntaxKind.UndefinedKeyword ||
          (ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword),
      );
      if (isNullValue(value)) {
        if (!nullable) problems.push(`${path}: null where the type has no null`);
        return;
      }
      const members = node.types.filter(
        (member) =>
          !(
            member.kind === ts.SyntaxKind.UndefinedKeyword ||
            (ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword)
          ),
      );
      return oneOf(
        members.map((member) => (into: string[]) => checkNode(value, member, path, depth + 1, into)),
        problems,
      );
    }
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === 'Decimal') {
      if (typeof value !== 'string' || !DECIMAL.test(value))
        problems.push(`${path}: expected a decimal string, got ${JSON.stringify(value)}`);
      return;
    }
    if (ts.isArrayTypeNode(node)) {
      if (!Array.isArray(value)) return void problems.push(`${path}: expected an array`);
      if (value.length > 0) checkNode(value[0], node.elementType, `${path}[0]`, depth + 1, problems);
      return;
    }
    if (ts.isTupleTypeNode(node)) {
      if (!Array.isArray(value) || value.length !== node.elements.length)
        return void problems.push(`${path}: expected a ${node.elements.length}-tuple`);
      node.elements.forEach((element, i) =>
        checkNode(
          value[i],
          ts.isNamedTupleMember(element) ? element.type : element,
          `${path}[${i}]`,
          depth + 1,
          problems,
        ),
      );
      return;
    }
    if (ts.isTypeReferenceNode(node)) {
      const symbol = checker.getSymbolAtLocation(node.typeName);
      const target =
        symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const declaration = target?.declarations?.[0];
      // Aliases (`DepthLevel`, `Balances` …) are followed to their definition, so `Decimal` stays visible.
      if (
        declaration !== undefined &&
        ts.isTypeAliasDeclaration(declaration) &&
        (node.typeArguments?.length ?? 0) === 0
      ) {
        return checkNode(value, declaration.type, path, depth + 1, problems);
      }
      if (target?.name === 'Record' && node.typeArguments?.[1] !== undefined) {
        if (typeof value !== 'object' || value === null || Array.isArray(value))
          return void problems.push(`${path}: expected an object`);
        const valueNode = node.typeArguments[1];
        for (const [key, item] of Object.entries(value))
          checkNode(item, valueNode, `${path}.${key}`, depth + 1, problems);
        return;
      }
    }
    checkType(value, checker.getTypeFromTypeNode(node), path, depth + 1, problems);
  }

  function checkType(value: unknown, type: ts.Type, path: string, depth: number, problems: string[]): void {
    if (depth > MAX_DEPTH) return;
    if (type.isUnion()) {
      const nullable = type.types.some((member) => member.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined));
      if (isNullValue(value)) {
        if (!nullable) problems.push(`${path}: null where the type has no null`);
        return;
      }
      // `boolean` is the union true | false; enum arrays are unions of literals.
      const members = type.types.filter((member) => !(member.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
      return oneOf(
        members.map((member) => (into: string[]) => checkType(value, member, path, depth + 1, into)),
        problems,
      );
    }
    if (primitive(value, type, path, problems)) return;
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      if (!Array.isArray(value)) return void problems.push(`${path}: expected an array`);
      const element = checker.getTypeArguments(type as ts.TypeReference)[0];
      if (value.length > 0 && element !== undefined) checkType(value[0], element, `${path}[0]`, depth + 1, problems);
      return;
    }
    if (!(type.flags & ts.TypeFlags.Object) && !type.isIntersection()) return;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return void problems.push(`${path}: expected an object, got ${JSON.stringify(value)}`);
    const record = value as Record<string, unknown>;
    const properties = checker.getPropertiesOfType(type);
    const index = checker.getIndexInfosOfType(type)[0];
    const declared = new Set(properties.map((p) => p.name));
    for (const key of Object.keys(record)) {
      if (declared.has(key)) continue;
      if (index !== undefined) checkType(record[key], index.type, `${path}.${key}`, depth + 1, problems);
      else problems.push(`${path}.${key}: not a key of the wire type`);
    }
    for (const property of properties) {
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      const present = Object.hasOwn(record, property.name);
      if (!present) {
        if (!optional) problems.push(`${path}.${property.name}: missing`);
        continue;
      }
      const declaration = property.valueDeclaration;
      const node = declaration !== undefined && ts.isPropertySignature(declaration) ? declaration.type : undefined;
      // Optional keys may also be null (the wire's `?` keys).
      if (optional && record[property.name] === null) continue;
      if (node !== undefined) checkNode(record[property.name], node, `${path}.${property.name}`, depth + 1, problems);
      else
        checkType(
          record[property.name],
          checker.getTypeOfSymbol(property),
          `${path}.${property.name}`,
          depth + 1,
          problems,
        );
    }
  }

  return {
    response(endpoint) {
      const node = responses.get(endpoint);
      if (node === undefined) return undefined;
      const text = node.getText();
      const list = ts.isArrayTypeNode(node);
      return {
        text,
        list,
        check(value) {
          const problems: string[] = [];
          if (!list) {
            checkNode(value, node, '$', 0, problems);
            return problems;
          }
          if (!Array.isArray(value)) return [`$: expected an array of ${text}`];
          checkNode(value[0], node.elementType, '$[0]', 0, problems);
          return problems;
        },
      };
    },
  };
}
