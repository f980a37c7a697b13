/**
 * The public API's documentation check, on the TypeScript compiler API: every export of an entry point has a TSDoc
 * comment, and so has every public member the library declares on an exported class, interface or object type;
 * every library type an export's signature refers to is exported from the same entry, so users (and the API
 * reference) can name it.
 */
import * as path from "path";
import * as ts from "typescript";

/** One offender: where it is declared and what is wrong with it. */
export interface ApiProblem {
  /** Path relative to the root given to the check, with forward slashes. */
  readonly file: string;
  /** 1-based line of the declaration's name. */
  readonly line: number;
  /** `Export`, `Export.member`, or the referenced type's own name. */
  readonly name: string;
  readonly kind: "undocumented" | "not exported";
  /** For "not exported": the export whose signature refers to it. */
  readonly usedBy?: string;
}

export interface ApiCheckOptions {
  /** Entry modules, absolute paths. */
  readonly entries: readonly string[];
  /** Declarations in files under this directory (outside node_modules) are the library's. */
  readonly libraryDir: string;
  /** File names in problems are relative to this directory. */
  readonly rootDir: string;
  readonly compilerOptions: ts.CompilerOptions;
}

/** `file:line name`, one offender a line, sorted. */
export function formatProblems(problems: readonly ApiProblem[]): string[] {
  return problems.map((p) => `${p.file}:${p.line} ${p.name}${p.usedBy ? ` (used by ${p.usedBy})` : ""}`).sort();
}

/** The project's compiler options, read from a tsconfig.json. */
export function compilerOptionsOf(tsconfigPath: string): ts.CompilerOptions {
  const { config, error } = ts.readConfigFile(tsconfigPath, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  const { options, errors } = ts.convertCompilerOptionsFromJson(config.compilerOptions, path.dirname(tsconfigPath));
  if (errors.length) throw new Error(errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, "\n")).join("\n"));
  return { ...options, noEmit: true, declaration: false };
}

const NON_PUBLIC = ts.ModifierFlags.Private | ts.ModifierFlags.Protected;

