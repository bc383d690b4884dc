using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Stagehand.Generators.Tests.Fuzzing;

/// <summary>A schema file of a random set: its file name and its JSON text.</summary>
public sealed record RandomSchemaFile(string FileName, string Text)
{
    public override string ToString() => "--- " + FileName + "\n" + Text;
}

/// <summary>
/// Random sets of schema files in the project's dialect, biased towards what breaks generated C#: member, type, enum
/// and case names that collide after PascalCasing or with generated members, C# keywords, line separators and XML in
/// texts, nullable named types, unions, <c>$ref</c>s within and across files (some broken), and keyword values that
/// are out of range. Shrinking comes from CsCheck: a failing set is reduced before it is reported.
/// </summary>
public static class SchemaSetGenerator
{
    /// <summary>Member, definition and enum names: PascalCase collisions, generated member names, keywords, odd characters.</summary>
    private static readonly string[] Names =
    [
        "name", "Name", "FOO_BAR", "foo-bar", "fooBar", "a b", "1st", "class", "event", "Validate", "Parse", "TryParse",
        "WriteTo", "Reader", "Schema", "Equals", "GetHashCode", "ToString", "Match", "Switch", "Value", "HasValue",
        "Deconstruct", "ValidateInto", "EqualityContract", "Item", "Pet", "Other", "PetOwner", "OtherItem", "s_read", "_",
        "@type", "$kind", "x", "X", "é", "名前", "a\u2028b", "", "default", "Type", "Kind", "Case", "Null", "IsNull", "Count",
        "Read", "Write", "JsonConverter", "PetJsonConverter", "PetSchema", "Json", "System", "global", "Stagehand", "Contracts",
        "Optional", "ValueList", "GetType", "Clone", "Finalize", "PrintMembers", "MemberwiseClone", "value", "writer", "reader",
        "context", "options", "result", "build",
    ];

    /// <summary>Texts for descriptions, titles, string enum values and consts: every C# line end, XML, comment and quote characters.</summary>
    private static readonly string[] Texts =
    [
        "plain", "line1\nline2", "a\u2028b\u2029c", "cr\ronly", "next\u0085line", "<xml attr=\"1\"> & </xml>", "*/ /* // \" \\ '",
        "tab\there", "\u0001control\u001f", "emoji \U0001F600", "{0} {1}", "\\u0041", "", " ", "#region", "\"\"\"raw\"\"\"", "<see cref=\"X\"/>",
        "red", "Red", "RED", "red-green", "red_green", "1", "true", "null", "a/b~c", "%20",
    ];

    private static readonly string[] Formats = ["uuid", "date-time", "uri", "email", "date", "made-up"];

    private static readonly string[] Patterns = ["^[a-z]+$", "^\\d{3}$", "(", "\\p{L}+", "^(a|b)*$", "[\u2028]", "\\"];

    private static readonly string[] Numbers = ["0", "1", "-1", "2147483647", "2147483648", "-2147483649", "9007199254740993", "1.5", "1e400", "-0", "1E2", "99999999999999999999999"];

    private static readonly string[] FileNames = ["Pet", "pet-owner", "class", "1st", "Pet.v2", "Validate", "PetSchema", "a b", "Pet_Owner"];

    private static readonly string[] References =
    [
        "#/$defs/A", "#/$defs/B", "#", "#/properties/name", "Other.schema.json", "Other.schema.json#/$defs/A", "Other.schema.json#",
        "missing.schema.json", "#/$defs/missing", "#/$defs/A/properties/x", "./Other.schema.json", "#/$defs/A/anyOf/0",
    ];

    /// <summary>Ordinary names, so that most sets are valid and reach the emitters.</summary>
    private static readonly string[] PlainNames = ["id", "name", "kind", "count", "owner", "label", "enabled", "createdAt", "model_name", "api-key", "items", "size"];

    private static readonly string[] PlainTexts = ["A plain description.", "The owner's name.", "red", "green", "blue"];

    private static Gen<string> Name => Gen.Frequency((3, Gen.OneOf(PlainNames)), (2, Gen.OneOf(Names)));

