using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Stagehand.Schema.Evolution;

/// <summary>
/// The places inside a contract's values, written the way a reviewer reads them: <c>.member</c> (a quoted JSON string
/// when the name is not plain), <c>[]</c> every item, <c>[0]</c> the item at a position, <c>{}</c> every other member's
/// value, <c>{/pattern/}</c> the members a pattern names, <c>|case</c> a union case, <c>&amp;0</c> an <c>allOf</c> branch,
/// and <c>!keyword</c> for a schema that applies in a way no one place shows (<c>!not</c>, <c>!if</c>, ...).
/// The contract's own value is the empty path.
/// </summary>
internal static class ContractPaths
{
    public static string Member(string path, string name) =>
        path + "." + (IsPlain(name) ? name : FactText.Quote(name));

    public static string Items(string path) => path + "[]";

    public static string Item(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    public static string Values(string path) => path + "{}";

    public static string PatternMembers(string path, string pattern) => path + "{/" + pattern + "/}";

    public static string Case(string path, string key) => path + "|" + key;

    public static string AllOf(string path, int index) => path + "&" + index.ToString(CultureInfo.InvariantCulture);

    public static string Applied(string path, string keyword) => path + "!" + keyword;

    /// <summary>The object a member path belongs to: <c>.a.b</c> → <c>.a</c>, <c>.a."b.c"</c> → <c>.a</c>.</summary>
    public static string Owner(string memberPath)
    {
        var quoted = memberPath.EndsWith("\"", StringComparison.Ordinal) ? memberPath.LastIndexOf(".\"", memberPath.Length - 2, StringComparison.Ordinal) : -1;
        var at = quoted >= 0 ? quoted : memberPath.LastIndexOf('.');
        return at <= 0 ? string.Empty : memberPath.Substring(0, at);
    }

    /// <summary>Whether a place is under a schema that applies indirectly (<c>!not</c>, <c>!if</c>, ...), where a change cannot be proven either way.</summary>
    public static bool IsIndirect(string path) => path.IndexOf('!') >= 0;

    private static bool IsPlain(string name) =>
        name.Length > 0 && !char.IsDigit(name[0]) && name.All(c => c < 128 && (char.IsLetterOrDigit(c) || c is '_' or '-' or '$' or '@'));
}

/// <summary>The aspects a fact can state, named as in the baseline.</summary>
internal static class FactAspects
{
    public const string Contract = "contract";
    public const string Visibility = "visibility";
    public const string Direction = "direction";
    public const string Member = "member";
    public const string Required = "required";
    public const string Items = "items";
    public const string Item = "item";
    public const string Values = "values";
    public const string PatternMember = "patternMember";
    public const string Case = "case";
    public const string Union = "union";
    public const string CaseOrder = "caseOrder";
    public const string Discriminator = "discriminator";
    public const string Ref = "ref";
    public const string Schema = "schema";
    public const string Type = "type";
    public const string Enum = "enum";
    public const string Const = "const";
    public const string Format = "format";
    public const string FormatAnnotation = "formatAnnotation";
    public const string Pattern = "pattern";
    public const string AdditionalProperties = "additionalProperties";
    public const string UnknownMembers = "unknownMembers";
    public const string Default = "default";
    public const string Deprecated = "deprecated";
    public const string ReadOnly = "readOnly";
    public const string WriteOnly = "writeOnly";
    public const string ClientOnly = "clientOnly";
    public const string ServerAssigned = "serverAssigned";
    public const string ResourceReadOnly = "resourceReadOnly";
    public const string UniqueItems = "uniqueItems";
    public const string DependentRequired = "dependentRequired";
    public const string Description = "description";
    public const string Title = "title";
    public const string DynamicRef = "dynamicRef";
    public const string Applies = "applies";

    /// <summary>Bounds: the first of each pair is a lower bound (raising it narrows), the second an upper one.</summary>
    public static readonly string[] LowerBounds = ["minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties", "minContains"];

    public static readonly string[] UpperBounds = ["maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties", "maxContains"];

    public const string MultipleOf = "multipleOf";

