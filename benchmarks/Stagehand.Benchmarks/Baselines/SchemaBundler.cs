using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stagehand.Benchmarks.Baselines;

/// <summary>
/// Turns one of our schema files into a single self-contained JSON Schema document for NJsonSchema: every schema
/// reached through a file <c>$ref</c> is copied under <c>definitions</c> (NJsonSchema 11 reads draft-07's
/// <c>definitions</c>, not <c>$defs</c>) and the <c>$ref</c> is rewritten to <c>#/definitions/&lt;folder&gt;_&lt;name&gt;</c>.
/// Nothing else is changed: the same keywords, the same annotations.
/// </summary>
internal static class SchemaBundler
{
    private const string Suffix = ".schema.json";

    public static string SchemasFolder => Path.Combine(AppContext.BaseDirectory, "schemas");

    /// <summary>The bundled schema text of <paramref name="relativePath"/> (such as <c>v3/ActRequest.schema.json</c>).</summary>
    public static string Bundle(string relativePath)
    {
        var definitions = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        var root = Load(relativePath);
        Rewrite(root, relativePath, definitions, pending);
        while (pending.Count > 0)
        {
            var next = pending.Dequeue();
            var node = Load(next);
            ((JsonObject)node).Remove("$schema");
            definitions[Key(next)] = node;
            Rewrite(node, next, definitions, pending);
        }

        var document = (JsonObject)root;
        document["$schema"] = "http://json-schema.org/draft-07/schema#";
        var bag = new JsonObject();
        foreach (var (key, node) in definitions)
        {
            bag[key] = node;
        }

        document["definitions"] = bag;
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonNode Load(string relativePath) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(SchemasFolder, relativePath)))
        ?? throw new InvalidOperationException(relativePath + " is empty.");

    private static string Key(string relativePath) =>
        relativePath.Replace('\\', '/')[..^Suffix.Length].Replace('/', '_');

    private static void Rewrite(JsonNode node, string fromPath, SortedDictionary<string, JsonNode> definitions, Queue<string> pending)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (name == "$ref" && child is JsonValue value && value.TryGetValue<string>(out var reference) && reference.EndsWith(Suffix, StringComparison.Ordinal))
                    {
                        var target = Resolve(fromPath, reference);
                        obj["$ref"] = "#/definitions/" + Key(target);
                        if (definitions.TryAdd(Key(target), new JsonObject()))
                        {
                            pending.Enqueue(target); // the empty object is replaced when the file is loaded
                        }
                    }
                    else if (child is not null)
                    {
                        Rewrite(child, fromPath, definitions, pending);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        Rewrite(item, fromPath, definitions, pending);
                    }
                }

                break;
        }
    }

    private static string Resolve(string fromPath, string reference)
    {
        var folder = Path.GetDirectoryName(fromPath.Replace('\\', '/')) ?? string.Empty;
        var combined = Path.GetFullPath(Path.Combine(SchemasFolder, folder, reference));
        return Path.GetRelativePath(SchemasFolder, combined).Replace('\\', '/');
    }
}
