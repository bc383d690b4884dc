using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace Stagehand.Schema;

/// <summary>
/// Reads a schema file with <see cref="Utf8JsonReader"/> into a <see cref="SchemaDocument"/>. It never throws on
/// bad input: every problem becomes a <see cref="SchemaProblem"/> with the line and column of the keyword at fault.
/// </summary>
internal static class SchemaReader
{
    public const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    public const string Draft201909 = "https://json-schema.org/draft/2019-09/schema";

    public const string Draft7 = "http://json-schema.org/draft-07/schema";

    /// <summary>The dialects a file may name in <c>$schema</c> (with or without the empty fragment, over http or https).</summary>
    private static readonly string[] Dialects = [Draft202012, Draft201909, Draft7];

    /// <summary>The dialect a <c>$schema</c> value names, or null when it is not one of <see cref="Dialects"/>.</summary>
    public static string? DialectOf(string uri)
    {
        var trimmed = uri.Trim().TrimEnd('#');
        foreach (var dialect in Dialects)
        {
            if (string.Equals(trimmed, dialect, StringComparison.Ordinal)
                || string.Equals(trimmed, dialect.Replace("https://", "http://"), StringComparison.Ordinal)
                || string.Equals(trimmed, dialect.Replace("http://", "https://"), StringComparison.Ordinal))
            {
                return dialect;
            }
        }

        return null;
    }

    /// <summary>How deep a schema file may nest; deeper text is reported, not followed.</summary>
    public const int MaxDepth = 128;

    /// <summary>
    /// Past this many problems, a file is taken for JSON that is not a schema at all (a config file that happens to end in
    /// <c>.schema.json</c>): it gets one problem at its root instead of one per value.
    /// </summary>
    public const int NotASchemaThreshold = 25;

    /// <summary>
    /// Reads one schema file of a build: never throws, reports text that could not be read, and adds the problem of
    /// its settings (bad metadata) to the file's own.
    /// </summary>
    public static SchemaDocument ReadFile(string path, SchemaFileSettings settings, SourceText? text, CancellationToken cancellationToken = default)
    {
        var start = new LocationInfo(path, 0, 0, 0, 0, 0, 0);
        SchemaDocument document;
        if (text is null)
        {
            document = Failed("The schema file could not be read.");
        }
        else
        {
            try
            {
                document = Read(path, settings.Namespace, text, cancellationToken, settings.Mode, settings.DefaultDialect, settings.OpenApiNullable) with { DefaultVisibility = settings.DefaultVisibility, FormatAssertion = settings.FormatAssertion, RetrievalUri = settings.SchemaUri };
                var errors = document.Problems.Items.Where(problem => !problem.IsNote).ToList();
                if (errors.Count > NotASchemaThreshold)
                {
                    var first = errors[0];
                    document = document with
                    {
                        Problems = System.Collections.Immutable.ImmutableArray.Create(new SchemaProblem(
                            "schema",
                            $"This file does not read as a JSON Schema: {errors.Count} problems, the first at line {first.Location.StartLine + 1}: {first.Message} If it is not a schema, rename it so that it does not end in {SchemaPaths.Extension}, or take it out of the project's AdditionalFiles.",
                            document.Root?.Location.FirstCharacter() ?? start)).ToEquatableArray(),
                    };
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                document = Failed("The schema could not be read: " + exception.Message);
            }
        }

        if (settings.Problem is not null)
        {
            document = document with { Problems = document.Problems.Items.Add(new SchemaProblem("metadata", settings.Problem, start)).ToEquatableArray() };
        }

        return document;

        SchemaDocument Failed(string message) => new(
            SchemaPaths.Normalize(path),
            settings.Namespace,
            null,
            System.Collections.Immutable.ImmutableArray.Create(new SchemaProblem("json", message, start)).ToEquatableArray(),
            settings.Mode,
            settings.DefaultVisibility);
    }

    public static SchemaDocument Read(string path, string @namespace, SourceText text, CancellationToken cancellationToken = default, SchemaMode mode = SchemaMode.Contract, string? defaultDialect = null, bool openApiNullable = false)
    {
        var parser = new Parser(new JsonTextMap(path, text), 0, null, mode, cancellationToken, defaultDialect, openApiNullable);
        var root = parser.Parse();
        return new SchemaDocument(SchemaPaths.Normalize(path), @namespace, root, parser.Problems.ToEquatableArray(), mode) { Dialect = parser.Dialect };
    }

    /// <summary>
    /// Reads the schema written at <paramref name="byteLength"/> bytes from <paramref name="byteStart"/> of a JSON file that
    /// is not itself a schema file (a parameter's schema in an operations file), as a contract schema of its own: its
    /// nodes and problems are placed in that file, and its root's pointer is <c>""</c>.
    /// </summary>
    public static SchemaDocument ReadEmbedded(JsonTextMap map, int byteStart, int byteLength, CancellationToken cancellationToken = default)
    {
        var window = new byte[byteLength];
        Array.Copy(map.Utf8, byteStart, window, 0, byteLength);
        var parser = new Parser(map, byteStart, window, SchemaMode.Contract, cancellationToken);
        var root = parser.Parse();
        return new SchemaDocument(SchemaPaths.Normalize(map.Path), string.Empty, root, parser.Problems.ToEquatableArray()) { Dialect = parser.Dialect };
    }

    private sealed class Parser
    {
        /// <summary>
        /// Keywords that only annotate, so reading them changes no verdict and no C# shape: the content vocabulary, and
        /// what other tools write in schemas (OpenAPI's <c>example</c>, editors' <c>markdownDescription</c>).
        /// </summary>
        private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
        {
            "contentEncoding", "contentMediaType", "contentSchema", "example", "markdownDescription",
        };

        /// <summary>Every keyword of the draft 2020-12 vocabularies (and draft 7's), for telling a misspelt keyword from an annotation.</summary>
        private static readonly string[] KnownKeywords =
        [
            "$schema", "$id", "$ref", "$defs", "$comment", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "title",
            "description", "default", "examples", "deprecated", "readOnly", "writeOnly", "type", "enum", "const", "multipleOf",
            "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems",
            "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties", "minProperties", "required",
            "dependentRequired", "properties", "patternProperties", "additionalProperties", "propertyNames", "items",
            "prefixItems", "contains", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas",
            "unevaluatedItems", "unevaluatedProperties", "format", "contentEncoding", "contentMediaType", "contentSchema",
            "definitions", "dependencies", "additionalItems", "$recursiveRef", "$recursiveAnchor",
        ];

        private static readonly HashSet<string> RootOnly = new(StringComparer.Ordinal)
        {
            "x-stagehand-visibility", "x-stagehand-mirrors", "x-stagehand-requestFor", "x-stagehand-persisted", "x-stagehand-serverAssigned",
            "x-stagehand-formatAssertion", "x-stagehand-direction", "x-stagehand-version",
        };

        private readonly JsonTextMap _map;

        /// <summary>The bytes read: the whole file, or the window of an embedded schema that starts at <see cref="_offset"/> in it.</summary>
        private readonly byte[] _utf8;

        private readonly int _offset;
        private readonly CancellationToken _cancellationToken;
        private readonly SchemaMode _mode;

        /// <summary>The dialect the root's <c>$schema</c> names (draft 2020-12 when it names none), read before the rest.</summary>
        private readonly string _dialect;

        public string Dialect => _dialect;

        /// <summary>Whether OpenAPI 3.0's <c>nullable</c> means "or null" in this file.</summary>
        private readonly bool _openApiNullable;

        public Parser(JsonTextMap map, int offset, byte[]? window, SchemaMode mode, CancellationToken cancellationToken, string? defaultDialect = null, bool openApiNullable = false)
        {
            _openApiNullable = openApiNullable;
            _mode = mode;
            _cancellationToken = cancellationToken;
            _map = map;
            _offset = offset;
            _utf8 = window ?? map.Utf8;
            _dialect = DialectOf(RootSchemaKeyword(_utf8) ?? defaultDialect ?? Draft202012) ?? Draft202012;
        }


        /// <summary>The root object's <c>$schema</c> string, found by a quick pass over its members; null when absent or unreadable.</summary>
        private static string? RootSchemaKeyword(byte[] utf8)
        {
            try
            {
                var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return null;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isSchema = reader.ValueTextEquals("$schema"u8);
                    reader.Read();
                    if (isSchema && reader.TokenType == JsonTokenType.String)
                    {
                        return reader.GetString();
                    }

                    reader.Skip();
                }
            }
            catch (JsonException)
            {
                // The full read reports what is wrong with the text.
            }

            return null;
        }

        public List<SchemaProblem> Problems { get; } = new();

        public SchemaNode? Parse()
        {
            var options = new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Disallow,
                AllowTrailingCommas = false,
                MaxDepth = MaxDepth,
            };
            var reader = new Utf8JsonReader(_utf8, options);
            try
            {
                if (!reader.Read())
                {
                    Report("json", "The schema file is empty.", 0, 0);
                    return null;
                }

                var root = ReadSchema(ref reader, string.Empty);
                if (reader.Read())
                {
                    Report("json", "Text follows the end of the schema.", (int)reader.TokenStartIndex, 1);
                    return null;
                }

                CheckRoot(root);
                return root;
            }
            catch (JsonException exception)
            {
                Problems.Clear();
                var line = (int)(exception.LineNumber ?? 0);
                var bytePosition = (int)(exception.BytePositionInLine ?? 0);
                var offset = JsonTextMap.ByteOffsetOfLine(_utf8, line) + bytePosition;
                Report("json", "The schema is not valid JSON: " + FirstSentence(exception.Message), Math.Min(offset, _utf8.Length), 0);
                return null;
            }
        }

