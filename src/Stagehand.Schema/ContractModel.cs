using System.Linq;

namespace Stagehand.Schema;

/// <summary>The kinds of C# type a generated contract type can be.</summary>
internal enum NamedKind
{
    Record,
    Enum,
    Union,
}

/// <summary>A generated contract type, named by namespace and simple name, never by symbol.</summary>
internal sealed record TypeRef(string Namespace, string Name, NamedKind Kind)
{
    public string FullName => "global::" + Namespace + "." + Name;

    public bool IsValueType => Kind != NamedKind.Record;
}

/// <summary>The shapes a contract value can take in C#.</summary>
internal enum ValueKind
{
    Any,
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    Guid,
    DateTimeOffset,
    Uri,
    List,
    Map,

    /// <summary>A C# value tuple: an array of a fixed number of items, each with a schema of its own (<c>prefixItems</c>).</summary>
    Tuple,
    Named,
}

/// <summary>
/// The C# shape of one value and the constraints the schema puts on it. <see cref="Element"/> is the item of a
/// list or the value of a map.
/// </summary>
internal sealed record ValueShape
{
    public required ValueKind Kind { get; init; }

    public TypeRef? Named { get; init; }

    public ValueShape? Element { get; init; }

    public bool ElementNullable { get; init; }

    public string? Format { get; init; }

    public string? Pattern { get; init; }

    public string? Minimum { get; init; }

    public string? MultipleOf { get; init; }

    public string? Maximum { get; init; }

    public string? ExclusiveMinimum { get; init; }

    public string? ExclusiveMaximum { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    /// <summary>Allowed values of a primitive that is not an enum type (e.g. numbers without names).</summary>
    public EquatableArray<JsonLiteral> AllowedValues { get; init; } = EquatableArray<JsonLiteral>.Empty;

    /// <summary>The positions of a <see cref="ValueKind.Tuple"/>, in order.</summary>
    public EquatableArray<TupleItem> TupleItems { get; init; } = EquatableArray<TupleItem>.Empty;

    public bool IsValueType => Kind switch
    {
        ValueKind.Boolean or ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Guid or ValueKind.DateTimeOffset or ValueKind.Any or ValueKind.Tuple => true,
        ValueKind.Named => Named!.IsValueType,
        _ => false,
    };

    /// <summary>The C# type, fully qualified, without a nullable annotation.</summary>
    public string CSharpType => Kind switch
    {
        ValueKind.Any => "global::Stagehand.Contracts.JsonAny",
        ValueKind.String => "string",
        ValueKind.Boolean => "bool",
        ValueKind.Int32 => "int",
        ValueKind.Int64 => "long",
        ValueKind.Double => "double",
        ValueKind.Guid => "global::System.Guid",
        ValueKind.DateTimeOffset => "global::System.DateTimeOffset",
        ValueKind.Uri => "global::System.Uri",
        ValueKind.List => "global::Stagehand.Contracts.ValueList<" + ElementType + ">",
        ValueKind.Map => "global::Stagehand.Contracts.ValueMap<" + ElementType + ">",
        ValueKind.Tuple when TupleItems.Count == 1 => "global::System.ValueTuple<" + TupleItems[0].CSharpType + ">",
        ValueKind.Tuple => "(" + string.Join(", ", TupleItems.Select(item => item.CSharpType)) + ")",
        _ => Named!.FullName,
    };

    private string ElementType => Element!.CSharpType + (ElementNullable ? "?" : string.Empty);

    /// <summary>The same C# type without the constraints on this value itself (its elements and items keep theirs).</summary>
    public ValueShape WithoutConstraints() =>
        new() { Kind = Kind, Named = Named, Element = Element, ElementNullable = ElementNullable, TupleItems = TupleItems };
}

/// <summary>
/// One position of a tuple. <paramref name="Nullable"/>: the item's schema admits null, which the C# item holds.
/// <paramref name="Optional"/>: the array may end before this position (<c>minItems</c> does not reach it); a null C#
/// item is then absent, and so is every item after it. A position is never both.
/// </summary>
internal sealed record TupleItem(ValueShape Shape, bool Nullable, bool Optional)
{
    public string CSharpType => Shape.CSharpType + (Nullable || Optional ? "?" : string.Empty);
}

/// <summary>One member of a record.</summary>
internal sealed record MemberSpec
{
    public required string WireName { get; init; }

    public required string Name { get; init; }

    public required ValueShape Shape { get; init; }

    public bool Required { get; init; }

    public bool Nullable { get; init; }

    /// <summary>The fixed value of a required member whose schema is a <c>const</c>.</summary>
    public JsonLiteral? Const { get; init; }

    public string? Description { get; init; }

    public bool ReadOnly { get; init; }

    public bool WriteOnly { get; init; }

    public bool Sensitive { get; init; }

    public bool ClientOnly { get; init; }

    public bool Deprecated { get; init; }

    /// <summary>Absent and null both carry meaning, so the member is an <c>Optional&lt;T?&gt;</c>.</summary>
    public bool IsOptionalWrapper => !Required && Nullable && Const is null;