export function checkApiDocs(options: ApiCheckOptions): ApiProblem[] {
  const program = ts.createProgram({ rootNames: [...options.entries], options: options.compilerOptions });
  const checker = program.getTypeChecker();
  const libraryDir = path.resolve(options.libraryDir) + path.sep;
  const problems = new Map<string, ApiProblem>();

  const inLibrary = (d: ts.Node): boolean => {
    const file = path.resolve(d.getSourceFile().fileName);
    return file.startsWith(libraryDir) && !file.includes(`${path.sep}node_modules${path.sep}`);
  };
  const libraryDeclarations = (s: ts.Symbol): ts.Declaration[] => (s.declarations ?? []).filter(inLibrary);
  const resolve = (s: ts.Symbol): ts.Symbol => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  const hasText = (parts: ts.SymbolDisplayPart[]): boolean => ts.displayPartsToString(parts).trim() !== "";

  function report(at: ts.Node, name: string, kind: ApiProblem["kind"], usedBy?: string): void {
    const source = at.getSourceFile();
    const named = ts.getNameOfDeclaration(at as ts.Declaration) ?? at;
    const line = source.getLineAndCharacterOfPosition(named.getStart(source)).line + 1;
    const file = path.relative(options.rootDir, source.fileName).split(path.sep).join("/");
    const key = `${kind} ${file}:${line} ${name} ${usedBy ?? ""}`;
    if (!problems.has(key)) problems.set(key, { file, line, name, kind, ...(usedBy ? { usedBy } : {}) });
  }

  /** `@internal` marks what is not public API: the reference leaves it out (excludeInternal) and so does the check. */
  const isInternal = (d: ts.Node): boolean => ts.getJSDocTags(d).some((t) => t.tagName.text === "internal");
  const isPublic = (d: ts.Declaration): boolean =>
    !(ts.getCombinedModifierFlags(d) & NON_PUBLIC) && !(ts.getNameOfDeclaration(d) && ts.isPrivateIdentifier(ts.getNameOfDeclaration(d)!)) && !isInternal(d);

  /** `Owner.member`, `Owner.member.nested`: a member named by where it is declared, whichever export reaches it. */
  function qualifiedName(declaration: ts.Node): string {
    const names: string[] = [];
    for (let node: ts.Node | undefined = declaration; node && !ts.isSourceFile(node); node = node.parent) {
      if (ts.isParameter(node)) {
        // A parameter property (`constructor(readonly code: string)`) is a member of the class, not of its constructor.
        names.unshift(node.name.getText());
        node = node.parent;
        continue;
      }
      const name = ts.isConstructorDeclaration(node) ? "constructor" : ts.getNameOfDeclaration(node as ts.Declaration)?.getText();
      const named = [
        ts.isClassElement,
        ts.isTypeElement,
        ts.isObjectLiteralElementLike,
        ts.isClassDeclaration,
        ts.isInterfaceDeclaration,
        ts.isTypeAliasDeclaration,
        ts.isEnumDeclaration,
        ts.isEnumMember,
        ts.isVariableDeclaration,
      ];
      if (name && named.some((is) => is(node as ts.Node))) {
        names.unshift(name);
      }
    }
    return names.join(".");
  }

  /** A member the library declares, public, with its comment (inherited comments from a base member count). */
  function checkMember(member: ts.Symbol): void {
    const declarations = libraryDeclarations(member);
    if (declarations.length === 0 || !declarations.every(isPublic)) return;
    if (member.flags & ts.SymbolFlags.Prototype) return;
    if (!hasText(member.getDocumentationComment(checker))) report(declarations[0], qualifiedName(declarations[0]), "undocumented");
    for (const d of declarations) checkInlineTypeLiterals(d);
  }

  /** Members of object types written inline in a member's or alias's type (`network: { vpcId: ... }`). */
  function checkInlineTypeLiterals(declaration: ts.Node): void {
    const typeNode = (declaration as { type?: ts.TypeNode }).type;
    if (!typeNode) return;
    const visit = (node: ts.Node): void => {
      if (ts.isTypeLiteralNode(node)) {
        for (const m of node.members) {
          const s = m.name ? checker.getSymbolAtLocation(m.name) : undefined;
          if (s) checkMember(s);
        }
        return;
      }
      if (ts.isFunctionTypeNode(node)) return;
      ts.forEachChild(node, visit);
    };
    visit(typeNode);
  }

  /** A comment on the declaration itself: TypeDoc documents a class merged with an interface, or a const with a type, by each one's own. */
  const ownDoc = (d: ts.Node): boolean => ts.getJSDocCommentsAndTags(d).some((j) => ts.isJSDoc(j) && (ts.getTextOfJSDocComment(j.comment) ?? "").trim() !== "");

  function checkDocumented(name: string, symbol: ts.Symbol): void {
    const declarations = libraryDeclarations(symbol);
    if (declarations.length === 0) return;
    if (symbol.flags & ts.SymbolFlags.Function) {
      // Overloads: one comment for the function is enough.
      if (!hasText(symbol.getDocumentationComment(checker))) report(declarations[0], name, "undocumented");
    } else {
      for (const d of declarations.filter((d) => !ownDoc(d))) report(d, name, "undocumented");
    }
    if (symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) {
      for (const member of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol))) checkMember(member);
    }
    if (symbol.flags & ts.SymbolFlags.Class) {
      const constructorType = checker.getTypeOfSymbol(symbol);
      for (const member of checker.getPropertiesOfType(constructorType)) checkMember(member);
      for (const d of declarations.filter(ts.isClassDeclaration)) {
        for (const c of d.members.filter(ts.isConstructorDeclaration)) {
          if (!isPublic(c)) continue;
          const signature = checker.getSignatureFromDeclaration(c);
          if (!signature || !hasText(signature.getDocumentationComment(checker))) report(c, qualifiedName(c), "undocumented");
        }
      }
    }
    if (symbol.flags & ts.SymbolFlags.Enum) {
      for (const member of checker.getExportsOfModule(symbol)) checkMember(member);
    }
    for (const d of declarations) if (ts.isTypeAliasDeclaration(d)) checkInlineTypeLiterals(d);
    // A const object whose type is its literal (`{ A: "a" } as const`): its properties are the API, as an enum's members are.
    for (const d of declarations) {
      if (!ts.isVariableDeclaration(d) || d.type || !d.initializer) continue;
      let value: ts.Expression = d.initializer;
      while (ts.isAsExpression(value) || ts.isSatisfiesExpression(value) || ts.isParenthesizedExpression(value)) value = value.expression;
      if (!ts.isObjectLiteralExpression(value)) continue;
      for (const property of value.properties) {
        const member = property.name && checker.getSymbolAtLocation(property.name);
        if (member) checkMember(member);
      }
    }
  }

  /** Library types an exported declaration's signature names (or, where it is inferred, its type holds). */
  function checkReferences(name: string, symbol: ts.Symbol, exported: Set<ts.Symbol>): void {
    const requireExported = (referenced: ts.Symbol | undefined): void => {
      if (!referenced) return;
      const target = resolve(referenced);
      if (target.flags & ts.SymbolFlags.TypeParameter || exported.has(target)) return;
      const declarations = libraryDeclarations(target);
      if (declarations.length) report(declarations[0], target.getName(), "not exported", name);
    };
    const leftmost = (n: ts.EntityName | ts.Expression): ts.Node => {
      let node: ts.Node = n;
      while (ts.isQualifiedName(node) || ts.isPropertyAccessExpression(node)) node = ts.isQualifiedName(node) ? node.left : node.expression;
      return node;
    };
    const seen = new Set<ts.Type>();
    const walkType = (type: ts.Type): void => {
      if (seen.has(type)) return;
      seen.add(type);
      if (type.aliasSymbol) {
        requireExported(type.aliasSymbol);
        type.aliasTypeArguments?.forEach(walkType);
        return;
      }
      if (type.isUnionOrIntersection()) return type.types.forEach(walkType);
      if (type.flags & ts.TypeFlags.EnumLiteral && type.symbol?.flags & ts.SymbolFlags.EnumMember) {
        return requireExported((type.symbol as ts.Symbol & { parent?: ts.Symbol }).parent);
      }
      if (!(type.flags & ts.TypeFlags.Object)) return;
      const object = type as ts.ObjectType;
      if (object.objectFlags & ts.ObjectFlags.Reference) {
        requireExported((type as ts.TypeReference).target.symbol);
        checker.getTypeArguments(type as ts.TypeReference).forEach(walkType);
        return;
      }
      if (type.symbol && type.symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.Enum)) {
        return requireExported(type.symbol);
      }
      for (const p of checker.getPropertiesOfType(type)) walkType(checker.getTypeOfSymbol(p));
      for (const signature of [...type.getCallSignatures(), ...type.getConstructSignatures()]) {
        for (const p of signature.getParameters()) walkType(checker.getTypeOfSymbol(p));
        walkType(signature.getReturnType());
      }
    };
    const visit = (node: ts.Node): void => {
      if (ts.isBlock(node)) return;
      if ((ts.isClassElement(node) || ts.isParameter(node)) && !isPublic(node as ts.Declaration)) return;
      if (ts.isTypeReferenceNode(node)) requireExported(checker.getSymbolAtLocation(leftmost(node.typeName)));
      else if (ts.isExpressionWithTypeArguments(node)) requireExported(checker.getSymbolAtLocation(leftmost(node.expression)));
      else if (ts.isTypeQueryNode(node)) requireExported(checker.getSymbolAtLocation(leftmost(node.exprName)));
      if (ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node) || ts.isParameter(node)) {
        // The initializer is not the signature; its type is, where no annotation states it.
        if (node.type) visit(node.type);
        else walkType(checker.getTypeAtLocation(node.name));
        return;
      }
      if (ts.isFunctionLike(node) && !node.type && !ts.isConstructorDeclaration(node) && !ts.isSetAccessorDeclaration(node)) {
        const signature = checker.getSignatureFromDeclaration(node);
        if (signature) walkType(signature.getReturnType());
      }
      ts.forEachChild(node, visit);
    };
    for (const d of libraryDeclarations(symbol)) visit(d);
  }

  for (const entry of options.entries) {
    const source = program.getSourceFile(entry);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`${entry}: not a module the program could load`);
    const exports = checker.getExportsOfModule(module).map((s) => [s.getName(), resolve(s)] as const);
    const exported = new Set(exports.map(([, s]) => s));
    for (const [name, symbol] of exports) {
      checkDocumented(name, symbol);
      checkReferences(name, symbol, exported);
    }
  }
  return [...problems.values()];
}