    /// <summary>Names written as C# names (x-stagehand-typeName, -memberName, -caseName, -enumNames): identifiers, some of them generated members' names.</summary>
    private static Gen<string> CSharpName => Gen.Frequency(
        (3, Gen.OneOf("Id", "Name", "Kind", "Owner", "Label", "Size")),
        (2, Gen.OneOf("Validate", "Parse", "TryParse", "WriteTo", "Reader", "Equals", "ToString", "Match", "Switch", "Case", "Value", "Pet", "Other", "PetSchema", "OtherJsonConverter", "GeneratedContracts", "AdditionalMembers", "IsDefault", "Deconstruct")),
        (1, Gen.OneOf(Names)));

    private static readonly string[] Counts = ["0", "1", "2", "3", "10", "2147483647", "1.0"];

    private static Gen<string> Text => Gen.Frequency((3, Gen.OneOf(PlainTexts)), (2, Gen.OneOf(Texts)));

    /// <summary>A set of two files: one with a random name, and <c>Other.schema.json</c>, which the first may refer to.</summary>
    public static readonly Gen<RandomSchemaFile[]> Sets =
        Gen.Select(Gen.OneOf(FileNames), Root(), Root(), (name, first, second) => new[]
        {
            new RandomSchemaFile(name + ".schema.json", Write(first)),
            new RandomSchemaFile("Other.schema.json", Write(second)),
        });

    private static string Write(JsonNode node) =>
        node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static Gen<JsonNode> Root() =>
        Gen.Select(
            Gen.Frequency((12, Gen.Const((string?)"public")), (3, Gen.Const((string?)"internal")), (1, Gen.Const((string?)null))),
            Gen.Frequency((6, Object(3)), (1, Union(2)), (1, Enum()), (1, Primitive())),
            Definitions(),
            Gen.Int[0, 9],
            CSharpName,
            (visibility, body, definitions, dialect, typeName) =>
            {
                var root = (JsonObject)body;
                root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
                if (visibility is not null)
                {
                    root["x-stagehand-visibility"] = visibility;
                }

                if (definitions.Count > 0)
                {
                    root["$defs"] = definitions;
                }

                if (dialect == 0)
                {
                    root["x-stagehand-typeName"] = typeName;
                }
                else if (dialect == 1)
                {
                    root["x-stagehand-persisted"] = true;
                }

                return (JsonNode)root;
            });

    private static Gen<JsonObject> Definitions() =>
        Gen.Select(Gen.Int[0, 3], Node(2), Node(2), Node(1), Name, (count, a, b, c, extra) =>
        {
            var definitions = new JsonObject();
            if (count >= 1)
            {
                definitions["A"] = a;
            }

            if (count >= 2)
            {
                definitions["B"] = b;
            }

            if (count >= 3 && extra is not ("A" or "B"))
            {
                definitions[extra] = c;
            }

            return definitions;
        });

    private static Gen<JsonNode> Node(int depth) =>
        depth <= 0
            ? Gen.Frequency((4, Primitive()), (2, Enum()), (1, Const()), (1, BooleanSchema()), (2, Reference()))
            : Gen.Frequency(
                (4, Primitive()), (2, Enum()), (1, Const()), (1, BooleanSchema()), (3, Reference()),
                (4, Object(depth)), (2, Array(depth)), (3, Union(depth)), (1, AllOf(depth)));

    private static Gen<JsonNode> Decorated(Gen<JsonObject> schema) =>
        Gen.Select(schema, Gen.Int[0, 19], Text, CSharpName, (node, decoration, text, name) =>
        {
            switch (decoration)
            {
                case 0 or 1 or 2: node["description"] = text; break;
                case 3: node["title"] = text; break;
                case 4: node["x-stagehand-typeName"] = name; break;
                case 5: node["x-stagehand-memberName"] = name; break;
                case 6: node["x-stagehand-caseName"] = name; break;
                case 7: node["readOnly"] = true; break;
                case 8: node["deprecated"] = true; break;
                case 9: node["x-stagehand-sensitive"] = true; break;
                case 10: node["x-stagehand-clientOnly"] = true; break;
                case 11: node["writeOnly"] = true; break;
            }

            return (JsonNode)node;
        });

