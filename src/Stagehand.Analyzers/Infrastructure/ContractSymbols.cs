using Microsoft.CodeAnalysis;

namespace Stagehand.Analyzers.Infrastructure;

/// <summary>Reads the Stagehand.Contracts attributes from symbols, by name, so any copy of the runtime works.</summary>
internal static class ContractSymbols
{
    public const string Namespace = "Stagehand.Contracts";
    public const string ContractTypeAttribute = "ContractTypeAttribute";
    public const string ContractMemberAttribute = "ContractMemberAttribute";
    public const string MirrorsContractAttribute = "MirrorsContractAttribute";
    public const string ContractTypeAttributeMetadataName = Namespace + "." + ContractTypeAttribute;

    /// <summary>The value of <c>ContractVisibility.Internal</c>.</summary>
    public const int InternalVisibility = 1;

    public static bool IsStagehandType(ITypeSymbol? type, string name) =>
        type is INamedTypeSymbol { ContainingType: null } named
        && named.MetadataName == name
        && IsNamespace(named.ContainingNamespace, "Stagehand", "Contracts");

    public static AttributeData? FindAttribute(ISymbol symbol, string name)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (IsStagehandType(attribute.AttributeClass, name))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="type"/> carries <c>[ContractType(..., ContractVisibility.Internal)]</c>.</summary>
    public static bool IsInternalContract(INamedTypeSymbol type)
    {
        var attribute = FindAttribute(type.OriginalDefinition, ContractTypeAttribute);
        return attribute is { ConstructorArguments.Length: >= 2 }
            && attribute.ConstructorArguments[1].Value is int visibility
            && visibility == InternalVisibility;
    }

    /// <summary>The <c>SchemaPath</c> named argument of a <c>[ContractType]</c>, if any.</summary>
    public static string? SchemaPath(AttributeData contractType) => NamedString(contractType, "SchemaPath");

    public static string? WireName(AttributeData attribute) =>
        attribute.ConstructorArguments.Length >= 1 ? attribute.ConstructorArguments[0].Value as string : null;

    public static bool NamedBool(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is bool value)
            {
                return value;
            }
        }

        return false;
    }

    public static string? NamedString(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value.Value as string;
            }
        }

        return null;
    }

    /// <summary>The contract type named by <c>[MirrorsContract(typeof(X))]</c> on <paramref name="type"/>, if any.</summary>
    public static INamedTypeSymbol? MirroredContract(INamedTypeSymbol type, out AttributeData? attribute)
    {
        attribute = FindAttribute(type, MirrorsContractAttribute);
        return attribute is { ConstructorArguments.Length: 1 } && attribute.ConstructorArguments[0].Value is INamedTypeSymbol contract
            ? contract
            : null;
    }

    private static bool IsNamespace(INamespaceSymbol? symbol, string outer, string inner) =>
        symbol is { Name: var innerName, ContainingNamespace: { Name: var outerName, ContainingNamespace.IsGlobalNamespace: true } }
        && innerName == inner
        && outerName == outer;
}
