using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Stagehand.Differential.Tests;

/// <summary>
/// Turns one contract's schema (and everything it references, across files) into ONE self-contained document that
/// NJsonSchema 11.6.2 reads correctly. Every rewrite is semantically identical under draft 2020-12 plus the Stagehand
/// dialect (docs/schema-dialect.md):
/// <list type="bullet">
/// <item>a relative-file <c>$ref</c> is inlined (the schemas have no cycles; a cycle fails loudly). A <c>$ref</c> whose
/// siblings assert something would become <c>allOf: [target, siblings]</c>;</item>
/// <item><c>const: v</c> becomes <c>enum: [v]</c> (NJsonSchema ignores <c>const</c>);</item>
/// <item>boolean schemas become <c>{}</c> / <c>{"not": {}}</c> (NJsonSchema cannot read a boolean schema);</item>
/// <item>annotations and <c>$schema</c> are dropped; <c>x-stagehand-*</c> keywords are dropped after their
/// validation meaning is spelt out in plain JSON Schema: <c>x-stagehand-clientOnly</c> members are skipped on read
/// (schema <c>{}</c>, never required); <c>x-stagehand-requestFor</c> forbids the target's <c>readOnly</c> members
/// (<c>{"not": {}}</c>); <c>x-stagehand-unknownMembers: reject</c> means <c>additionalProperties: false</c>.</item>
/// </list>
/// Any other keyword throws, so the bundle never silently weakens a schema.
/// </summary>
internal sealed class NJsonSchemaBundle
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "title", "description", "examples", "default", "deprecated", "readOnly", "writeOnly", "$defs",
    };

    private static readonly HashSet<string> Copied = new(StringComparer.Ordinal)
    {
        "type", "enum", "required", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
        "pattern", "minItems", "maxItems",
    };

    private readonly SchemaStore _store;

    public NJsonSchemaBundle(SchemaStore store) => _store = store;

    public JsonObject Bundle(SchemaStore.Located schema)
    {
        var bundled = Transform(schema.File, schema.Node, new Stack<string>());
        bundled["$schema"] = "http://json-schema.org/draft-07/schema#";
        return bundled;
    }

    private JsonObject Transform(string file, JsonNode schema, Stack<string> resolving)
    {
        if (schema is JsonValue boolean)
        {
            return boolean.GetValue<bool>() ? new JsonObject() : new JsonObject { ["not"] = new JsonObject() };
        }

        var source = schema.AsObject();
        var result = new JsonObject();
        foreach (var (keyword, value) in source)
        {
            if (Dropped.Contains(keyword) || keyword.StartsWith("x-", StringComparison.Ordinal) || keyword == "$ref")
            {
                continue;
            }

            switch (keyword)
            {
                case "const":
                    result["enum"] = new JsonArray(value?.DeepClone());
                    break;
                case "properties":
                    var properties = new JsonObject();
                    foreach (var (name, property) in value!.AsObject())
                    {
                        properties[name] = property is JsonObject p && p["x-stagehand-clientOnly"] is JsonValue co && co.GetValue<bool>()
                            ? new JsonObject()
                            : Transform(file, property!, resolving);
                    }

                    result["properties"] = properties;
                    break;
                case "additionalProperties":
                case "items":
                case "not":
                    result[keyword] = Transform(file, value!, resolving);
                    break;
                case "anyOf":
                case "oneOf":
                case "allOf":
                    result[keyword] = new JsonArray(value!.AsArray().Select(b => (JsonNode?)Transform(file, b!, resolving)).ToArray());
                    break;
                default:
                    if (!Copied.Contains(keyword))
                    {
                        throw new NotSupportedException("The NJsonSchema bundle does not know the keyword " + keyword + " in " + file);
                    }

                    result[keyword] = value?.DeepClone();
                    break;
            }
        }

        if (source["x-stagehand-unknownMembers"]?.GetValue<string>() == "reject" && !source.ContainsKey("additionalProperties"))
        {
            result["additionalProperties"] = false;
        }

        if (result["required"] is JsonArray required && source["properties"] is JsonObject declared)
        {
            var clientOnly = declared.Where(p => p.Value is JsonObject o && o["x-stagehand-clientOnly"] is JsonValue v && v.GetValue<bool>()).Select(p => p.Key).ToHashSet();
            result["required"] = new JsonArray(required.Select(r => r!.GetValue<string>()).Where(r => !clientOnly.Contains(r)).Select(r => (JsonNode?)JsonValue.Create(r)).ToArray());
        }

        if (source["x-stagehand-requestFor"] is JsonValue requestFor && result["properties"] is JsonObject requestProperties)
        {
            var target = _store.Resolve(file, requestFor.GetValue<string>());
            if (target.Node["properties"] is JsonObject targetProperties)
            {
                foreach (var (name, property) in targetProperties)
                {
                    if (property is JsonObject p && p["readOnly"] is JsonValue ro && ro.GetValue<bool>() && !requestProperties.ContainsKey(name))
                    {
                        requestProperties[name] = new JsonObject { ["not"] = new JsonObject() };
                    }
                }
            }
        }

        if (source["$ref"] is JsonValue reference)
        {
            var target = _store.Resolve(file, reference.GetValue<string>());
            var key = target.ToString();
            if (resolving.Contains(key))
            {
                throw new NotSupportedException("A recursive $ref cannot be inlined: " + string.Join(" -> ", resolving.Reverse().Append(key)));
            }

            resolving.Push(key);
            var inlined = Transform(target.File, target.Node, resolving);
            resolving.Pop();
            return result.Count == 0 ? inlined : new JsonObject { ["allOf"] = new JsonArray(inlined, result) };
        }

        return result;
    }
}