        private void CheckRoot(SchemaNode root)
        {
            if (_mode == SchemaMode.Validator)
            {
                return;
            }

            if (root.BooleanValue is not null)
            {
                Problems.Add(new SchemaProblem("x-stagehand-visibility", "A schema file's root must be an object that states its visibility.", root.Location));
                return;
            }

            // A root that states no visibility takes the project's default (public unless StagehandDefaultVisibility says
            // internal): a schema written without this dialect is read as it is.
        }

        private SchemaNode ReadSchema(ref Utf8JsonReader reader, string pointer)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var start = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.True:
                case JsonTokenType.False:
                    return new SchemaNode
                    {
                        Location = LocationOf(start, (int)reader.BytesConsumed - start),
                        Pointer = pointer,
                        BooleanValue = reader.TokenType == JsonTokenType.True,
                    };
                case JsonTokenType.StartObject:
                    return ReadSchemaObject(ref reader, pointer, start);
                default:
                    var length = SkipValue(ref reader, start);
                    Report("schema", "A schema must be an object or a boolean.", start, length);
                    return new SchemaNode { Location = LocationOf(start, length), Pointer = pointer, BooleanValue = true };
            }
        }

        private SchemaNode ReadSchemaObject(ref Utf8JsonReader reader, string pointer, int start)
        {
            var node = new SchemaNode { Location = LocationOf(start, 1), Pointer = pointer };
            var seen = new HashSet<string>(StringComparer.Ordinal);
            SchemaNode? additionalItems = null;
            var itemsIsArray = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var keyword = reader.GetString()!;
                var keywordStart = (int)reader.TokenStartIndex;
                var keywordLength = reader.ValueSpan.Length + 2;
                if (!seen.Add(keyword))
                {
                    Report(keyword, $"The keyword '{keyword}' appears twice in one schema.", keywordStart, keywordLength);
                }

                reader.Read();
                if (_dialect != Draft202012 && keyword == "additionalItems")
                {
                    // Before 2020-12, additionalItems is the schema of the items after the array form of items.
                    additionalItems = ReadSchema(ref reader, pointer + "/additionalItems");
                    continue;
                }

                itemsIsArray |= keyword == "items" && reader.TokenType == JsonTokenType.StartArray;
                node = ReadKeyword(ref reader, node, keyword, pointer, keywordStart, keywordLength);
            }

            if (_dialect != Draft202012 && itemsIsArray)
            {
                // The array form of items reads as prefixItems; additionalItems then holds every later item.
                node = node with { Items = additionalItems };
            }

            var end = (int)reader.BytesConsumed;
            node = node with { Location = LocationOf(start, end - start) };
            if (node.OpenApiNullable && _openApiNullable && node.Types != JsonTypes.None)
            {
                // OpenAPI 3.0, opted in: "nullable": true adds null to the declared types.
                node = node with { Types = node.Types | JsonTypes.Null };
            }

            if (_dialect == Draft7 && node.Ref is not null)
            {
                // Draft 7: "All other properties in a $ref object MUST be ignored." Only where the reference points
                // matters; definitions stay, since a JSON Pointer may still lead into them.
                node = new SchemaNode
                {
                    Location = node.Location,
                    Pointer = node.Pointer,
                    Ref = node.Ref,
                    RefLocation = node.RefLocation,
                    Definitions = node.Definitions,
                    Description = node.Description,
                    // Still published with the file, so still read by whoever reads it.
                    Texts = node.Texts,
                };
            }

            CheckConsistency(node);
            return node;
        }

        private SchemaNode ReadKeyword(ref Utf8JsonReader reader, SchemaNode node, string keyword, string pointer, int keywordStart, int keywordLength)
        {
            var valueStart = (int)reader.TokenStartIndex;
            if (RootOnly.Contains(keyword) && pointer.Length != 0)
            {
                SkipValue(ref reader, valueStart);
                Report(keyword, $"'{keyword}' belongs on the schema root only.", keywordStart, keywordLength);
                return node;
            }

            switch (keyword)
            {
                case "$schema":
                    var dialect = ReadString(ref reader, keyword);
                    if (dialect is not null && pointer.Length == 0 && DialectOf(dialect) is null)
                    {
                        if (System.Text.RegularExpressions.Regex.IsMatch(dialect, @"^https?://json-schema\.org/draft-0[3-6]/schema#?$"))
                        {
                            // An older official dialect: its keywords mean other things (a boolean exclusiveMaximum, 'id'), so it is not read as a newer one.
                            Report(keyword, $"The dialect '{dialect}' is not supported: name draft 2020-12 ({Draft202012}), 2019-09 or 7, or leave '$schema' out for 2020-12.", valueStart, ValueLength(ref reader, valueStart));
                            return node;
                        }

                        // A custom meta-schema: its $vocabulary, found among the build's files, says which keywords apply.
                        return node with { MetaSchema = dialect, MetaSchemaLocation = LocationOf(valueStart, ValueLength(ref reader, valueStart)) };
                    }

                    return node;
                case "$vocabulary":
                    return node with { Vocabulary = ReadVocabulary(ref reader, valueStart) };
                case "$id":
                    var id = ReadString(ref reader, keyword);
                    if (id is null)
                    {
                        return node;
                    }

                    if (_dialect == Draft7 && id.StartsWith("#", StringComparison.Ordinal))
                    {
                        // Draft 7's location-independent identifier: a plain-name fragment, the later $anchor.
                        return id.Length > 1 ? node with { Anchor = id.Substring(1) } : node;
                    }

                    return node with { Id = id.EndsWith("#", StringComparison.Ordinal) ? id.Substring(0, id.Length - 1) : id };
                case "$anchor" when _dialect != Draft7:
                    return node with { Anchor = ReadAnchor(ref reader, keyword) };
                case "$dynamicAnchor" when _dialect == Draft202012:
                    return node with { DynamicAnchor = ReadAnchor(ref reader, keyword) };
                case "$dynamicRef" when _dialect == Draft202012:
                case "$recursiveRef" when _dialect == Draft201909:
                    var dynamicReference = ReadString(ref reader, keyword);
                    if (dynamicReference is null)
                    {
                        return node;
                    }

                    if (keyword == "$recursiveRef" && dynamicReference != "#")
                    {
                        Report(keyword, $"'$recursiveRef' must be \"#\", not '{dynamicReference}': it always refers to the root of its resource. Use '$ref' for other targets.", valueStart, ValueLength(ref reader, valueStart));
                        return node;
                    }

                    return node with { DynamicRef = dynamicReference, IsRecursiveRef = keyword == "$recursiveRef", DynamicRefLocation = LocationOf(valueStart, ValueLength(ref reader, valueStart)) };
                case "$recursiveAnchor" when _dialect == Draft201909:
                    return node with { RecursiveAnchor = ReadBoolean(ref reader, keyword) };
                case "$comment":
                    ReadString(ref reader, keyword);
                    return node;
                case "examples":
                    var examples = new List<SchemaText>();
                    ReadExampleStrings(ref reader, pointer + "/examples", examples);
                    return examples.Count == 0 ? node : node with { Texts = node.Texts.Items.AddRange(examples).ToEquatableArray() };
                case "default":
                    return node with { Default = ReadLiteral(ref reader) };
                case "title":
                    var title = ReadString(ref reader, keyword);
                    return node with { Title = title, Texts = title is null ? node.Texts : WithText(node, keyword, pointer, title, valueStart, ref reader) };
                case "description":
                    var description = ReadString(ref reader, keyword);
                    return node with { Description = description, Texts = description is null ? node.Texts : WithText(node, keyword, pointer, description, valueStart, ref reader) };
                case "deprecated":
                    return node with { Deprecated = ReadBoolean(ref reader, keyword) };
                case "readOnly":
                    return node with { ReadOnly = ReadBoolean(ref reader, keyword) };
                case "writeOnly":
                    return node with { WriteOnly = ReadBoolean(ref reader, keyword) };
                case "type":
                    return node with { Types = ReadTypes(ref reader) };
                case "properties":
                    return node with { Properties = ReadProperties(ref reader, pointer + "/properties") };
                case "required":
                    return node with { Required = ReadStringArray(ref reader, keyword, unique: true) };
                case "additionalProperties":
                    return node with { AdditionalProperties = ReadSchema(ref reader, pointer + "/additionalProperties") };
                case "propertyNames":
                    return node with { PropertyNames = ReadSchema(ref reader, pointer + "/propertyNames") };
                case "items":
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        if (_dialect != Draft202012)
                        {
                            return node with { PrefixItems = ReadSchemaArray(ref reader, keyword, pointer + "/items", allowEmpty: true) };
                        }

                        SkipValue(ref reader, valueStart);
                        Report(keyword, "'items' takes one schema in draft 2020-12: write the schemas of the first items as 'prefixItems', and the schema of the rest as 'items'.", keywordStart, keywordLength);
                        return node;
                    }

                    return node with { Items = ReadSchema(ref reader, pointer + "/items") };
                case "prefixItems" when _dialect == Draft202012:
                    return node with { PrefixItems = ReadSchemaArray(ref reader, keyword, pointer + "/prefixItems") };
                case "contains":
                    return node with { Contains = ReadSchema(ref reader, pointer + "/contains") };
                case "minContains" when _dialect != Draft7:
                    return node with { MinContains = ReadCount(ref reader, keyword) };
                case "maxContains" when _dialect != Draft7:
                    return node with { MaxContains = ReadCount(ref reader, keyword) };
                case "uniqueItems":
                    return node with { UniqueItems = ReadBoolean(ref reader, keyword) };
                case "patternProperties":
                    return node with { PatternProperties = ReadPatternProperties(ref reader, pointer + "/patternProperties") };
                case "minProperties":
                    return node with { MinProperties = ReadCount(ref reader, keyword) };
                case "maxProperties":
                    return node with { MaxProperties = ReadCount(ref reader, keyword) };
                case "dependentRequired" when _dialect != Draft7:
                    return node with { DependentRequired = node.DependentRequired.Items.AddRange(ReadDependentRequired(ref reader, keyword).Items).ToEquatableArray() };
                case "dependentSchemas" when _dialect != Draft7:
                    return node with { DependentSchemas = node.DependentSchemas.Items.AddRange(ReadDefinitions(ref reader, keyword, pointer + "/" + keyword).Items).ToEquatableArray() };
                case "dependencies" when _dialect == Draft7:
                    return ReadDependencies(ref reader, node, pointer + "/dependencies");
                case "not":
                    return node with { Not = ReadSchema(ref reader, pointer + "/not") };
                case "unevaluatedProperties" when _dialect != Draft7:
                    return node with { UnevaluatedProperties = ReadSchema(ref reader, pointer + "/unevaluatedProperties") };
                case "unevaluatedItems" when _dialect != Draft7:
                    return node with { UnevaluatedItems = ReadSchema(ref reader, pointer + "/unevaluatedItems") };
                case "if":
                    return node with { If = ReadSchema(ref reader, pointer + "/if") };
                case "then":
                    return node with { Then = ReadSchema(ref reader, pointer + "/then") };
                case "else":
                    return node with { Else = ReadSchema(ref reader, pointer + "/else") };
                case "enum":
                    var values = ReadEnum(ref reader);
                    return node with { Enum = values, EmptyEnum = values.IsEmpty };
                case "const":
                    return node with { Const = ReadLiteral(ref reader) };
                case "format":
                    return node with { Format = ReadString(ref reader, keyword) };
                case "pattern":
                    return node with { Pattern = ReadPattern(ref reader) };
                case "minimum":
                    return node with { Minimum = ReadNumber(ref reader, keyword) };
                case "multipleOf":
                    var divisor = ReadNumber(ref reader, keyword);
                    if (divisor is not null && (divisor.StartsWith("-", StringComparison.Ordinal) || !divisor.Any(c => c is >= '1' and <= '9' || (c is 'e' or 'E'))))
                    {
                        Report(keyword, $"'multipleOf' must be greater than 0, not {divisor}.", valueStart, ValueLength(ref reader, valueStart));
                        return node;
                    }

                    return node with { MultipleOf = divisor };
                case "maximum":
                    return node with { Maximum = ReadNumber(ref reader, keyword) };
                case "exclusiveMinimum":
                    return node with { ExclusiveMinimum = ReadNumber(ref reader, keyword) };
                case "exclusiveMaximum":
                    return node with { ExclusiveMaximum = ReadNumber(ref reader, keyword) };
                case "minLength":
                    return node with { MinLength = ReadCount(ref reader, keyword) };
                case "maxLength":
                    return node with { MaxLength = ReadCount(ref reader, keyword) };
                case "minItems":
                    return node with { MinItems = ReadCount(ref reader, keyword) };
                case "maxItems":
                    return node with { MaxItems = ReadCount(ref reader, keyword) };
                case "anyOf":
                    return node with { AnyOf = ReadSchemaArray(ref reader, keyword, pointer + "/anyOf") };
                case "oneOf":
                    return node with { OneOf = ReadSchemaArray(ref reader, keyword, pointer + "/oneOf") };
                case "allOf":
                    return node with { AllOf = ReadSchemaArray(ref reader, keyword, pointer + "/allOf") };
                case "$ref":
                    var reference = ReadString(ref reader, keyword);
                    return reference is null
                        ? node
                        : node with { Ref = reference, RefLocation = LocationOf(valueStart, ValueLength(ref reader, valueStart)) };
                case "$defs":
                case "definitions":
                    // Draft 7's home for reusable schemas; a $ref reaches both by their JSON Pointer.
                    return node with { Definitions = node.Definitions.Items.AddRange(ReadDefinitions(ref reader, keyword, pointer + "/" + keyword).Items).ToEquatableArray() };
                case "x-stagehand-visibility":
                    return node with { Visibility = SchemaVisibilities.Parse(ReadChoice(ref reader, keyword, "public", "internal")) };
                case "x-stagehand-unknownMembers":
                    return node with { UnknownMembers = ReadChoice(ref reader, keyword, "reject", "drop", "keep") switch
                    {
                        "reject" => UnknownMemberHandling.Reject,
                        "drop" => UnknownMemberHandling.Drop,
                        "keep" => UnknownMemberHandling.Keep,
                        _ => UnknownMemberHandling.Unspecified,
                    } };
                case "x-stagehand-mirrors":
                    var mirrors = ReadString(ref reader, keyword);
                    return mirrors is null
                        ? node
                        : node with { Mirrors = mirrors, MirrorsLocation = LocationOf(valueStart, ValueLength(ref reader, valueStart)) };
                case "x-stagehand-requestFor":
                    return node with { RequestFor = ReadString(ref reader, keyword) };
                case "x-stagehand-serverAssigned":
                    return node with { ServerAssigned = ReadStringArray(ref reader, keyword, unique: true) };
                case "x-stagehand-formatAssertion":
                    return node with { FormatAssertion = ReadBoolean(ref reader, keyword) };
                case "x-stagehand-persisted":
                    return node with { Persisted = ReadBoolean(ref reader, keyword) };
                case "x-stagehand-direction":
                    return node with { Direction = ReadChoice(ref reader, keyword, "request", "response", "both") };
                case "x-stagehand-version":
                    var versionStart = (int)reader.TokenStartIndex;
                    var version = ReadString(ref reader, keyword);
                    if (version is not null && !Evolution.ContractVersion.TryParse(version, out _))
                    {
                        Report(keyword, $"'{keyword}' must be a version MAJOR.MINOR.PATCH (such as 1.4.0), not '{version}'.", versionStart, ValueLength(ref reader, versionStart));
                        return node;
                    }

                    return node with { Version = version };
                case "x-stagehand-sensitive":
                    return node with { Sensitive = ReadBoolean(ref reader, keyword) };
                case "x-stagehand-clientOnly":
                    return node with { ClientOnly = ReadBoolean(ref reader, keyword) };
                case "x-stagehand-typeName":
                    return node with { TypeName = ReadIdentifier(ref reader, keyword) };
                case "x-stagehand-memberName":
                    return node with { MemberName = ReadIdentifier(ref reader, keyword) };
                case "x-stagehand-caseName":
                    return node with { CaseName = ReadIdentifier(ref reader, keyword) };
                case "x-stagehand-discriminator":
                    return node with { Discriminator = ReadString(ref reader, keyword) };
                case "nullable":
                    var isNullable = reader.TokenType == JsonTokenType.True;
                    SkipValue(ref reader, valueStart);
                    if (isNullable && !_openApiNullable)
                    {
                        Note(keyword, "'nullable' is OpenAPI 3.0's: JSON Schema reads it as an annotation, so null is not accepted here. To read it as \"or null\", set <StagehandOpenApiNullable>true</StagehandOpenApiNullable> in the project, or StagehandOpenApiNullable=\"true\" metadata on this file.", keywordStart, keywordLength);
                    }

                    return isNullable ? node with { OpenApiNullable = true } : node;
                case "discriminator":
                    // OpenAPI's discriminator: its propertyName chooses how a union's case is found (no verdict changes);
                    // an explicit x-stagehand-discriminator wins. Anything else in it is an annotation.
                    var propertyName = ReadOpenApiDiscriminator(ref reader, valueStart);
                    return propertyName is null || node.Discriminator is not null ? node : node with { Discriminator = propertyName };
                case "x-stagehand-enumNames":
                    return node with { EnumNames = ReadEnumNames(ref reader) };
            }

            SkipValue(ref reader, valueStart);
            if (keyword.StartsWith("x-stagehand-", StringComparison.Ordinal))
            {
                Report(keyword, $"Unknown extension keyword '{keyword}'; the dialect is in docs/schema-dialect.md.", keywordStart, keywordLength);
            }
            else if (!Annotations.Contains(keyword) && !keyword.StartsWith("x-", StringComparison.Ordinal) && _mode == SchemaMode.Contract
                && MisspeltKeyword(keyword) is { } meant)
            {
                // Any other unknown keyword is an annotation, as the specification says, and is ignored. One a letter
                // away from a real keyword is almost certainly that keyword misspelt, which would silently not validate.
                Report(keyword, $"Unknown keyword '{keyword}': did you mean '{meant}'? An unknown keyword is only an annotation, so this one would not validate anything. (Extension keywords start with 'x-'.)", keywordStart, keywordLength);
            }

            return node;
        }

        /// <summary>The keyword <paramref name="keyword"/> most likely misspells (same letters in another case, or one edit away), if any.</summary>
        private static string? MisspeltKeyword(string keyword)
        {
            if (Array.IndexOf(KnownKeywords, keyword) >= 0)
            {
                // A keyword of another draft (additionalItems in 2020-12): spelt right, and an annotation here.
                return null;
            }

            foreach (var known in KnownKeywords)
            {
                if (string.Equals(known, keyword, StringComparison.OrdinalIgnoreCase)
                    || (known.Length >= 5 && EditDistance.Between(known, keyword) == 1))
                {
                    return known;
                }
            }

            return null;
        }

        private void CheckConsistency(SchemaNode node)
        {
            if (node.UnknownMembers == UnknownMemberHandling.Reject && !node.RejectsAdditionalProperties)
            {
                Problems.Add(new SchemaProblem(
                    "x-stagehand-unknownMembers",
                    "\"x-stagehand-unknownMembers\": \"reject\" needs \"additionalProperties\": false.",
                    node.Location));
            }
            else if (node.UnknownMembers is UnknownMemberHandling.Drop or UnknownMemberHandling.Keep && node.RejectsAdditionalProperties)
            {
                Problems.Add(new SchemaProblem(
                    "x-stagehand-unknownMembers",
                    "\"additionalProperties\": false rejects unknown members, but \"x-stagehand-unknownMembers\" says they are accepted.",
                    node.Location));
            }

            if (!node.EnumNames.IsEmpty && node.EnumNames.Count != node.Enum.Count)
            {
                Problems.Add(new SchemaProblem(
                    "x-stagehand-enumNames",
                    $"\"x-stagehand-enumNames\" has {node.EnumNames.Count} names for {node.Enum.Count} enum values.",
                    node.Location));
            }

            foreach (var required in node.Required)
            {
                var declared = false;
                foreach (var property in node.Properties)
                {
                    declared |= property.Name == required;
                }

                if (!declared && node.RejectsAdditionalProperties && node.PatternProperties.IsEmpty)
                {
                    // A valid schema, so a note: it may be meant to reject every object (a branch that must not match).
                    Problems.Add(new SchemaProblem(
                        "required",
                        $"'{required}' is required but not declared in 'properties', and additional properties are rejected: no object can be valid here.",
                        node.Location,
                        IsNote: true));
                }
            }
        }

        private JsonTypes ReadTypes(ref Utf8JsonReader reader)
        {
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType == JsonTokenType.String)
            {
                return ParseType(reader.GetString()!, start, ValueLength(ref reader, start));
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                Report("type", "'type' must be a type name or an array of type names.", start, SkipValue(ref reader, start));
                return JsonTypes.None;
            }

            var types = JsonTypes.None;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var itemStart = (int)reader.TokenStartIndex;
                if (reader.TokenType != JsonTokenType.String)
                {
                    Report("type", "'type' array entries must be type names.", itemStart, SkipValue(ref reader, itemStart));
                    continue;
                }

                var type = ParseType(reader.GetString()!, itemStart, ValueLength(ref reader, itemStart));
                if ((types & type) != 0)
                {
                    Report("type", "A type appears twice in 'type'.", itemStart, ValueLength(ref reader, itemStart));
                }

                types |= type;
            }

            return types;
        }

        private JsonTypes ParseType(string name, int start, int length)
        {
            switch (name)
            {
                case "null": return JsonTypes.Null;
                case "boolean": return JsonTypes.Boolean;
                case "object": return JsonTypes.Object;
                case "array": return JsonTypes.Array;
                case "number": return JsonTypes.Number;
                case "integer": return JsonTypes.Integer;
                case "string": return JsonTypes.String;
                default:
                    Report("type", $"'{name}' is not a JSON Schema type.", start, length);
                    return JsonTypes.None;
            }
        }

        private EquatableArray<PropertyNode> ReadProperties(ref Utf8JsonReader reader, string pointer)
        {
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Report("properties", "'properties' must be an object of schemas.", start, SkipValue(ref reader, start));
                return EquatableArray<PropertyNode>.Empty;
            }

            var properties = new List<PropertyNode>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                var nameStart = (int)reader.TokenStartIndex;
                var nameLength = reader.ValueSpan.Length + 2;
                var nameLocation = LocationOf(nameStart, nameLength);
                if (!names.Add(name))
                {
                    Report("properties", $"The member '{name}' is declared twice.", nameStart, nameLength);
                }

                reader.Read();
                var schema = ReadSchema(ref reader, pointer + "/" + EscapePointer(name));
                properties.Add(new PropertyNode(name, schema, nameLocation));
            }

            return properties.ToEquatableArray();
        }

        private EquatableArray<DefinitionNode> ReadDefinitions(ref Utf8JsonReader reader, string keyword, string pointer)
        {
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Report(keyword, $"'{keyword}' must be an object of schemas.", start, SkipValue(ref reader, start));
                return EquatableArray<DefinitionNode>.Empty;
            }

            var definitions = new List<DefinitionNode>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                definitions.Add(new DefinitionNode(name, ReadSchema(ref reader, pointer + "/" + EscapePointer(name)), keyword));
            }

            return definitions.ToEquatableArray();
        }

        private EquatableArray<VocabularyEntry> ReadVocabulary(ref Utf8JsonReader reader, int start)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Report("$vocabulary", "'$vocabulary' must be an object whose member names are vocabulary URIs and whose values are true (required) or false (optional).", start, SkipValue(ref reader, start));
                return EquatableArray<VocabularyEntry>.Empty;
            }

            var entries = new List<VocabularyEntry>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var uri = reader.GetString()!;
                reader.Read();
                var valueStart = (int)reader.TokenStartIndex;
                if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
                {
                    entries.Add(new VocabularyEntry(uri, reader.TokenType == JsonTokenType.True));
                }
                else
                {
                    Report("$vocabulary", $"The vocabulary '{uri}' must be true (required) or false (optional).", valueStart, SkipValue(ref reader, valueStart));
                }
            }

            return entries.ToEquatableArray();
        }

        /// <summary>An anchor name: a letter or underscore, then letters, digits, '-', '_', ':' and '.'.</summary>
        private string? ReadAnchor(ref Utf8JsonReader reader, string keyword)
        {
            var start = (int)reader.TokenStartIndex;
            var anchor = ReadString(ref reader, keyword);
            if (anchor is null)
            {
                return null;
            }

            var valid = anchor.Length > 0 && (char.IsLetter(anchor[0]) || anchor[0] == '_')
                && anchor.All(c => c < 128 && (char.IsLetterOrDigit(c) || c is '-' or '_' or ':' or '.'));
            if (!valid)
            {
                Report(keyword, $"'{anchor}' is not an anchor name: start with a letter or '_', then use letters, digits, '-', '_', ':' or '.'.", start, ValueLength(ref reader, start));
                return null;
            }

            return anchor;
        }

        private EquatableArray<PatternPropertyNode> ReadPatternProperties(ref Utf8JsonReader reader, string pointer)
        {
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Report("patternProperties", "'patternProperties' must be an object whose member names are patterns and whose values are schemas.", start, SkipValue(ref reader, start));
                return EquatableArray<PatternPropertyNode>.Empty;
            }

            var patterns = new List<PatternPropertyNode>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var pattern = reader.GetString()!;
                var nameStart = (int)reader.TokenStartIndex;
                var nameLength = reader.ValueSpan.Length + 2;
                reader.Read();
                var schema = ReadSchema(ref reader, pointer + "/" + EscapePointer(pattern));
                if (CheckPattern(pattern, "patternProperties", nameStart, nameLength))
                {
                    patterns.Add(new PatternPropertyNode(pattern, schema));
                }
            }

            return patterns.ToEquatableArray();
        }

        private EquatableArray<DependentRequirement> ReadDependentRequired(ref Utf8JsonReader reader, string keyword)
        {
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Report(keyword, $"'{keyword}' must be an object whose values are arrays of member names.", start, SkipValue(ref reader, start));
                return EquatableArray<DependentRequirement>.Empty;
            }

            var requirements = new List<DependentRequirement>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var trigger = reader.GetString()!;
                reader.Read();
                requirements.Add(new DependentRequirement(trigger, ReadStringArray(ref reader, keyword, unique: true)));
            }

            return requirements.ToEquatableArray();
        }

        /// <summary>Draft 7's <c>dependencies</c>: an array value is a <c>dependentRequired</c> entry, a schema a <c>dependentSchemas</c> one.</summary>
        private SchemaNode ReadDependencies(ref Utf8JsonReader reader, SchemaNode node, string pointer)
        {
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Report("dependencies", "'dependencies' must be an object whose values are arrays of member names or schemas.", start, SkipValue(ref reader, start));
                return node;
            }

            var required = new List<DependentRequirement>();
            var schemas = new List<DefinitionNode>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var trigger = reader.GetString()!;
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    required.Add(new DependentRequirement(trigger, ReadStringArray(ref reader, "dependencies", unique: true)));
                }
                else
                {
                    schemas.Add(new DefinitionNode(trigger, ReadSchema(ref reader, pointer + "/" + EscapePointer(trigger)), "dependencies"));
                }
            }

            return node with
            {
                DependentRequired = node.DependentRequired.Items.AddRange(required).ToEquatableArray(),
                DependentSchemas = node.DependentSchemas.Items.AddRange(schemas).ToEquatableArray(),
            };
        }

        private EquatableArray<SchemaNode> ReadSchemaArray(ref Utf8JsonReader reader, string keyword, string pointer, bool allowEmpty = false)
        {
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                Report(keyword, $"'{keyword}' must be a non-empty array of schemas.", start, SkipValue(ref reader, start));
                return EquatableArray<SchemaNode>.Empty;
            }

            var schemas = new List<SchemaNode>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                schemas.Add(ReadSchema(ref reader, pointer + "/" + schemas.Count.ToString(CultureInfo.InvariantCulture)));
            }

            if (schemas.Count == 0 && !allowEmpty)
            {
                Report(keyword, $"'{keyword}' must not be empty.", start, (int)reader.BytesConsumed - start);
            }

            return schemas.ToEquatableArray();
        }

        private EquatableArray<JsonLiteral> ReadEnum(ref Utf8JsonReader reader)
        {
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                Report("enum", "'enum' must be an array of values.", start, SkipValue(ref reader, start));
                return EquatableArray<JsonLiteral>.Empty;
            }

            var values = new List<JsonLiteral>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var itemStart = (int)reader.TokenStartIndex;
                var literal = ReadLiteral(ref reader);
                if (values.Contains(literal))
                {
                    Report("enum", $"The enum value {Quote(literal)} appears twice.", itemStart, (int)reader.BytesConsumed - itemStart);
                    continue;
                }

                values.Add(literal);
            }

            if (values.Count == 0 && _mode == SchemaMode.Contract)
            {
                Report("enum", "'enum' must list at least one value.", start, (int)reader.BytesConsumed - start);
            }

            return values.ToEquatableArray();
        }

        private JsonLiteral ReadLiteral(ref Utf8JsonReader reader)
        {
            var start = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return new JsonLiteral(JsonTypes.String, reader.GetString()!);
                case JsonTokenType.Number:
                    var integral = reader.TryGetInt64(out _);
                    return new JsonLiteral(integral ? JsonTypes.Integer : JsonTypes.Number, Encoding.UTF8.GetString(reader.ValueSpan.ToArray()));
                case JsonTokenType.True:
                    return new JsonLiteral(JsonTypes.Boolean, "true");
                case JsonTokenType.False:
                    return new JsonLiteral(JsonTypes.Boolean, "false");
                case JsonTokenType.Null:
                    return new JsonLiteral(JsonTypes.Null, "null");
                default:
                    var kind = reader.TokenType == JsonTokenType.StartArray ? JsonTypes.Array : JsonTypes.Object;
                    var length = SkipValue(ref reader, start);
                    return new JsonLiteral(kind, Encoding.UTF8.GetString(_utf8, start, length));
            }
        }

        private string? ReadString(ref Utf8JsonReader reader, string keyword)
        {
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType == JsonTokenType.String)
            {
                return reader.GetString();
            }

            Report(keyword, $"'{keyword}' must be a string.", start, SkipValue(ref reader, start));
            return null;
        }

        /// <summary><paramref name="node"/>'s texts with the string the reader is on (the value of <paramref name="keyword"/>) added.</summary>
        private EquatableArray<SchemaText> WithText(SchemaNode node, string keyword, string pointer, string value, int start, ref Utf8JsonReader reader) =>
            node.Texts.Items.Add(new SchemaText(keyword, pointer + "/" + keyword, value, LocationOf(start, ValueLength(ref reader, start)))).ToEquatableArray();

        /// <summary>
        /// Every string inside the value the reader is on (an <c>examples</c> array), at any depth, with its place; member
        /// names are not texts. The reader ends on the value's last token.
        /// </summary>
        private void ReadExampleStrings(ref Utf8JsonReader reader, string pointer, List<SchemaText> texts)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    var start = (int)reader.TokenStartIndex;
                    texts.Add(new SchemaText("examples", pointer, reader.GetString()!, LocationOf(start, ValueLength(ref reader, start))));
                    return;
                case JsonTokenType.StartArray:
                    var index = 0;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        ReadExampleStrings(ref reader, pointer + "/" + index.ToString(CultureInfo.InvariantCulture), texts);
                        index++;
                    }

                    return;
                case JsonTokenType.StartObject:
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var name = reader.GetString()!;
                        reader.Read();
                        ReadExampleStrings(ref reader, pointer + "/" + EscapePointer(name), texts);
                    }

                    return;
                default:
                    return;
            }
        }

        /// <summary>The <c>propertyName</c> of an OpenAPI <c>discriminator</c> object, or null; the reader ends on the value's last token.</summary>
        private static string? ReadOpenApiDiscriminator(ref Utf8JsonReader reader, int start)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                SkipValue(ref reader, start);
                return null;
            }

            string? propertyName = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isPropertyName = reader.ValueTextEquals("propertyName"u8);
                reader.Read();
                if (isPropertyName && reader.TokenType == JsonTokenType.String)
                {
                    propertyName = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            return propertyName;
        }

        private string? ReadChoice(ref Utf8JsonReader reader, string keyword, params string[] choices)
        {
            var start = (int)reader.TokenStartIndex;
            var value = ReadString(ref reader, keyword);
            if (value is null)
            {
                return null;
            }

            if (Array.IndexOf(choices, value) < 0)
            {
                Report(keyword, $"'{keyword}' must be one of {string.Join(", ", choices)}, not '{value}'.", start, ValueLength(ref reader, start));
                return null;
            }

            return value;
        }

        private string? ReadIdentifier(ref Utf8JsonReader reader, string keyword)
        {
            var start = (int)reader.TokenStartIndex;
            var value = ReadString(ref reader, keyword);
            if (value is not null && !Identifiers.IsValid(value))
            {
                Report(keyword, $"'{value}' is not a valid C# identifier.", start, ValueLength(ref reader, start));
                return null;
            }

            return value;
        }

        private EquatableArray<string> ReadEnumNames(ref Utf8JsonReader reader)
        {
            var names = ReadStringArray(ref reader, "x-stagehand-enumNames", unique: true);
            foreach (var name in names)
            {
                if (!Identifiers.IsValid(name))
                {
                    Report("x-stagehand-enumNames", $"'{name}' is not a valid C# identifier.", (int)reader.TokenStartIndex, 1);
                }
            }

            return names;
        }

        private bool ReadBoolean(ref Utf8JsonReader reader, string keyword)
        {
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
            {
                return reader.GetBoolean();
            }

            Report(keyword, $"'{keyword}' must be true or false.", start, SkipValue(ref reader, start));
            return false;
        }

        private string? ReadNumber(ref Utf8JsonReader reader, string keyword)
        {
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType == JsonTokenType.Number)
            {
                return Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
            }

            Report(keyword, $"'{keyword}' must be a number.", start, SkipValue(ref reader, start));
            return null;
        }

        private int? ReadCount(ref Utf8JsonReader reader, string keyword)
        {
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) && value >= 0)
            {
                return value;
            }

            if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var whole) && whole >= 0 && whole <= int.MaxValue && whole == decimal.Truncate(whole))
            {
                return (int)whole;
            }

            Report(keyword, $"'{keyword}' must be a non-negative integer.", start, SkipValue(ref reader, start));
            return null;
        }

        private string? ReadPattern(ref Utf8JsonReader reader)
        {
            var start = (int)reader.TokenStartIndex;
            var pattern = ReadString(ref reader, "pattern");
            return pattern is not null && CheckPattern(pattern, "pattern", start, ValueLength(ref reader, start)) ? pattern : null;
        }

        /// <summary>Whether <paramref name="pattern"/> compiles; reports it at the given bytes when it does not.</summary>
        private bool CheckPattern(string pattern, string keyword, int start, int length)
        {
            if (pattern.IndexOf("\\p{", StringComparison.Ordinal) >= 0 || pattern.IndexOf("\\P{", StringComparison.Ordinal) >= 0)
            {
                // ECMA-262 Unicode property escapes (\p{Letter}) are translated at run time; .NET cannot check them here.
                return true;
            }

            if (!Stagehand.Contracts.EcmaPattern.HasEcmaSyntax(pattern))
            {
                Report(keyword, $"'{pattern}' is not an ECMA-262 regular expression, as JSON Schema patterns are: it uses syntax only .NET reads (an inline option such as (?i), a comment, an atomic or conditional group, or an escape such as \\A or \\Z). Write it with ECMA-262 syntax.", start, length);
                return false;
            }

            try
            {
                _ = new System.Text.RegularExpressions.Regex(Stagehand.Contracts.EcmaPattern.Translate(pattern), System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
                return true;
            }
            catch (ArgumentException exception)
            {
                Report(keyword, $"'{pattern}' is not a valid regular expression: " + FirstSentence(exception.Message), start, length);
                return false;
            }
        }

        private EquatableArray<string> ReadStringArray(ref Utf8JsonReader reader, string keyword, bool unique)
        {
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                Report(keyword, $"'{keyword}' must be an array of strings.", start, SkipValue(ref reader, start));
                return EquatableArray<string>.Empty;
            }

            var values = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var itemStart = (int)reader.TokenStartIndex;
                if (reader.TokenType != JsonTokenType.String)
                {
                    Report(keyword, $"'{keyword}' entries must be strings.", itemStart, SkipValue(ref reader, itemStart));
                    continue;
                }

                var value = reader.GetString()!;
                if (unique && values.Contains(value))
                {
                    Report(keyword, $"'{value}' appears twice in '{keyword}'.", itemStart, ValueLength(ref reader, itemStart));
                    continue;
                }

                values.Add(value);
            }

            return values.ToEquatableArray();
        }

        /// <summary>Skips the value the reader is on and returns its length in bytes.</summary>
        private static int SkipValue(ref Utf8JsonReader reader, int start)
        {
            reader.Skip();
            return (int)reader.BytesConsumed - start;
        }

        private static int ValueLength(ref Utf8JsonReader reader, int start) => Math.Max(1, (int)reader.BytesConsumed - start);

        private void Note(string keyword, string message, int byteStart, int byteLength) =>
            Problems.Add(new SchemaProblem(keyword, message, LocationOf(byteStart, byteLength), IsNote: true));

        private void Report(string keyword, string message, int byteStart, int byteLength) =>
            Problems.Add(new SchemaProblem(keyword, message, LocationOf(byteStart, byteLength)));

        private LocationInfo LocationOf(int byteStart, int byteLength) => _map.LocationOf(_offset + byteStart, byteLength);

        private static string EscapePointer(string name) => name.Replace("~", "~0").Replace("/", "~1");

        private static string Quote(JsonLiteral literal) => literal.Kind == JsonTypes.String ? "\"" + literal.Text + "\"" : literal.Text;

        private static string FirstSentence(string message)
        {
            var end = message.IndexOf(". ", StringComparison.Ordinal);
            return end < 0 ? message : message.Substring(0, end + 1);
        }
    }
}
