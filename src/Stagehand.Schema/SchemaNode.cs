using System;

namespace Stagehand.Schema;

/// <summary>The JSON types a schema's <c>type</c> keyword can name.</summary>
[Flags]
internal enum JsonTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    Number = 16,
    Integer = 32,
    String = 64,
}

/// <summary>What a reader does with members an object schema does not declare.</summary>
internal enum UnknownMemberHandling
{
    Unspecified,
    Reject,
    Drop,
    Keep,
}

/// <summary>A JSON value written in a schema (<c>enum</c>, <c>const</c>), kept as its kind and canonical text.</summary>
/// <param name="Text">The string value of a string literal, else its JSON text.</param>
internal sealed record JsonLiteral(JsonTypes Kind, string Text);

/// <summary>One member of an object schema.</summary>
internal sealed record PropertyNode(string Name, SchemaNode Schema, LocationInfo NameLocation);

/// <summary>A <c>patternProperties</c> entry: the schema of every member whose name matches <see cref="Pattern"/> (ECMA-262).</summary>
internal sealed record PatternPropertyNode(string Pattern, SchemaNode Schema);

/// <summary>A <c>$vocabulary</c> entry of a meta-schema: the vocabulary's URI, and whether a schema using it may be read without knowing it.</summary>
internal sealed record VocabularyEntry(string Uri, bool Required);

/// <summary>A <c>dependentRequired</c> entry: when the member <see cref="Trigger"/> is present, so must <see cref="Required"/> be.</summary>
internal sealed record DependentRequirement(string Trigger, EquatableArray<string> Required);

/// <summary>
/// A string a schema shows its readers: its <c>title</c>, its <c>description</c>, or a string anywhere inside its
/// <c>examples</c>, with where its JSON string token is (the quotes included).
/// </summary>
/// <param name="Keyword"><c>title</c>, <c>description</c> or <c>examples</c>.</param>
/// <param name="Pointer">The JSON Pointer of the string in its file (<c>/properties/limit/description</c>, <c>/examples/0/label</c>).</param>
/// <param name="Value">The string, with its JSON escapes decoded.</param>
internal sealed record SchemaText(string Keyword, string Pointer, string Value, LocationInfo Location);

/// <summary>One entry of <c>$defs</c>, or of draft 7's <c>definitions</c> (<see cref="Keyword"/> says which).</summary>
internal sealed record DefinitionNode(string Name, SchemaNode Schema, string Keyword = "$defs");

/// <summary>
/// One schema, as written: every keyword the dialect understands, nothing resolved yet.
/// The value of a boolean schema is in <see cref="BooleanValue"/>.
/// </summary>
internal sealed record SchemaNode
{
    public required LocationInfo Location { get; init; }

    /// <summary>The JSON Pointer of this schema inside its file (<c>""</c> for the root).</summary>
    public required string Pointer { get; init; }

    public bool? BooleanValue { get; init; }

    public JsonTypes Types { get; init; }

    public EquatableArray<PropertyNode> Properties { get; init; } = EquatableArray<PropertyNode>.Empty;

    public EquatableArray<string> Required { get; init; } = EquatableArray<string>.Empty;

    public SchemaNode? AdditionalProperties { get; init; }

    /// <summary>OpenAPI 3.0's <c>"nullable": true</c> was written (read as "or null" only when the project opts in).</summary>
    public bool OpenApiNullable { get; init; }

    /// <summary>The schema every member name of an object must match (<c>propertyNames</c>).</summary>
    public SchemaNode? PropertyNames { get; init; }

    public SchemaNode? Items { get; init; }

    /// <summary>The schemas of the first items, by position (<c>prefixItems</c>; the array form of <c>items</c> before 2020-12).</summary>
    public EquatableArray<SchemaNode> PrefixItems { get; init; } = EquatableArray<SchemaNode>.Empty;