    private static Gen<JsonNode> Primitive() =>
        Decorated(Gen.Select(
            Gen.OneOf("string", "integer", "number", "boolean", "null", "object", "array"),
            Gen.Int[0, 7],
            Gen.Int[0, 11],
            Gen.Frequency((3, Gen.OneOf("uuid", "date-time", "uri")), (1, Gen.OneOf(Formats))),
            Gen.Frequency((3, Gen.OneOf("^[a-z]+$", "^\\d{3}$")), (1, Gen.OneOf(Patterns))),
            Gen.OneOf(Numbers),
            Gen.OneOf(Numbers),
            (type, nullability, constraint, format, pattern, low, high) =>
            {
                var node = new JsonObject();
                node["type"] = nullability switch
                {
                    0 => new JsonArray((JsonNode)type, "null"),
                    1 => new JsonArray((JsonNode)"null", type),
                    2 when type != "string" => new JsonArray((JsonNode)type, "string"),
                    _ => type,
                };
                switch (constraint)
                {
                    case 0 or 1: node["format"] = format; break;
                    case 2: node["pattern"] = pattern; break;
                    case 3: node["minimum"] = JsonNode.Parse(low); node["maximum"] = JsonNode.Parse(high); break;
                    case 4: node["exclusiveMinimum"] = JsonNode.Parse(low); break;
                    case 5: node["minLength"] = JsonNode.Parse(Counts[low.Length % Counts.Length]); node["maxLength"] = JsonNode.Parse(Counts[high.Length % Counts.Length]); break;
                    case 6: node["minItems"] = JsonNode.Parse(Counts[low.Length % Counts.Length]); break;
                }

                return node;
            }));

    private static Gen<JsonNode> Enum() =>
        Decorated(Gen.Select(
            Gen.Int[0, 3],
            Text.Array[1, 4],
            Gen.OneOf(Numbers).Array[1, 3],
            Gen.Bool,
            CSharpName.Array[4],
            (kind, texts, numbers, withNull, enumNames) =>
            {
                var values = new JsonArray();
                foreach (var value in kind switch
                {
                    0 or 1 => texts.Distinct().Select(t => (JsonNode?)JsonValue.Create(t)),
                    2 => numbers.Distinct().Select(n => JsonNode.Parse(n)),
                    _ => texts.Take(1).Select(t => (JsonNode?)JsonValue.Create(t)).Concat(numbers.Take(1).Select(n => JsonNode.Parse(n))),
                })
                {
                    values.Add(value);
                }

                if (withNull)
                {
                    values.Add(null);
                }

                var node = new JsonObject { ["enum"] = values };
                if (kind == 1 || (kind == 2 && enumNames[0] != "Id"))
                {
                    // One name per value, null included (the reader asks for that), from the identifier pool.
                    node["x-stagehand-enumNames"] = new JsonArray(enumNames.Concat(Enumerable.Range(0, 8).Select(i => "V" + i)).Take(values.Count).Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());
                }
                if (kind == 2 && withNull)
                {
                    node["type"] = new JsonArray((JsonNode)"integer", "null");
                }

                return node;
            }));

    private static Gen<JsonNode> Const() =>
        Decorated(Gen.Select(Gen.Int[0, 3], Text, Gen.OneOf(Numbers), (kind, text, number) => new JsonObject
        {
            ["const"] = kind switch { 0 => JsonValue.Create(text), 1 => JsonNode.Parse(number), 2 => null, _ => JsonValue.Create(true) },
        }));

    private static Gen<JsonNode> BooleanSchema() =>
        Gen.Frequency((4, Gen.Const<JsonNode>(() => JsonValue.Create(true))), (1, Gen.Const<JsonNode>(() => JsonValue.Create(false))));

    private static Gen<JsonNode> Reference() =>
        Gen.Select(Gen.Frequency((3, Gen.OneOf("#/$defs/A", "#/$defs/B", "Other.schema.json", "Other.schema.json#/$defs/A")), (1, Gen.OneOf(References))), Gen.Int[0, 4], Text, (reference, sibling, text) =>
        {
            var node = new JsonObject { ["$ref"] = reference };
            if (sibling == 0)
            {
                node["description"] = text;
            }

            return (JsonNode)node;
        });

