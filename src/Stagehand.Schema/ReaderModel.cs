using System.Collections.Generic;
using System.Linq;

namespace Stagehand.Schema;

/// <summary>How a schema file is read: as a Stagehand contract, or as a plain JSON Schema that only validates.</summary>
internal enum SchemaMode
{
    /// <summary>The Stagehand dialect: visibility required, every schema becomes a typed C# value.</summary>
    Contract,

    /// <summary>Plain JSON Schema: no visibility needed, no C# types; every value is validated and read as JSON.</summary>
    Validator,
}

/// <summary>The C# type a reader reads into: its fully qualified name, and whether it admits null (<c>T?</c>).</summary>
internal sealed record ReadType(string Name, bool Nullable)
{
    /// <summary>The type as C# writes it.</summary>
    public string Text => Nullable ? Name + "?" : Name;
}

/// <summary>A call to the generated reader of one schema node, possibly in another file.</summary>
/// <param name="Target">The fully qualified class holding the method; empty for a reader of the same file, which the reader class calls by its name alone.</param>
/// <param name="Method">The method name.</param>
/// <param name="Value">The C# type the method reads into.</param>
/// <param name="Accepts">The JSON types the node can accept; <see cref="JsonTypes.None"/> means any.</param>
internal sealed record MethodRef(string Target, string Method, ReadType Value, JsonTypes Accepts)
{
    public string Call => Target.Length == 0 ? Method : Target + "." + Method;
}

/// <summary>A declared member of an object schema, as the reader sees it.</summary>
internal sealed record NodeMember
{
    public required string WireName { get; init; }

    /// <summary>The C# property of the record that stores it, or null when the object is not built as a record.</summary>
    public string? PropertyName { get; init; }

    /// <summary>The C# type of that property.</summary>
    public string? PropertyType { get; init; }

    /// <summary>The member's reader, or null for a member that is only required, with no schema of its own.</summary>
    public MethodRef? Reader { get; init; }

    public bool Required { get; init; }

    /// <summary>A const member: checked, never stored.</summary>
    public bool IsConst { get; init; }

    /// <summary>An SDK-side member: never read from the wire.</summary>
    public bool ClientOnly { get; init; }

    /// <summary>The member is an <c>Optional&lt;T?&gt;</c> in C#.</summary>
    public bool IsOptionalWrapper { get; init; }
}

/// <summary>How a node combines other schemas.</summary>
internal enum CompositionKind
{
    None,

    /// <summary><c>anyOf</c>/<c>oneOf</c> of one schema and null: the value is that schema's value, or null.</summary>
    NullableWrapper,

    /// <summary>A union type: the value is built from the case that matches.</summary>
    Union,

    /// <summary>Composition that only validates.</summary>
    Validation,
}

/// <summary>
/// One case of a union node. For an object case, <see cref="RequiredMembers"/> and <see cref="RequiredConsts"/> let the
/// reader rule the case out from one scan of the object's member names, before reading it.
/// </summary>
internal sealed record UnionCaseReader(string CaseName, MethodRef Reader, string? DiscriminatorValue)
{
    /// <summary>How the value the case reader reads becomes the case's value (its reader may admit null).</summary>
    public CaseValueConversion Conversion { get; init; }

    public EquatableArray<string> RequiredMembers { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<ConstMember> RequiredConsts { get; init; } = EquatableArray<ConstMember>.Empty;
}

/// <summary>
/// The check of every member name against a <c>propertyNames</c> schema: the name, as a JSON string, is read with that
/// schema's <see cref="Reader"/>; a <c>false</c> schema (<see cref="RejectsEveryName"/>) rejects any name.
/// </summary>
internal sealed record PropertyNameCheck(MethodRef? Reader, bool RejectsEveryName);

/// <summary>A <c>patternProperties</c> entry as the reader checks it: the pattern's rules field, and the reader of the members it matches.</summary>
internal sealed record PatternMemberCheck(string Pattern, string RulesField, MethodRef Reader);

/// <summary>A <c>dependentSchemas</c> entry: when the member <see cref="Trigger"/> is present, the object is also read with <see cref="Reader"/>.</summary>
internal sealed record DependentSchemaCheck(string Trigger, MethodRef Reader);

/// <summary>
/// A <c>$dynamicRef</c> (or <c>$recursiveRef</c>) as the reader follows it: to the reader of the outermost resource of
/// the dynamic scope among <see cref="Targets"/>, else, when none of them has been entered, to <see cref="Static"/>,
/// the schema it names as a plain reference would. With no targets it is a plain reference.
/// </summary>
/// <param name="StaticEntersScope">The dynamic scope number of <see cref="Static"/>'s resource, when going there enters one that must be remembered.</param>
internal sealed record DynamicRefSpec(MethodRef Static, int? StaticEntersScope, EquatableArray<DynamicTarget> Targets);

/// <summary>One place a dynamic reference may land: the anchor of the resource numbered <see cref="ScopeId"/>.</summary>
internal sealed record DynamicTarget(int ScopeId, MethodRef Reader);

/// <summary>How a union case's reader output becomes the non-null value the case holds.</summary>
internal enum CaseValueConversion
{
    /// <summary>The reader reads the case's type exactly.</summary>
    None,