    /// <summary>The aspects whose presence says a place exists (a member, the items, a case): its other facts go with it.</summary>
    public static readonly string[] Places = [Contract, Member, Items, Item, Values, PatternMember, Case, Applies];
}

/// <summary>
/// Reads every fact a set of schema files states, contract by contract: each file's root and each definition in
/// <c>$defs</c> (or <c>definitions</c>) is a contract; a <c>$ref</c> to another contract is a <c>ref</c> fact (that
/// contract states its own), a <c>$ref</c> to any other schema is read in place.
/// </summary>
internal sealed class ContractFacts
{
    private readonly SchemaResources _resources;
    private readonly Dictionary<(string Path, string Pointer), string> _contractIds = new();
    private readonly Dictionary<string, string> _relativePaths = new(StringComparer.Ordinal);
    private readonly List<ContractFact> _facts = new();

    private ContractFacts(IReadOnlyList<SchemaDocument> documents, string? root)
    {
        _resources = new SchemaResources(documents);
        root ??= SchemaPaths.CommonDirectory(documents.Select(d => d.Path));
        foreach (var document in documents)
        {
            _relativePaths[document.Path] = SchemaPaths.RelativeTo(root, document.Path);
        }
    }

    /// <summary>Every fact of the contract-mode files among <paramref name="documents"/>, sorted as a baseline lists them.</summary>
    /// <param name="root">
    /// The folder contract ids are relative to: the baseline's folder, so that a schema added elsewhere does not rename
    /// every contract. Null: the folder all the files share.
    /// </param>
    public static IReadOnlyList<ContractFact> Extract(IReadOnlyList<SchemaDocument> documents, string? root = null)
    {
        var reader = new ContractFacts(documents, root is null ? null : SchemaPaths.Normalize(root));
        var contracts = new List<(SchemaDocument Document, SchemaNode Node, string Id, string Name)>();
        foreach (var document in documents.Where(d => d.Root is not null && d.Mode == SchemaMode.Contract).OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            var relative = reader._relativePaths[document.Path];
            reader.FindContracts(document, document.Root!, relative, document.RootTypeCandidate, contracts);
        }

        foreach (var (document, node, id, name) in contracts)
        {
            reader.ReadContract(document, node, id, name);
        }

        return reader._facts.Distinct().OrderBy(f => f.Line, StringComparer.Ordinal).ToList();
    }

    private void FindContracts(SchemaDocument document, SchemaNode node, string id, string name, List<(SchemaDocument, SchemaNode, string, string)> contracts)
    {
        _contractIds[(document.Path, node.Pointer)] = id;
        contracts.Add((document, node, id, name));
        foreach (var definition in node.Definitions)
        {
            var definitionId = _relativePaths[document.Path] + "#" + definition.Schema.Pointer;
            FindContracts(document, definition.Schema, definitionId, definition.Schema.TypeName ?? Identifiers.ToTypeName(Identifiers.ToPascalCase(definition.Name), "Type"), contracts);
        }
    }

    private void ReadContract(SchemaDocument document, SchemaNode node, string id, string name)
    {
        Add(id, string.Empty, FactAspects.Contract, FactText.Quote(name), node.Location);
        // A definition is as visible as its file; a definition's direction may show in its name.
        Add(id, string.Empty, FactAspects.Visibility, FactText.Quote(document.Visibility == SchemaVisibility.Internal ? "internal" : "public"), node.Location);
        if (ContractDirections.Declared(node, name) is { } direction)
        {
            Add(id, string.Empty, FactAspects.Direction, FactText.Quote(ContractDirections.Name(direction)), node.Location);
        }

        if (node.Pointer.Length == 0)
        {
            if (node.RequestFor is { } requestFor && ReadOnlyMembersOf(document, node, requestFor) is { Count: > 0 } readOnly)
            {
                // A request written for a resource refuses the members the resource marks readOnly (mass assignment).
                Add(id, string.Empty, FactAspects.ResourceReadOnly, FactText.Array(readOnly.Select(FactText.Quote)), node.Location);
            }

            if (!node.ServerAssigned.IsEmpty)
            {
                Add(id, string.Empty, FactAspects.ServerAssigned, FactText.Array(node.ServerAssigned.Select(FactText.Quote)), node.Location);
            }
        }

        Read(document, node, id, string.Empty, new HashSet<(string, string)>());
    }

    /// <summary>The members the resource a request is written for marks <c>readOnly</c>, sorted.</summary>
    private List<string> ReadOnlyMembersOf(SchemaDocument document, SchemaNode node, string requestFor)
    {
        var resource = _resources.Find(_resources.Absolute(document, node, requestFor));
        return resource is { } found
            ? found.Node.Properties.Where(p => p.Schema.ReadOnly).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToList()
            : new List<string>();
    }