    private static Gen<JsonNode> Object(int depth) =>
        Decorated(Gen.Select(
            Gen.Select(Name, Node(depth - 1)).Array[0, 5],
            Gen.Int[0, 9],
            Gen.Int[0, 9],
            Node(depth - 1),
            Gen.Bool,
            Gen.Select(Gen.OneOf("^x-", "^[a-z]+$", "_id$", "^item"), Node(depth - 1)).Array[0, 2],
            (properties, requiredMask, additional, additionalSchema, nullable, patterns) =>
            {
                var node = new JsonObject { ["type"] = nullable && requiredMask % 3 == 0 ? new JsonArray((JsonNode)"object", "null") : "object" };
                var members = new JsonObject();
                var required = new JsonArray();
                var index = 0;
                foreach (var (name, schema) in properties)
                {
                    if (members.ContainsKey(name))
                    {
                        continue;
                    }

                    members[name] = schema.DeepClone();
                    if (((requiredMask >> (index++ % 4)) & 1) == 1)
                    {
                        required.Add(name);
                    }
                }

                if (members.Count > 0 || additional < 6)
                {
                    node["properties"] = members;
                }

                if (required.Count > 0)
                {
                    node["required"] = required;
                }

                var patternProperties = new JsonObject();
                foreach (var (pattern, schema) in patterns)
                {
                    patternProperties[pattern] = schema.DeepClone();
                }

                if (patternProperties.Count > 0)
                {
                    node["patternProperties"] = patternProperties;
                }

                switch (additional)
                {
                    case 0 or 1 or 2: node["additionalProperties"] = false; break;
                    case 3: node["additionalProperties"] = true; node["x-stagehand-unknownMembers"] = "keep"; break;
                    case 4: node["x-stagehand-unknownMembers"] = "drop"; break;
                    case 5 or 6: node["additionalProperties"] = additionalSchema.DeepClone(); break;
                }

                return node;
            }));

    private static Gen<JsonNode> Array(int depth) =>
        Decorated(Gen.Select(Node(depth - 1), Gen.Int[0, 5], Gen.OneOf(Counts), Node(depth - 1).Array[1, 3], Gen.Int[0, 3], (items, kind, count, prefix, required) =>
        {
            var node = new JsonObject { ["type"] = kind == 0 ? new JsonArray((JsonNode)"array", "null") : "array", ["items"] = items.DeepClone() };
            if (kind == 1)
            {
                node["minItems"] = JsonNode.Parse(count);
            }

            if (kind >= 3)
            {
                // Items by position: closed by items: false (kind 3) or by maxItems (kind 4), or open to more (kind 5).
                node["prefixItems"] = new JsonArray(prefix.Select(p => p.DeepClone()).ToArray());
                node["minItems"] = required;
                switch (kind)
                {
                    case 3: node["items"] = false; break;
                    case 4: node.Remove("items"); node["maxItems"] = prefix.Length; break;
                }
            }

            return node;
        }));

    private static Gen<JsonNode> Union(int depth) =>
        Decorated(Gen.Select(
            Node(depth - 1).Array[1, 4],
            Gen.Int[0, 5],
            Name,
            Text,
            (branches, kind, discriminator, constant) =>
            {
                var list = new JsonArray(branches.Select(b => (JsonNode?)b.DeepClone()).ToArray());
                if (kind == 0)
                {
                    list.Add(new JsonObject { ["type"] = "null" });
                }

                var node = new JsonObject { [kind == 1 ? "oneOf" : "anyOf"] = list };
                if (kind == 2)
                {
                    // A discriminated union: each object case gets a required const member named after the discriminator.
                    node["x-stagehand-discriminator"] = discriminator;
                    var i = 0;
                    foreach (var branch in list.OfType<JsonObject>())
                    {
                        if (branch["properties"] is JsonObject properties)
                        {
                            properties[discriminator] = new JsonObject { ["const"] = constant + (i++ == 0 ? string.Empty : i.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
                            branch["required"] = new JsonArray(discriminator);
                        }
                    }
                }

                return node;
            }));

    private static Gen<JsonNode> AllOf(int depth) =>
        Decorated(Gen.Select(Node(depth - 1), node => new JsonObject { ["allOf"] = new JsonArray(node.DeepClone()) }));
}