    public string CSharpType
    {
        get
        {
            var type = Shape.CSharpType;
            if (IsOptionalWrapper)
            {
                return "global::Stagehand.Contracts.Optional<" + type + "?>";
            }

            return Nullable || !Required ? type + "?" : type;
        }
    }
}

/// <summary>A generated type: a record, an enum or a union.</summary>
internal abstract record TypeSpec
{
    public required TypeRef Type { get; init; }

    public string? Description { get; init; }

    public required SchemaVisibility Visibility { get; init; }

    public bool Deprecated { get; init; }

    /// <summary>
    /// Whether the schema of the type asks something its in-memory checks cannot see (<c>not</c>, <c>if</c>,
    /// <c>dependentRequired</c>, <c>uniqueItems</c>, a format without a C# type of its own, a member of several JSON
    /// types, ...). Its <c>Validate()</c> then also writes the value and reads it back with the generated reader, so
    /// that a value built in code is checked exactly as one read from the wire.
    /// </summary>
    public bool ChecksOnTheWire { get; init; }

    /// <summary>
    /// The reader method (in the file's reader class) that reads a value of this type: the reader of the node that forms
    /// it, or that node's non-null reader when the node also admits null. Null when no node forms the type.
    /// </summary>
    public string? Reader { get; init; }
}

internal sealed record RecordSpec : TypeSpec
{
    public EquatableArray<MemberSpec> Members { get; init; } = EquatableArray<MemberSpec>.Empty;

    /// <summary>
    /// The map that holds the members the contract does not declare, when the record keeps them (a
    /// <c>ValueMap</c> shape): of the <c>additionalProperties</c> schema's type, or of <c>JsonAny</c> when unknown
    /// members are kept as read.
    /// </summary>
    public ValueShape? AdditionalMembers { get; init; }

    /// <summary>Whether <see cref="AdditionalMembers"/> comes from an <c>additionalProperties</c> schema.</summary>
    public bool AdditionalMembersTyped { get; init; }

    /// <summary>
    /// The map that holds the undeclared members whose names match a <c>patternProperties</c> pattern (a <c>ValueMap</c>
    /// shape): typed when every pattern's schema reads the same C# type, <c>JsonAny</c> otherwise.
    /// </summary>
    public ValueShape? PatternMembers { get; init; }

    /// <summary>The <c>patternProperties</c> patterns (ECMA-262), in schema order: a key of <see cref="PatternMembers"/> matches one at least.</summary>
    public EquatableArray<string> MemberPatterns { get; init; } = EquatableArray<string>.Empty;

    public UnknownMemberHandling UnknownMembers { get; init; }

    public bool Persisted { get; init; }

    public string? Mirrors { get; init; }

    public string? RequestFor { get; init; }
}

internal sealed record EnumValueSpec(string Name, JsonLiteral Value);

internal sealed record EnumSpec : TypeSpec
{
    public EquatableArray<EnumValueSpec> Values { get; init; } = EquatableArray<EnumValueSpec>.Empty;

    public bool IsNumeric { get; init; }
}

internal sealed record UnionCaseSpec(string Name, ValueShape Shape, string? DiscriminatorValue);

internal sealed record UnionSpec : TypeSpec
{
    public EquatableArray<UnionCaseSpec> Cases { get; init; } = EquatableArray<UnionCaseSpec>.Empty;

    public string? Discriminator { get; init; }
}

/// <summary>Everything generated from one schema file: its types, and the readers of all its schema nodes.</summary>
/// <param name="SchemaPath">The path below the common folder of all schema files.</param>
/// <param name="SourcePath">The path as the build gave it, for diagnostics in the file.</param>
/// <param name="SchemaClass">The simple name of the static class that holds the file's node readers.</param>
/// <param name="RootType">The type the file's root forms, if any.</param>
internal sealed record ContractFile(
    string HintName,
    string SchemaPath,
    string SourcePath,
    string Namespace,
    SchemaMode Mode,
    SchemaVisibility Visibility,
    string SchemaClass,
    TypeRef? RootType,
    EquatableArray<TypeSpec> Types,
    EquatableArray<NodeSpec> Nodes);

/// <summary>What building one schema file produced: its types (none when it has errors) and its problems.</summary>
internal sealed record ContractBuildResult(string SchemaPath, ContractFile? File, EquatableArray<SchemaProblem> Problems);

/// <summary>One contract type, as the assembly-wide registry lists it.</summary>
/// <param name="Name">The contract name: the type name, or the file stem for a schema that is not a type.</param>
/// <param name="ValueType">The C# type the contract reads into.</param>
/// <param name="Type">The generated type, or null for a schema that is not a type of its own.</param>
/// <param name="Shape">For a schema that is not a type of its own, the shape of its value (a map, a list...), which the
/// JSON resolver's converter writes; null for a generated type, which writes itself.</param>
internal sealed record RegistryEntry(string Name, string ValueType, TypeRef? Type, SchemaVisibility Visibility, string SchemaPath, string ReaderCall, ValueShape? Shape = null);

/// <summary>Every contract type of a compilation, for the registry and the JSON resolver.</summary>
internal sealed record RegistryModel(string Namespace, EquatableArray<RegistryEntry> Entries);
