using System;
using System.Collections.Generic;
using System.Linq;

namespace Stagehand.Schema;

/// <summary>
/// The names the emitters write into and beside every generated type, in one place, so that the model builder can keep
/// a schema's names clear of them: a member called <c>Validate</c> or a case called <c>Case</c> is renamed here,
/// before anything is emitted, instead of producing C# that does not compile.
/// </summary>
internal static class GeneratedMemberNames
{
    /// <summary>The assembly-wide class that lists every contract (the registry and the JSON resolver).</summary>
    public const string RegistryClass = "GeneratedContracts";

    /// <summary>The suffix of a type's <c>JsonConverter</c>, a class beside it.</summary>
    public const string ConverterSuffix = "JsonConverter";

    /// <summary>The suffix of an enum's wire-value helper, a class beside it.</summary>
    public const string WireValuesSuffix = "WireValues";

    /// <summary>The suffix of a file's reader class (<c>PetSchema</c>).</summary>
    public const string SchemaClassSuffix = "Schema";

    /// <summary>The static field that holds the string rules of the node read by <paramref name="readerMethod"/>.</summary>
    public static string StringRulesField(string readerMethod) => readerMethod + "StringRules";

    // The companions of a node's reader method in its file's reader class, each named after the method. The naming of
    // reader methods keeps every method clear of every other method's companions (CompanionBase).

    public static string NumberRulesField(string readerMethod) => readerMethod + "NumberRules";

    public static string ReadOnlyMembersField(string readerMethod) => readerMethod + "ReadOnlyMembers";

    public static string DynamicScopesField(string readerMethod) => readerMethod + "DynamicScopes";

    /// <summary>The reader of a nullable node's own type, which rejects null.</summary>
    public static string NonNullReader(string readerMethod) => readerMethod + "NotNull";

    /// <summary>The body of a resource root's reader, read inside its dynamic scope.</summary>
    public static string InScopeReader(string readerMethod) => readerMethod + "InScope";

    public static string LiteralField(string readerMethod, int index) => readerMethod + "Literal" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string PatternField(string readerMethod, int index) => readerMethod + "Pattern" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static readonly string[] CompanionSuffixes = ["StringRules", "NumberRules", "ReadOnlyMembers", "DynamicScopes", "NotNull", "InScope"];

    private static readonly string[] NumberedCompanionSuffixes = ["Literal", "Pattern"];

    /// <summary>The reader method <paramref name="name"/> would be a companion of (<c>ReadPetStringRules</c> → <c>ReadPet</c>), or null.</summary>
    public static string? CompanionBase(string name)
    {
        foreach (var suffix in CompanionSuffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name.Substring(0, name.Length - suffix.Length);
            }
        }

        var digits = name.Length;
        while (digits > 0 && char.IsDigit(name[digits - 1]))
        {
            digits--;
        }

        if (digits < name.Length)
        {
            foreach (var suffix in NumberedCompanionSuffixes)
            {
                if (digits > suffix.Length && string.CompareOrdinal(name, digits - suffix.Length, suffix, 0, suffix.Length) == 0)
                {
                    return name.Substring(0, digits - suffix.Length);
                }
            }
        }

        return null;
    }

    /// <summary>The field of a union that says which case it holds.</summary>
    public const string UnionTagField = "_case";

    /// <summary>Members every generated record or union has (the wire API and what <c>object</c> and records bring).</summary>
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "Validate", "Parse", "TryParse", "Reader", "WriteTo", "ValidateInto", "s_read",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>Members a generated record adds to <see cref="Common"/>.</summary>
    private static readonly HashSet<string> RecordOnly = new(StringComparer.Ordinal)
    {
        "EqualityContract", "PrintMembers", "Deconstruct", "Clone", "<Clone>$", "AdditionalMembers", "PatternMembers",
    };

    /// <summary>Whether a record property may not be called <paramref name="name"/> (<c>_</c> would turn generated discards into it).</summary>
    public static bool IsReservedInRecord(string name) => name == "_" || Common.Contains(name) || RecordOnly.Contains(name);

    /// <summary>
    /// Whether a generated enum may not have a member called <paramref name="name"/>: what every enum inherits (an
    /// enum member called <c>ToString</c> hides the method that generated code calls) and the compiler's own field.
    /// </summary>
    public static bool IsReservedInEnum(string name) =>
        name is "value__" or "ToString" or "Equals" or "GetHashCode" or "GetType" or "HasFlag" or "CompareTo" or "GetTypeCode"
            or "MemberwiseClone" or "Finalize" or "ReferenceEquals" or "TryFormat";

    /// <summary>Whether a type of kind <paramref name="kind"/> may not be called <paramref name="name"/>: a type cannot share its name with one of its members.</summary>
    public static bool IsReservedTypeName(string name, NamedKind kind) => name == "_" || kind switch
    {
        NamedKind.Record => IsReservedInRecord(name),
        NamedKind.Union => IsReservedInUnion(name),
        _ => false,
    };

    /// <summary>The members a union generates for the case <paramref name="caseName"/>.</summary>
    public static IEnumerable<string> UnionCaseMembers(string caseName)
    {
        yield return "From" + caseName;
        yield return "TryGet" + caseName;
        yield return UnionCaseField(caseName);
    }

    /// <summary>Whether a union member generated for a case may not be called <paramref name="name"/>.</summary>
    public static bool IsReservedInUnion(string name) =>
        Common.Contains(name) || name is UnionTagField or "IsDefault" or "Match" or "Switch" or "Uninitialized";

    /// <summary>The private field that holds a union's case <paramref name="caseName"/>.</summary>
    public static string UnionCaseField(string caseName) =>
        "_" + char.ToLowerInvariant(caseName[0]) + caseName.Substring(1);

    /// <summary>A type's name and the names of the classes generated beside it, all in its namespace.</summary>
    public static IEnumerable<string> CompanionsOf(string typeName, NamedKind kind)
    {
        yield return typeName;
        yield return typeName + ConverterSuffix;
        if (kind == NamedKind.Enum)
        {
            yield return typeName + WireValuesSuffix;
        }
    }
}