    /// <summary>The schema some items must match (<c>contains</c>), with how many of them (<see cref="MinContains"/>, <see cref="MaxContains"/>).</summary>
    public SchemaNode? Contains { get; init; }

    public int? MinContains { get; init; }

    public int? MaxContains { get; init; }

    public bool UniqueItems { get; init; }

    /// <summary>The schemas of members by name pattern (<c>patternProperties</c>).</summary>
    public EquatableArray<PatternPropertyNode> PatternProperties { get; init; } = EquatableArray<PatternPropertyNode>.Empty;

    public int? MinProperties { get; init; }

    public int? MaxProperties { get; init; }

    public EquatableArray<DependentRequirement> DependentRequired { get; init; } = EquatableArray<DependentRequirement>.Empty;

    /// <summary>The schemas the whole object must also match when a member is present (<c>dependentSchemas</c>; the schema form of draft 7's <c>dependencies</c>), by that member's name.</summary>
    public EquatableArray<DefinitionNode> DependentSchemas { get; init; } = EquatableArray<DefinitionNode>.Empty;

    /// <summary>The schema of the members no other keyword evaluated, here or in subschemas applied in place.</summary>
    public SchemaNode? UnevaluatedProperties { get; init; }

    /// <summary>The schema of the items no other keyword evaluated, here or in subschemas applied in place.</summary>
    public SchemaNode? UnevaluatedItems { get; init; }

    /// <summary>A schema the value must not match.</summary>
    public SchemaNode? Not { get; init; }

    public SchemaNode? If { get; init; }

    public SchemaNode? Then { get; init; }

    public SchemaNode? Else { get; init; }

    public EquatableArray<JsonLiteral> Enum { get; init; } = EquatableArray<JsonLiteral>.Empty;

    /// <summary>An <c>enum</c> with no values was written: nothing is valid.</summary>
    public bool EmptyEnum { get; init; }

    public JsonLiteral? Const { get; init; }

    /// <summary>The <c>default</c> annotation, as written (an object or array keeps its JSON text).</summary>
    public JsonLiteral? Default { get; init; }

    public string? Format { get; init; }

    public string? Pattern { get; init; }

    public string? Minimum { get; init; }

    /// <summary>The JSON number text of <c>multipleOf</c> (greater than zero).</summary>
    public string? MultipleOf { get; init; }

    public string? Maximum { get; init; }

    public string? ExclusiveMinimum { get; init; }