    private void Read(SchemaDocument document, SchemaNode node, string contract, string path, HashSet<(string, string)> inlined)
    {
        void Fact(string aspect, string value) => Add(contract, path, aspect, value, node.Location);

        if (node.BooleanValue is { } boolean)
        {
            Fact(FactAspects.Schema, boolean ? "true" : "false");
            return;
        }

        if (node.Ref is not null)
        {
            var target = _resources.Find(_resources.Absolute(document, node, node.Ref));
            if (target is { } found && _contractIds.TryGetValue((found.Document.Path, found.Node.Pointer), out var targetId))
            {
                Fact(FactAspects.Ref, FactText.Quote(targetId));
            }
            else if (target is { } inline && inlined.Add((inline.Document.Path, inline.Node.Pointer)))
            {
                // A schema that is no contract of its own: its facts are this place's facts.
                Read(inline.Document, inline.Node, contract, path, inlined);
                inlined.Remove((inline.Document.Path, inline.Node.Pointer));
            }
            else
            {
                Fact(FactAspects.Ref, FactText.Quote(node.Ref));
            }
        }

        if (node.DynamicRef is not null)
        {
            Fact(FactAspects.DynamicRef, FactText.Quote(node.DynamicRef));
        }

        if (node.Types != JsonTypes.None)
        {
            Fact(FactAspects.Type, FactText.Array(JsonTypeNames(node.Types).Select(FactText.Quote)));
        }

        if (!node.Enum.IsEmpty)
        {
            Fact(FactAspects.Enum, FactText.Array(node.Enum.Select(Canonical).Distinct().OrderBy(v => v, StringComparer.Ordinal)));
        }

        if (node.Const is { } constant)
        {
            Fact(FactAspects.Const, Canonical(constant));
        }

        if (node.Format is { } format)
        {
            Fact(document.AssertedFormat(node) is not null || (document.AssertsFormats && FormatNames.RuntimeName(format) is null) ? FactAspects.Format : FactAspects.FormatAnnotation, FactText.Quote(format));
        }

        if (node.Pattern is { } pattern)
        {
            Fact(FactAspects.Pattern, FactText.Quote(pattern));
        }

        Bound("minLength", node.MinLength);
        Bound("maxLength", node.MaxLength);
        Bound("minItems", node.MinItems);
        Bound("maxItems", node.MaxItems);
        Bound("minProperties", node.MinProperties);
        Bound("maxProperties", node.MaxProperties);
        if (node.Contains is not null)
        {
            Bound("minContains", node.MinContains ?? 1);
            Bound("maxContains", node.MaxContains);
        }

        Number("minimum", node.Minimum);
        Number("maximum", node.Maximum);
        Number("exclusiveMinimum", node.ExclusiveMinimum);
        Number("exclusiveMaximum", node.ExclusiveMaximum);
        Number(FactAspects.MultipleOf, node.MultipleOf);
        if (node.UniqueItems)
        {
            Fact(FactAspects.UniqueItems, "true");
        }

        if (node.Default is { } @default)
        {
            Fact(FactAspects.Default, Canonical(@default));
        }

        Flag(FactAspects.Deprecated, node.Deprecated);
        Flag(FactAspects.ReadOnly, node.ReadOnly);
        Flag(FactAspects.WriteOnly, node.WriteOnly);
        Flag(FactAspects.ClientOnly, node.ClientOnly);
        if (node.Description is { } description)
        {
            Fact(FactAspects.Description, FactText.Quote(Digest(description)));
        }

        if (node.Title is { } title)
        {
            Fact(FactAspects.Title, FactText.Quote(title));
        }

        ReadObject(document, node, contract, path, inlined);
        ReadArray(document, node, contract, path, inlined);
        ReadApplicators(document, node, contract, path, inlined);

        void Bound(string aspect, int? value)
        {
            if (value is { } bound)
            {
                Fact(aspect, bound.ToString(CultureInfo.InvariantCulture));
            }
        }

        void Number(string aspect, string? value)
        {
            if (value is not null)
            {
                Fact(aspect, value);
            }
        }

        void Flag(string aspect, bool value)
        {
            if (value)
            {
                Fact(aspect, "true");
            }
        }
    }