    /// <summary>The reader reads a nullable reference: <c>value!</c>.</summary>
    NullForgiving,

    /// <summary>The reader reads a nullable struct: <c>value.GetValueOrDefault()</c>.</summary>
    ValueOrDefault,
}

/// <summary>A required member whose value is a fixed string.</summary>
internal sealed record ConstMember(string Name, string Value);

/// <summary>
/// Everything the generated reader of one schema node needs: the C# value it builds, the checks for each JSON type,
/// the members, items and composition, with every other node named by a <see cref="MethodRef"/>.
/// </summary>
internal sealed record NodeSpec
{
    public required string Method { get; init; }

    public required ValueShape Shape { get; init; }

    public bool Nullable { get; init; }

    /// <summary>The C# type the node's reader reads into.</summary>
    public required ReadType Value { get; init; }

    /// <summary>Whether this node's own keywords say what the value is (false for a $ref or a union, whose value comes from elsewhere).</summary>
    public bool OwnsShape { get; init; }

    public bool? BooleanSchema { get; init; }

    public JsonTypes DeclaredTypes { get; init; }

    public string? MinLength { get; init; }

    public string? MaxLength { get; init; }

    public string? Pattern { get; init; }

    public string? Format { get; init; }

    public string? Minimum { get; init; }

    public string? MultipleOf { get; init; }

    public string? Maximum { get; init; }

    public string? ExclusiveMinimum { get; init; }

    public string? ExclusiveMaximum { get; init; }

    public EquatableArray<JsonLiteral> Enum { get; init; } = EquatableArray<JsonLiteral>.Empty;

    public JsonLiteral? Const { get; init; }

    /// <summary>An empty <c>enum</c>: no value is valid.</summary>
    public bool EmptyEnum { get; init; }

    /// <summary>Whether the node inspects objects member by member.</summary>
    public bool HasObjectKeywords { get; init; }

    public EquatableArray<NodeMember> Members { get; init; } = EquatableArray<NodeMember>.Empty;

    public UnknownMemberHandling UnknownMembers { get; init; }

    public MethodRef? AdditionalProperties { get; init; }

    /// <summary>The C# type of a value of the record's additional members map, when the record keeps them.</summary>
    public string? AdditionalMemberType { get; init; }

    /// <summary>
    /// The C# type of a value of the record's pattern members map, when the node is a record with <c>patternProperties</c>.
    /// When it is not <c>JsonAny</c>, every pattern's reader reads it, and the first pattern a name matches builds the value.
    /// </summary>
    public ReadType? PatternMemberType { get; init; }

    /// <summary>What <c>propertyNames</c> asks of every member name, when it asks anything.</summary>
    public PropertyNameCheck? PropertyNames { get; init; }

    public EquatableArray<string> ReadOnlyMembers { get; init; } = EquatableArray<string>.Empty;

