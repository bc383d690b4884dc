using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Stagehand.Contracts;

namespace Stagehand.Differential.Tests;

/// <summary>
/// The repository's schema files, read with System.Text.Json.Nodes and resolved by this test alone (independently of
/// the generator): relative-file <c>$ref</c>s with an optional JSON Pointer fragment.
/// </summary>
internal sealed class SchemaStore
{
    private readonly Dictionary<string, JsonNode> _files = new(StringComparer.Ordinal);

    /// <param name="root">The folder whose schema files are read, and which relative references resolve against.</param>
    /// <param name="searchPattern">Which files under <paramref name="root"/> are schemas: the repository's <c>*.schema.json</c>,
    /// or one named file (a vendor's protocol document keeps its own name).</param>
    public SchemaStore(string root, string searchPattern = "*.schema.json")
    {
        Root = root;
        foreach (var path in Directory.EnumerateFiles(root, searchPattern, SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            _files[relative] = JsonNode.Parse(System.IO.File.ReadAllText(path)) ?? throw new InvalidDataException(path + " is empty.");
        }
    }

    public string Root { get; }

    public static SchemaStore Shared { get; } = new(TestRepository.Schemas);

    /// <summary>A schema: the file it lives in (for resolving its references) and the node.</summary>
    public readonly record struct Located(string File, JsonNode Node, string Pointer)
    {
        public override string ToString() => File + "#" + Pointer;
    }

    public JsonNode File(string relativePath) =>
        _files.TryGetValue(relativePath, out var node) ? node : throw new FileNotFoundException("No schema file " + relativePath + " under " + Root);

    /// <summary>Resolves <paramref name="reference"/> (a relative file path, a fragment, or both) against <paramref name="fromFile"/>.</summary>
    public Located Resolve(string fromFile, string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var filePart = hash < 0 ? reference : reference.Substring(0, hash);
        var fragment = hash < 0 ? string.Empty : Uri.UnescapeDataString(reference.Substring(hash + 1));
        if (filePart.Contains("://", StringComparison.Ordinal) || filePart.StartsWith("urn:", StringComparison.Ordinal))
        {
            throw new NotSupportedException("Only relative-file references are supported: " + reference + " in " + fromFile);
        }

        var target = filePart.Length == 0 ? fromFile : Combine(fromFile, filePart);
        var node = File(target);
        if (fragment.Length == 0)
        {
            return new Located(target, node, string.Empty);
        }

        if (fragment[0] != '/')
        {
            throw new NotSupportedException("Anchors are not supported: " + reference + " in " + fromFile);
        }

        foreach (var raw in fragment.Substring(1).Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(token, out var child) && child is not null => child,
                JsonArray a when int.TryParse(token, out var i) && i >= 0 && i < a.Count && a[i] is not null => a[i]!,
                _ => throw new InvalidDataException("The reference " + reference + " in " + fromFile + " points nowhere."),
            };
        }

        return new Located(target, node, fragment);
    }

    /// <summary>The schema a registered contract was generated from: its file's root, or the node that names it.</summary>
    public Located FindContract(ContractDescriptor contract)
    {
        var root = File(contract.SchemaPath);
        var stem = Path.GetFileName(contract.SchemaPath);
        stem = stem.Substring(0, stem.Length - ".schema.json".Length);
        var rootName = root is JsonObject ro && ro["x-stagehand-typeName"] is JsonValue tn ? tn.GetValue<string>() : stem;
        if (rootName == contract.Name)
        {
            return new Located(contract.SchemaPath, root, string.Empty);
        }

        var found = new List<Located>();
        Walk(root, string.Empty);
        return found.Count == 1
            ? found[0]
            : throw new InvalidDataException($"Contract {contract.Name}: expected one schema named so in {contract.SchemaPath}, found {found.Count}.");

        void Walk(JsonNode? node, string pointer)
        {
            switch (node)
            {
                case JsonObject o:
                    if (pointer.Length > 0 && o["x-stagehand-typeName"] is JsonValue v && v.GetValue<string>() == contract.Name)
                    {
                        found.Add(new Located(contract.SchemaPath, o, pointer));
                    }

                    foreach (var (key, child) in o)
                    {
                        if (key is "enum" or "const" or "examples" or "default")
                        {
                            continue;
                        }

                        Walk(child, pointer + "/" + key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        Walk(a[i], pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }
    }

    private static string Combine(string fromFile, string relative)
    {
        var parts = new List<string>(fromFile.Split('/').SkipLast(1));
        foreach (var part in relative.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    throw new InvalidDataException("The reference " + relative + " in " + fromFile + " leaves the schema folder.");
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != "." && part.Length > 0)
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
