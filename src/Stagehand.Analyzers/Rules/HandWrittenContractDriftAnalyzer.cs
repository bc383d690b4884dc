using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Stagehand.Analyzers.Infrastructure;

namespace Stagehand.Analyzers.Rules;

/// <summary>
/// STH0003: a hand-written type marked <c>[MirrorsContract(typeof(X))]</c> differs from the contract X: a required
/// contract member is missing, a member is unknown to the contract, or a member's type, nullability or wire name differs.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandWrittenContractDriftAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The STH0003 descriptor.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIdentifiers.HandWrittenContractDrift,
        title: "Hand-written type drifts from its contract",
        messageFormat: "'{0}' drifts from its contract '{1}': {2}",
        category: RuleCategories.Contracts,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A type that claims to mirror a contract with [MirrorsContract] must have the contract's members, with the same types, nullability and wire names, and no others.",
        helpLinkUri: Infrastructure.Rules.HelpLinkBase + RuleIdentifiers.HandWrittenContractDrift + ".md");

    /// <summary>The diagnostic property that names the kind of drift.</summary>
    public const string KindProperty = "Kind";

    /// <summary>The diagnostic property with the contract member's type, fully qualified, for the code fix.</summary>
    public const string ContractTypeProperty = "ContractType";

    /// <summary>The kind of a type or nullability mismatch, which the code fix repairs.</summary>
    public const string TypeMismatch = "TypeMismatch";

    private const string JsonPropertyNameAttribute = "JsonPropertyNameAttribute";
    private const string JsonIgnoreAttribute = "JsonIgnoreAttribute";

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat FixFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            const string metadataName = ContractSymbols.Namespace + "." + ContractSymbols.MirrorsContractAttribute;
            if (start.Compilation.GetTypeByMetadataName(metadataName) is null
                && start.Compilation.GetTypesByMetadataName(metadataName).IsEmpty)
            {
                return;
            }

            start.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var contract = ContractSymbols.MirroredContract(type, out var mirrors);
        if (mirrors is null || type.Locations.IsEmpty)
        {
            return;
        }

        var typeName = type.Name;
        if (contract is null || ContractSymbols.FindAttribute(contract, ContractSymbols.ContractTypeAttribute) is null)
        {
            var location = mirrors.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? type.Locations[0];
            var named = contract?.ToDisplayString(TypeFormat) ?? "?";
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, typeName, named, "'" + named + "' is not a contract type (it has no [ContractType])"));
            return;
        }

        var contractName = contract.Name;
        var contractMembers = ContractMembers(contract);
        var matched = new HashSet<IPropertySymbol>(SymbolEqualityComparer.Default);
        foreach (var property in HandWrittenProperties(type))
        {
            if (IsJsonAttribute(property, JsonIgnoreAttribute))
            {
                continue;
            }

            var (wireName, wireAttribute) = StatedWireName(property);
            var member = contractMembers.FirstOrDefault(m => m.Property.Name == property.Name && !matched.Contains(m.Property))
                ?? (wireName is null ? null : contractMembers.FirstOrDefault(m => m.WireName == wireName && !matched.Contains(m.Property)));
            var declaredHere = SymbolEqualityComparer.Default.Equals(property.ContainingType, type);
            if (member is null)
            {
                Report(context, declaredHere ? property.Locations[0] : type.Locations[0], typeName, contractName,
                    $"the member '{property.Name}' is not in the contract");
                continue;
            }

            matched.Add(member.Property);
            if (wireName is not null && wireName != member.WireName)
            {
                var location = declaredHere ? wireAttribute?.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? property.Locations[0] : type.Locations[0];
                Report(context, location, typeName, contractName,
                    $"the member '{property.Name}' is named '{wireName}' on the wire, but the contract names it '{member.WireName}'");
            }

            CompareTypes(context, type, property, member, declaredHere, contractName);
        }

        foreach (var member in contractMembers)
        {
            if (member.Required && !matched.Contains(member.Property))
            {
                Report(context, type.Locations[0], typeName, contractName,
                    $"the required member '{member.Property.Name}' ('{member.WireName}') is missing");
            }
        }
    }

    private static void CompareTypes(SymbolAnalysisContext context, INamedTypeSymbol type, IPropertySymbol property, ContractMember member, bool declaredHere, string contractName)
    {
        var expected = member.Property.Type;
        var actual = property.Type;
        string? problem = null;
        if (!SymbolEqualityComparer.Default.Equals(Core(expected), Core(actual)))
        {
            problem = $"the member '{property.Name}' is '{actual.ToDisplayString(TypeFormat)}', but the contract says '{expected.ToDisplayString(TypeFormat)}'";
        }
        else if (IsNullable(expected) is { } expectedNullable && IsNullable(actual) is { } actualNullable && expectedNullable != actualNullable)
        {
            problem = expectedNullable
                ? $"the member '{property.Name}' is '{actual.ToDisplayString(TypeFormat)}', but the contract's '{expected.ToDisplayString(TypeFormat)}' may be null or absent"
                : $"the member '{property.Name}' is '{actual.ToDisplayString(TypeFormat)}', but the contract's '{expected.ToDisplayString(TypeFormat)}' is never null";
        }

        if (problem is null)
        {
            return;
        }

        var location = declaredHere ? TypeSyntaxLocation(property, context.CancellationToken) ?? property.Locations[0] : type.Locations[0];
        var properties = declaredHere
            ? ImmutableDictionary<string, string?>.Empty
                .Add(KindProperty, TypeMismatch)
                .Add(ContractTypeProperty, expected.ToDisplayString(FixFormat))
            : ImmutableDictionary<string, string?>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(Rule, location, properties, type.Name, contractName, problem));
    }

    private static void Report(SymbolAnalysisContext context, Location location, string typeName, string contractName, string problem) =>
        context.ReportDiagnostic(Diagnostic.Create(Rule, location, typeName, contractName, problem));

    /// <summary>The type without its top-level nullability (<c>T?</c> and <c>Nullable&lt;T&gt;</c> both become <c>T</c>).</summary>
    private static ITypeSymbol Core(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);

    /// <summary>Whether a value of the type may be null; null when the code is nullable-oblivious.</summary>
    private static bool? IsNullable(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T })
        {
            return true;
        }

        if (type.IsValueType)
        {
            return false;
        }

        return type.NullableAnnotation switch
        {
            NullableAnnotation.Annotated => true,
            NullableAnnotation.NotAnnotated => false,
            _ => null,
        };
    }

    private static Location? TypeSyntaxLocation(IPropertySymbol property, CancellationToken cancellationToken)
    {
        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax(cancellationToken))
            {
                case PropertyDeclarationSyntax declaration:
                    return declaration.Type.GetLocation();
                case ParameterSyntax { Type: { } parameterType }:
                    return parameterType.GetLocation();
            }
        }

        return null;
    }

    /// <summary>The public instance properties of the type and its base types (the most derived one of each name).</summary>
    private static IEnumerable<IPropertySymbol> HandWrittenProperties(INamedTypeSymbol type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType is not SpecialType.System_Object and not SpecialType.System_ValueType; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property
                    && seen.Add(property.Name))
                {
                    yield return property;
                }
            }
        }
    }

    private static ImmutableArray<ContractMember> ContractMembers(INamedTypeSymbol contract)
    {
        var members = ImmutableArray.CreateBuilder<ContractMember>();
        foreach (var member in contract.GetMembers())
        {
            if (member is IPropertySymbol { IsStatic: false } property
                && ContractSymbols.FindAttribute(property, ContractSymbols.ContractMemberAttribute) is { } attribute
                && ContractSymbols.WireName(attribute) is { } wireName)
            {
                members.Add(new ContractMember(property, wireName, ContractSymbols.NamedBool(attribute, "Required")));
            }
        }

        return members.ToImmutable();
    }

    /// <summary>The wire name the hand-written member states with <c>[ContractMember]</c> or <c>[JsonPropertyName]</c>.</summary>
    private static (string? WireName, AttributeData? Attribute) StatedWireName(IPropertySymbol property)
    {
        if (ContractSymbols.FindAttribute(property, ContractSymbols.ContractMemberAttribute) is { } contractMember
            && ContractSymbols.WireName(contractMember) is { } wireName)
        {
            return (wireName, contractMember);
        }

        foreach (var attribute in property.GetAttributes())
        {
            if (IsJsonAttribute(attribute.AttributeClass, JsonPropertyNameAttribute)
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name)
            {
                return (name, attribute);
            }
        }

        return (null, null);
    }

    private static bool IsJsonAttribute(IPropertySymbol property, string name) =>
        property.GetAttributes().Any(a => IsJsonAttribute(a.AttributeClass, name));

    private static bool IsJsonAttribute(INamedTypeSymbol? type, string name) =>
        type is { MetadataName: var metadataName } && metadataName == name
        && type.ContainingNamespace?.ToDisplayString() == "System.Text.Json.Serialization";

    private sealed class ContractMember
    {
        public ContractMember(IPropertySymbol property, string wireName, bool required)
        {
            Property = property;
            WireName = wireName;
            Required = required;
        }

        public IPropertySymbol Property { get; }

        public string WireName { get; }

        public bool Required { get; }
    }
}