    public MethodRef? Items { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    /// <summary>The readers of the first items, by position; <see cref="Items"/> reads the rest.</summary>
    public EquatableArray<MethodRef> PrefixItems { get; init; } = EquatableArray<MethodRef>.Empty;

    public MethodRef? Contains { get; init; }

    /// <summary>How many items must match <see cref="Contains"/> (1 unless <c>minContains</c> says otherwise).</summary>
    public int MinContains { get; init; } = 1;

    public int? MaxContains { get; init; }

    public bool UniqueItems { get; init; }

    /// <summary>The members read by name pattern: every matching member is read with each matching entry, declared or not.</summary>
    public EquatableArray<PatternMemberCheck> PatternProperties { get; init; } = EquatableArray<PatternMemberCheck>.Empty;

    public int? MinProperties { get; init; }

    public int? MaxProperties { get; init; }

    public EquatableArray<DependentRequirement> DependentRequired { get; init; } = EquatableArray<DependentRequirement>.Empty;

    public EquatableArray<DependentSchemaCheck> DependentSchemas { get; init; } = EquatableArray<DependentSchemaCheck>.Empty;

    /// <summary>The reader of the members nothing else evaluated (<c>unevaluatedProperties</c>), unless <see cref="RejectsUnevaluatedProperties"/>.</summary>
    public MethodRef? UnevaluatedProperties { get; init; }

    /// <summary><c>"unevaluatedProperties": false</c>: a member nothing else evaluated is an error.</summary>
    public bool RejectsUnevaluatedProperties { get; init; }

    public MethodRef? UnevaluatedItems { get; init; }

    public bool RejectsUnevaluatedItems { get; init; }

    /// <summary>Whether <c>unevaluatedProperties</c> is written (a <c>true</c> one checks nothing, but still evaluates every member).</summary>
    public bool HasUnevaluatedProperties { get; init; }

    public bool HasUnevaluatedItems { get; init; }

    /// <summary>Whether the node checks unevaluated members or items, and so collects what its in-place subschemas evaluate.</summary>
    public bool ChecksUnevaluated => HasUnevaluatedProperties || HasUnevaluatedItems;

    /// <summary>
    /// Whether the node can be applied in place below a node that checks unevaluated members or items: its reader then
    /// records the members and items it evaluates while such a check collects them.
    /// </summary>
    public bool ReportsEvaluation { get; init; }

    /// <summary>Whether <c>additionalProperties</c> is written (any schema, boolean ones included): it evaluates every member it applies to.</summary>
    public bool HasAdditionalProperties { get; init; }

    /// <summary>Whether the items <c>contains</c> matches count as evaluated (draft 2020-12; not in 2019-09).</summary>
    public bool ContainsEvaluatesItems { get; init; }

    /// <summary>A schema the value must not match.</summary>
    public MethodRef? Not { get; init; }

    public MethodRef? If { get; init; }

    public MethodRef? Then { get; init; }

    public MethodRef? Else { get; init; }

    /// <summary>Whether the node counts or looks up an object's members beside reading them (<c>minProperties</c>, <c>dependentRequired</c> and the like).</summary>
    public bool HasMemberCountChecks => MinProperties is not null || MaxProperties is not null || !DependentRequired.IsEmpty || !DependentSchemas.IsEmpty;

    /// <summary>Whether the node looks at the items of an array as a whole (<c>contains</c>, <c>uniqueItems</c>).</summary>
    public bool HasItemSetChecks => Contains is not null || UniqueItems;

    /// <summary>Whether the node applies conditional or negated schemas to the whole value.</summary>
    public bool HasConditions => Not is not null || If is not null;

    // ---- what the reader does, decided here so that the emitters only write ------------------------------

    /// <summary>Whether a string is checked against rules (lengths, pattern, format).</summary>
    public bool HasStringRules => MinLength is not null || MaxLength is not null || Pattern is not null || Format is not null;

    /// <summary>Whether only whole numbers are allowed (<c>integer</c> without <c>number</c>).</summary>
    public bool IntegerOnly => DeclaredTypes.HasFlag(JsonTypes.Integer) && !DeclaredTypes.HasFlag(JsonTypes.Number);

    /// <summary>Whether a number is checked against rules (bounds, multipleOf, being whole).</summary>
    public bool HasNumberRules => Minimum is not null || Maximum is not null || ExclusiveMinimum is not null || ExclusiveMaximum is not null || MultipleOf is not null || IntegerOnly;

    /// <summary>Whether the enum this node forms has numbers for values.</summary>
    public bool IsNumericEnum => Enum.Any(l => l.Kind is JsonTypes.Integer or JsonTypes.Number);

    /// <summary>The values the node compares the value with (<c>const</c>, or an <c>enum</c> that forms no C# enum).</summary>
    public IEnumerable<JsonLiteral> CheckedLiterals =>
        OwnType is { Kind: NamedKind.Enum } ? Enumerable.Empty<JsonLiteral>()
        : Const is not null ? new[] { Const }
        : Enum;

    /// <summary>Whether the node reads an array item by item (rather than skipping it).</summary>
    public bool ReadsItems => Items is not null || MinItems is not null || MaxItems is not null || !PrefixItems.IsEmpty;

    /// <summary>Whether the node's own keywords check anything (beyond a reference it only follows).</summary>
    public bool HasOwnAssertions =>
        DeclaredTypes != JsonTypes.None || HasStringRules || HasNumberRules || !Enum.IsEmpty || EmptyEnum || Const is not null
        || HasObjectKeywords || ReadsItems || HasMemberCountChecks || HasItemSetChecks || HasConditions || DynamicRef is not null
        || ChecksUnevaluated || !AllOf.IsEmpty || !AnyOf.IsEmpty || !OneOf.IsEmpty || Composition != CompositionKind.None;

    /// <summary>Whether any JSON value is valid and read as it is (<c>{}</c>): the reader is one call.</summary>
    public bool ReadsAnyValue =>
        Shape.Kind == ValueKind.Any && Ref is null && Composition == CompositionKind.None && AllOf.IsEmpty && DeclaredTypes == JsonTypes.None && !HasOwnAssertions;

    /// <summary>Whether the reader goes over the value more than once (subschemas, literals, whole-value checks), from a copy kept at its start.</summary>
    public bool RereadsValue =>
        Shape.Kind == ValueKind.Any || Ref is not null || !AllOf.IsEmpty || !AnyOf.IsEmpty || !OneOf.IsEmpty || Composition == CompositionKind.Union
        || CheckedLiterals.Any() || HasMemberCountChecks || HasItemSetChecks || HasConditions || DynamicRef is not null || ChecksUnevaluated;

    /// <summary>Whether this node is a union with no container keywords of its own, so that its case reader advances the reader.</summary>
    public bool UnionReadsInPlace =>
        Composition == CompositionKind.Union && !HasObjectKeywords && !ReadsItems && AllOf.IsEmpty && Ref is null;

    public CompositionKind Composition { get; init; }

    public EquatableArray<MethodRef> AllOf { get; init; } = EquatableArray<MethodRef>.Empty;

    public EquatableArray<MethodRef> AnyOf { get; init; } = EquatableArray<MethodRef>.Empty;

    public EquatableArray<MethodRef> OneOf { get; init; } = EquatableArray<MethodRef>.Empty;

    public MethodRef? Ref { get; init; }

    /// <summary>The dynamic scope number of <see cref="Ref"/>'s resource, when following the reference enters one that must be remembered.</summary>
    public int? RefEntersScope { get; init; }

    public DynamicRefSpec? DynamicRef { get; init; }

    /// <summary>
    /// For the root of a resource that declares a dynamic or recursive anchor: its dynamic scope number. The reader
    /// records that evaluation is inside the resource while it reads, so that a <c>$dynamicRef</c> below can find it.
    /// </summary>
    public int? EntersScope { get; init; }

    /// <summary>The non-null case of a nullable wrapper.</summary>
    public MethodRef? Wrapped { get; init; }

    public EquatableArray<UnionCaseReader> Cases { get; init; } = EquatableArray<UnionCaseReader>.Empty;

    public bool ExactlyOneCase { get; init; }

    public string? Discriminator { get; init; }

    /// <summary>The record, enum or union this node forms, if any.</summary>
    public TypeRef? OwnType { get; init; }

    /// <summary>
    /// For a node that forms a type and also admits null (<c>"type": ["object", "null"]</c>): the reader of the type
    /// alone, which rejects null. The type's own API (<c>Parse</c>, its converter, the registry) reads through it,
    /// since a <c>Pet</c> cannot be null; members that hold the node read through <see cref="Method"/>.
    /// </summary>
    public string? NonNullMethod { get; init; }

    /// <summary>The reader the type this node forms reads with: <see cref="NonNullMethod"/>, else <see cref="Method"/>.</summary>
    public string OwnTypeMethod => NonNullMethod ?? Method;

    /// <summary>The C# members of the enum this node forms.</summary>
    public EquatableArray<EnumValueSpec> EnumValues { get; init; } = EquatableArray<EnumValueSpec>.Empty;
}