    public string? ExclusiveMaximum { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    public EquatableArray<SchemaNode> AnyOf { get; init; } = EquatableArray<SchemaNode>.Empty;

    public EquatableArray<SchemaNode> OneOf { get; init; } = EquatableArray<SchemaNode>.Empty;

    public EquatableArray<SchemaNode> AllOf { get; init; } = EquatableArray<SchemaNode>.Empty;

    public string? Ref { get; init; }

    /// <summary>A root's <c>$schema</c> when it names a meta-schema other than a dialect the reader knows (a custom dialect).</summary>
    public string? MetaSchema { get; init; }

    public LocationInfo? MetaSchemaLocation { get; init; }

    /// <summary>A meta-schema's <c>$vocabulary</c>: the vocabularies the schemas that name it use.</summary>
    public EquatableArray<VocabularyEntry> Vocabulary { get; init; } = EquatableArray<VocabularyEntry>.Empty;

    /// <summary>The <c>$id</c>: this schema is a resource of its own, and its base URI for the references inside it.</summary>
    public string? Id { get; init; }

    /// <summary>A plain-name fragment that identifies this schema (<c>$anchor</c>, or draft 7's <c>"$id": "#name"</c>).</summary>
    public string? Anchor { get; init; }

    /// <summary>The <c>$dynamicAnchor</c>: an anchor that a <c>$dynamicRef</c> may resolve to dynamically.</summary>
    public string? DynamicAnchor { get; init; }

    /// <summary>Draft 2019-09's <c>"$recursiveAnchor": true</c>.</summary>
    public bool RecursiveAnchor { get; init; }

    /// <summary>
    /// A reference resolved in the dynamic scope: <c>$dynamicRef</c>, or draft 2019-09's <c>$recursiveRef</c>
    /// (<see cref="IsRecursiveRef"/>), whose value is always <c>#</c>.
    /// </summary>
    public string? DynamicRef { get; init; }

    public LocationInfo? DynamicRefLocation { get; init; }

    public bool IsRecursiveRef { get; init; }

    public LocationInfo? RefLocation { get; init; }

    public EquatableArray<DefinitionNode> Definitions { get; init; } = EquatableArray<DefinitionNode>.Empty;

    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>
    /// The <c>title</c>, the <c>description</c> and every string inside <c>examples</c>, in document order, each with its
    /// place: what a reader of the published schema sees (kept even where draft 7 ignores the keywords beside a <c>$ref</c>).
    /// </summary>
    public EquatableArray<SchemaText> Texts { get; init; } = EquatableArray<SchemaText>.Empty;

    public bool ReadOnly { get; init; }

    public bool WriteOnly { get; init; }

    public bool Deprecated { get; init; }

    public SchemaVisibility? Visibility { get; init; }

    /// <summary>The root's <c>x-stagehand-formatAssertion</c>: whether <c>format</c> asserts in this file (null: the project decides).</summary>
    public bool? FormatAssertion { get; init; }

    public UnknownMemberHandling UnknownMembers { get; init; }

    public string? Mirrors { get; init; }

    /// <summary>Where the value of <c>x-stagehand-mirrors</c> is written.</summary>
    public LocationInfo? MirrorsLocation { get; init; }

    public string? RequestFor { get; init; }

    /// <summary>Members the server assigns that the resource does not expose (<c>projectId</c>): rejected like read-only ones.</summary>
    public EquatableArray<string> ServerAssigned { get; init; } = EquatableArray<string>.Empty;

    public bool Persisted { get; init; }

    /// <summary>Which way the contract travels (<c>x-stagehand-direction</c>: request, response or both), when a root says.</summary>
    public string? Direction { get; init; }

    /// <summary>The contract version a root declares (<c>x-stagehand-version</c>, MAJOR.MINOR.PATCH).</summary>
    public string? Version { get; init; }

    public bool Sensitive { get; init; }

    public bool ClientOnly { get; init; }

    public string? TypeName { get; init; }

    public string? MemberName { get; init; }

    public EquatableArray<string> EnumNames { get; init; } = EquatableArray<string>.Empty;

    public string? Discriminator { get; init; }

    public string? CaseName { get; init; }

    /// <summary>The branches of a union, whichever keyword (<c>anyOf</c> or <c>oneOf</c>) holds them.</summary>
    public EquatableArray<SchemaNode> Branches => OneOf.IsEmpty ? AnyOf : OneOf;

    public bool IsUnion => !AnyOf.IsEmpty || !OneOf.IsEmpty;

    /// <summary>Whether the schema admits only <c>null</c> (a union's null branch).</summary>
    public bool IsNull => Types == JsonTypes.Null || Const is { Kind: JsonTypes.Null };

    /// <summary>Whether <c>additionalProperties</c> is a schema other than a boolean one (a map's value schema).</summary>
    public bool HasAdditionalPropertiesSchema => AdditionalProperties is { BooleanValue: null };

    public bool RejectsAdditionalProperties => AdditionalProperties is { BooleanValue: false };

    /// <summary>The strictness this object declares, stated or derived from <c>additionalProperties</c>.</summary>
    public UnknownMemberHandling EffectiveUnknownMembers =>
        UnknownMembers != UnknownMemberHandling.Unspecified ? UnknownMembers
        : RejectsAdditionalProperties ? UnknownMemberHandling.Reject
        : UnknownMemberHandling.Drop;
}