    private void ReadObject(SchemaDocument document, SchemaNode node, string contract, string path, HashSet<(string, string)> inlined)
    {
        foreach (var property in node.Properties)
        {
            var member = ContractPaths.Member(path, property.Name);
            Add(contract, member, FactAspects.Member, "true", property.NameLocation);
            Read(document, property.Schema, contract, member, inlined);
        }

        foreach (var name in node.Required)
        {
            Add(contract, ContractPaths.Member(path, name), FactAspects.Required, "true", node.Location);
        }

        foreach (var requirement in node.DependentRequired)
        {
            Add(contract, ContractPaths.Member(path, requirement.Trigger), FactAspects.DependentRequired, FactText.Array(requirement.Required.OrderBy(r => r, StringComparer.Ordinal).Select(FactText.Quote)), node.Location);
        }

        if (node.AdditionalProperties is { } additional)
        {
            if (additional.BooleanValue is { } allowed)
            {
                Add(contract, path, FactAspects.AdditionalProperties, allowed ? "true" : "false", additional.Location);
            }
            else
            {
                var values = ContractPaths.Values(path);
                Add(contract, values, FactAspects.Values, "true", additional.Location);
                Read(document, additional, contract, values, inlined);
            }
        }

        if (node.UnknownMembers != UnknownMemberHandling.Unspecified)
        {
            Add(contract, path, FactAspects.UnknownMembers, FactText.Quote(node.UnknownMembers.ToString().ToLowerInvariant()), node.Location);
        }

        foreach (var pattern in node.PatternProperties)
        {
            var members = ContractPaths.PatternMembers(path, pattern.Pattern);
            Add(contract, members, FactAspects.PatternMember, "true", pattern.Schema.Location);
            Read(document, pattern.Schema, contract, members, inlined);
        }
    }

    private void ReadArray(SchemaDocument document, SchemaNode node, string contract, string path, HashSet<(string, string)> inlined)
    {
        for (var i = 0; i < node.PrefixItems.Count; i++)
        {
            var item = ContractPaths.Item(path, i);
            Add(contract, item, FactAspects.Item, "true", node.PrefixItems[i].Location);
            Read(document, node.PrefixItems[i], contract, item, inlined);
        }

        if (node.Items is { } items)
        {
            var every = ContractPaths.Items(path);
            Add(contract, every, FactAspects.Items, "true", items.Location);
            Read(document, items, contract, every, inlined);
        }
    }

    private void ReadApplicators(SchemaDocument document, SchemaNode node, string contract, string path, HashSet<(string, string)> inlined)
    {
        if (node.IsUnion)
        {
            Add(contract, path, FactAspects.Union, FactText.Quote(node.OneOf.IsEmpty ? "anyOf" : "oneOf"), node.Location);
            var discriminator = UnionDiscriminators.Find(document, node, Dereference);
            if (discriminator is not null)
            {
                Add(contract, path, FactAspects.Discriminator, FactText.Quote(discriminator), node.Location);
            }

            var index = 0;
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var caseKeys = new List<string>();
            foreach (var branch in node.Branches)
            {
                var key = CaseKey(document, branch, discriminator, index++);
                while (!keys.Add(key))
                {
                    key += "'";
                }

                caseKeys.Add(key);

                var place = ContractPaths.Case(path, key);
                Add(contract, place, FactAspects.Case, "true", branch.Location);
                Read(document, branch, contract, place, inlined);
            }

            // The order matters to a reader of anyOf, which tries the cases in turn.
            Add(contract, path, FactAspects.CaseOrder, FactText.Array(caseKeys.Select(FactText.Quote)), node.Location);
        }

        for (var i = 0; i < node.AllOf.Count; i++)
        {
            Read(document, node.AllOf[i], contract, ContractPaths.AllOf(path, i), inlined);
        }

        Indirect("not", node.Not);
        Indirect("if", node.If);
        Indirect("then", node.Then);
        Indirect("else", node.Else);
        Indirect("contains", node.Contains);
        Indirect("propertyNames", node.PropertyNames);
        Indirect("unevaluatedProperties", node.UnevaluatedProperties);
        Indirect("unevaluatedItems", node.UnevaluatedItems);
        foreach (var dependent in node.DependentSchemas)
        {
            Indirect("dependentSchemas/" + dependent.Name, dependent.Schema);
        }

        void Indirect(string keyword, SchemaNode? schema)
        {
            if (schema is not null)
            {
                var place = ContractPaths.Applied(path, keyword);
                Add(contract, place, FactAspects.Applies, "true", schema.Location);
                Read(document, schema, contract, place, inlined);
            }
        }
    }

