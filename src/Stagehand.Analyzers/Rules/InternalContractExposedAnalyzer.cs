using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Stagehand.Analyzers.Infrastructure;
using Stagehand.Schema;

namespace Stagehand.Analyzers.Rules;

/// <summary>
/// STH0001: an internal contract reaches a public surface. In C#, a publicly visible member (or a public type's base
/// type, interface or constraint) whose signature mentions a type marked <c>[ContractType(..., ContractVisibility.Internal)]</c>.
/// In schemas, a public schema whose <c>$ref</c> reaches an internal schema, directly or through other public ones.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InternalContractExposedAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The STH0001 descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIdentifiers.InternalContractExposed,
        title: "Internal contract exposed",
        messageFormat: "{0} exposes the internal contract {1}",
        category: RuleCategories.Contracts,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Internal contracts (x-stagehand-visibility: internal) must never appear in a public surface: not in the signature of a publicly visible C# member, and not behind a $ref of a public schema.",
        helpLinkUri: Infrastructure.Rules.HelpLinkBase + RuleIdentifiers.InternalContractExposed + ".md");

    private const string ReachKey = "STH0001.InternalReach";

    private static readonly SymbolDisplayFormat MemberFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeParameters,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            SchemaAnalysis.RegisterSchemaFileAction(start, SchemaAnalysis.GetSchemas(start.Options, start.CancellationToken), AnalyzeSchema);

            if (!ReferencesContracts(start.Compilation))
            {
                return;
            }

            var cache = new ContractTypeCache(start.Compilation);
            start.RegisterSymbolAction(
                symbolContext => AnalyzeSymbol(symbolContext, cache),
                SymbolKind.NamedType, SymbolKind.Method, SymbolKind.Property, SymbolKind.Field, SymbolKind.Event);
        });
    }

    private static bool ReferencesContracts(Compilation compilation) =>
        compilation.GetTypeByMetadataName(ContractSymbols.ContractTypeAttributeMetadataName) is not null
        || !compilation.GetTypesByMetadataName(ContractSymbols.ContractTypeAttributeMetadataName).IsEmpty;

    // ---- C# ---------------------------------------------------------------------------------------------

    private static void AnalyzeSymbol(SymbolAnalysisContext context, ContractTypeCache cache)
    {
        var symbol = context.Symbol;
        if (symbol.IsImplicitlyDeclared || symbol.Locations.IsEmpty || !IsPubliclyVisible(symbol) || InsideInternalContract(symbol, cache))
        {
            return;
        }

        var walker = new Walker(cache);
        switch (symbol)
        {
            case INamedTypeSymbol type:
                if (type.BaseType is { SpecialType: not SpecialType.System_Object } baseType)
                {
                    walker.Visit(baseType);
                }

                foreach (var @interface in type.Interfaces)
                {
                    walker.Visit(@interface);
                }

                walker.VisitConstraints(type.TypeParameters);
                if (type.DelegateInvokeMethod is { } invoke)
                {
                    walker.VisitSignature(invoke);
                }

                break;
            case IMethodSymbol method:
                if (method.MethodKind is MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd
                    or MethodKind.EventRemove or MethodKind.EventRaise or MethodKind.DelegateInvoke)
                {
                    return;
                }

                walker.VisitSignature(method);
                walker.VisitConstraints(method.TypeParameters);
                break;
            case IPropertySymbol property:
                walker.Visit(property.Type);
                foreach (var parameter in property.Parameters)
                {
                    walker.Visit(parameter.Type);
                }

                break;
            case IFieldSymbol field:
                walker.Visit(field.Type);
                break;
            case IEventSymbol @event:
                walker.Visit(@event.Type);
                break;
        }

        var found = walker.Found;
        if (found is null)
        {
            return;
        }

        var names = string.Join(", ", found.Select(t => "'" + t.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty) + "'"));
        var what = (symbol is INamedTypeSymbol ? "The public type '" : "The public member '") + symbol.ToDisplayString(MemberFormat) + "'";
        context.ReportDiagnostic(Diagnostic.Create(Rule, symbol.Locations[0], what, names));
    }

    /// <summary>Whether code outside the assembly can see <paramref name="symbol"/>: public or protected all the way out.</summary>
    private static bool IsPubliclyVisible(ISymbol symbol)
    {
        for (var current = symbol; current is not null && current.Kind != SymbolKind.Namespace; current = current.ContainingType)
        {
            switch (current.DeclaredAccessibility)
            {
                case Accessibility.Public:
                    break;
                case Accessibility.Protected:
                case Accessibility.ProtectedOrInternal:
                    if (current.ContainingType is null or { IsSealed: true } or { TypeKind: TypeKind.Struct })
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>Members of an internal contract type (generated ones refer to each other) are not a public surface.</summary>
    private static bool InsideInternalContract(ISymbol symbol, ContractTypeCache cache)
    {
        for (var type = symbol as INamedTypeSymbol ?? symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            if (IsInternalContract(type, cache))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInternalContract(INamedTypeSymbol type, ContractTypeCache cache) =>
        cache.IsInternalContract(type);

    /// <summary>
    /// Which types are internal contracts, computed once per type per compilation. A type from an assembly that neither
    /// is nor references Stagehand.Contracts (the BCL, most packages) cannot carry the attribute, so its attributes are
    /// never decoded.
    /// </summary>
    private sealed class ContractTypeCache
    {
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _types = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IAssemblySymbol, bool> _assemblies = new(SymbolEqualityComparer.Default);
        private readonly IAssemblySymbol _source;

        public ContractTypeCache(Compilation compilation) => _source = compilation.Assembly;

        public bool IsInternalContract(INamedTypeSymbol type)
        {
            if (_types.TryGetValue(type, out var known))
            {
                return known;
            }

            var result = MayHoldContracts(type.ContainingAssembly) && ContractSymbols.IsInternalContract(type);
            return _types.GetOrAdd(type, result);
        }

        private bool MayHoldContracts(IAssemblySymbol? assembly)
        {
            if (assembly is null)
            {
                return false;
            }

            if (_assemblies.TryGetValue(assembly, out var known))
            {
                return known;
            }

            var result = SymbolEqualityComparer.Default.Equals(assembly, _source)
                || assembly.Name == ContractSymbols.Namespace
                || assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == ContractSymbols.Namespace))
                || assembly.GetTypeByMetadataName(ContractSymbols.ContractTypeAttributeMetadataName) is not null;
            return _assemblies.GetOrAdd(assembly, result);
        }
    }

    /// <summary>Collects the internal contract types a signature mentions, through arrays, generics, tuples and nesting.</summary>
    private struct Walker
    {
        private readonly ContractTypeCache _cache;

        public Walker(ContractTypeCache cache)
        {
            _cache = cache;
            Found = null;
        }

        /// <summary>The internal contract types found, or null when there is none (the common case allocates nothing).</summary>
        public List<INamedTypeSymbol>? Found { get; private set; }

        public void VisitSignature(IMethodSymbol method)
        {
            if (!method.ReturnsVoid)
            {
                Visit(method.ReturnType);
            }

            foreach (var parameter in method.Parameters)
            {
                Visit(parameter.Type);
            }
        }

        public void VisitConstraints(ImmutableArray<ITypeParameterSymbol> typeParameters)
        {
            foreach (var typeParameter in typeParameters)
            {
                foreach (var constraint in typeParameter.ConstraintTypes)
                {
                    Visit(constraint);
                }
            }
        }

        public void Visit(ITypeSymbol? type)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    Visit(array.ElementType);
                    break;
                case IPointerTypeSymbol pointer:
                    Visit(pointer.PointedAtType);
                    break;
                case IFunctionPointerTypeSymbol functionPointer:
                    VisitSignature(functionPointer.Signature);
                    break;
                case INamedTypeSymbol named:
                    var definition = named.OriginalDefinition;
                    if (IsInternalContract(definition, _cache))
                    {
                        Found ??= new List<INamedTypeSymbol>();
                        if (!Found.Contains(definition, SymbolEqualityComparer.Default))
                        {
                            Found.Add(definition);
                        }
                    }

                    if (named.IsGenericType)
                    {
                        foreach (var argument in named.TypeArguments)
                        {
                            Visit(argument);
                        }
                    }

                    if (named.ContainingType is not null)
                    {
                        Visit(named.ContainingType);
                    }

                    break;
            }
        }
    }

    // ---- schemas ----------------------------------------------------------------------------------------

    private static void AnalyzeSchema(AdditionalFileAnalysisContext context, SchemaSet schemas, SchemaFile file)
    {
        if (!file.IsPublic)
        {
            return;
        }

        var reach = schemas.GetOrAdd(ReachKey, static set => new InternalReach(set));
        foreach (var node in SchemaWalker.DescendantsAndSelf(file.Root!))
        {
            if (node.Ref is null)
            {
                continue;
            }

            var target = schemas.Resolve(file, node, node.Ref);
            if (target is null || target.Value.File == file)
            {
                continue;
            }

            var location = (node.RefLocation ?? node.Location).ToLocation();
            var targetFile = target.Value.File;
            var what = "The public schema '" + file.RelativePath + "'";
            if (targetFile.IsInternal)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, what, Describe(targetFile) + " through this $ref"));
            }
            else if (targetFile.IsPublic && reach.FirstInternal(targetFile) is { } path)
            {
                var via = string.Join(" -> ", path.Take(path.Count - 1).Select(f => "'" + f.RelativePath + "'"));
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, what, Describe(path[path.Count - 1]) + " through this $ref, via " + via));
            }
        }
    }

    private static string Describe(SchemaFile file) => "'" + file.RootTypeName + "' (" + file.RelativePath + ")";

    /// <summary>For each public schema file, the shortest chain of files its <c>$ref</c>s follow to an internal one.</summary>
    private sealed class InternalReach
    {
        private readonly ConcurrentDictionary<string, IReadOnlyList<SchemaFile>?> _paths = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ImmutableArray<SchemaFile>> _edges = new(StringComparer.Ordinal);

        public InternalReach(SchemaSet schemas)
        {
            foreach (var file in schemas.Files)
            {
                if (file.Root is null || _edges.ContainsKey(file.Path))
                {
                    continue;
                }

                var targets = new List<SchemaFile>();
                foreach (var node in SchemaWalker.DescendantsAndSelf(file.Root))
                {
                    if (node.Ref is not null && schemas.Resolve(file, node, node.Ref) is { } target
                        && target.File != file && !targets.Contains(target.File))
                    {
                        targets.Add(target.File);
                    }
                }

                _edges[file.Path] = targets.ToImmutableArray();
            }
        }

        /// <summary>The files from <paramref name="start"/> (included) to the first internal file reached, or null.</summary>
        public IReadOnlyList<SchemaFile>? FirstInternal(SchemaFile start) => _paths.GetOrAdd(start.Path, _ => Search(start));

        private IReadOnlyList<SchemaFile>? Search(SchemaFile start)
        {
            var previous = new Dictionary<string, SchemaFile?>(StringComparer.Ordinal) { [start.Path] = null };
            var queue = new Queue<SchemaFile>();
            queue.Enqueue(start);
            while (queue.Count > 0)
            {
                var current = queue.Dequeue();
                if (current.IsInternal)
                {
                    var path = new List<SchemaFile>();
                    for (SchemaFile? step = current; step is not null; step = previous[step.Path])
                    {
                        path.Add(step);
                    }

                    path.Reverse();
                    return path;
                }

                if (!_edges.TryGetValue(current.Path, out var targets))
                {
                    continue;
                }

                foreach (var target in targets)
                {
                    if (!previous.ContainsKey(target.Path))
                    {
                        previous[target.Path] = current;
                        queue.Enqueue(target);
                    }
                }
            }

            return null;
        }
    }
}