    /// <summary>How a case is known across versions: its discriminator value, else the contract it refers to, else its title, else its position.</summary>
    private string CaseKey(SchemaDocument document, SchemaNode branch, string? discriminator, int index)
    {
        var target = Target(document, branch);
        if (discriminator is not null && UnionDiscriminators.ValueOf(document, branch, discriminator, Dereference) is { } value)
        {
            return FactText.Quote(value);
        }

        if (branch.Ref is not null && _contractIds.TryGetValue((target.Document.Path, target.Node.Pointer), out var id))
        {
            return id;
        }

        if (branch.Title is { } title)
        {
            return FactText.Quote(title);
        }

        if (branch.Types != JsonTypes.None && (branch.Types & (branch.Types - 1)) == 0)
        {
            return JsonTypeNames(branch.Types).Single();
        }

        return "#" + index.ToString(CultureInfo.InvariantCulture);
    }

    private SchemaLocation Target(SchemaDocument document, SchemaNode node)
    {
        var at = new SchemaLocation(document, node);
        for (var hops = 0; at.Node.Ref is not null && hops < 16; hops++)
        {
            if (_resources.Find(_resources.Absolute(at.Document, at.Node, at.Node.Ref)) is not { } next)
            {
                break;
            }

            at = next;
        }

        return at;
    }

    private (SchemaDocument? Document, SchemaNode? Node) Dereference(SchemaDocument document, SchemaNode node)
    {
        var target = Target(document, node);
        return target.Node.Ref is null ? (target.Document, target.Node) : (null, null);
    }

    private void Add(string contract, string path, string aspect, string value, LocationInfo? location) =>
        _facts.Add(new ContractFact(contract, path, aspect, value, location));

    public static IEnumerable<string> JsonTypeNames(JsonTypes types)
    {
        foreach (var (flag, name) in new[]
        {
            (JsonTypes.Array, "array"), (JsonTypes.Boolean, "boolean"), (JsonTypes.Integer, "integer"), (JsonTypes.Null, "null"),
            (JsonTypes.Number, "number"), (JsonTypes.Object, "object"), (JsonTypes.String, "string"),
        })
        {
            if ((types & flag) != 0)
            {
                yield return name;
            }
        }
    }

    /// <summary>A literal as canonical JSON text on one line: strings quoted, numbers as written, containers without whitespace.</summary>
    public static string Canonical(JsonLiteral literal) => literal.Kind switch
    {
        JsonTypes.String => FactText.Quote(literal.Text),
        JsonTypes.Object or JsonTypes.Array => Compact(literal.Text),
        _ => literal.Text,
    };

    /// <summary>JSON text without insignificant whitespace (a baseline fact is one line).</summary>
    private static string Compact(string json)
    {
        var output = new System.IO.MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(output))
        {
            var reader = new System.Text.Json.Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case System.Text.Json.JsonTokenType.StartObject: writer.WriteStartObject(); break;
                    case System.Text.Json.JsonTokenType.EndObject: writer.WriteEndObject(); break;
                    case System.Text.Json.JsonTokenType.StartArray: writer.WriteStartArray(); break;
                    case System.Text.Json.JsonTokenType.EndArray: writer.WriteEndArray(); break;
                    case System.Text.Json.JsonTokenType.PropertyName: writer.WritePropertyName(reader.GetString()!); break;
                    case System.Text.Json.JsonTokenType.String: writer.WriteStringValue(reader.GetString()); break;
                    case System.Text.Json.JsonTokenType.Number: writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true); break;
                    case System.Text.Json.JsonTokenType.True: writer.WriteBooleanValue(true); break;
                    case System.Text.Json.JsonTokenType.False: writer.WriteBooleanValue(false); break;
                    case System.Text.Json.JsonTokenType.Null: writer.WriteNullValue(); break;
                }
            }
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>A short, stable digest of a text (FNV-1a, 64 bits): a baseline notes that a description changed without holding it.</summary>
    private static string Digest(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }
}

/// <summary>The JSON text facts are written in: quoted strings and arrays.</summary>
internal static class FactText
{
    /// <summary>A JSON string: the escapes of a C# literal are JSON's too.</summary>
    public static string Quote(string text) => Identifiers.Literal(text);

    public static string Array(IEnumerable<string> items) => "[" + string.Join(",", items) + "]";
}
