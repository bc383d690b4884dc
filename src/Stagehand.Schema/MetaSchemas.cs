using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.Text;

namespace Stagehand.Schema;

/// <summary>
/// The official meta-schemas of the dialects the reader knows, embedded (see <c>MetaSchemas/README.md</c>): a build
/// whose schemas refer to a dialect's <c>$id</c>, and has no file of its own with that <c>$id</c>, gets the dialect's
/// meta-schemas added as internal validators, so that a member can be checked to be a schema. Never fetched.
/// </summary>
internal static class MetaSchemas
{
    /// <summary>The C# namespace of the meta-schemas' validators.</summary>
    public const string Namespace = "Stagehand.Contracts.MetaSchemas";

    /// <summary>The folder the embedded meta-schemas are read from, as their paths say (outside any project's folder).</summary>
    public const string PathPrefix = "/stagehand-metaschemas/";

    private const string ResourcePrefix = "Stagehand.MetaSchemas/";

    /// <summary>Each embedded folder, read once per process: the documents are immutable, and the builder runs on every edit.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ImmutableArray<SchemaDocument>> Parsed = new(StringComparer.Ordinal);

    /// <summary>The embedded folder that holds the meta-schema a resource URI names, or null when it names none.</summary>
    public static string? FolderOf(string resourceUri)
    {
        var uri = resourceUri.Replace("http://", "https://");
        return uri.StartsWith("https://json-schema.org/draft/2020-12/", StringComparison.Ordinal) ? "2020-12"
            : uri.StartsWith("https://json-schema.org/draft/2019-09/", StringComparison.Ordinal) ? "2019-09"
            : uri == "https://json-schema.org/draft-07/schema" ? "draft-07"
            : null;
    }

    /// <summary>Whether <paramref name="path"/> is the path of an embedded meta-schema.</summary>
    public static bool IsMetaSchema(string path) => path.StartsWith(PathPrefix, StringComparison.Ordinal);

    /// <summary>
    /// <paramref name="documents"/>, plus the meta-schemas of every dialect their references name that no document
    /// provides. <paramref name="resources"/> is the index of <paramref name="documents"/>; it is replaced when any are added.
    /// </summary>
    public static ImmutableArray<SchemaDocument> AddReferenced(ImmutableArray<SchemaDocument> documents, ref SchemaResources resources)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var document in documents.Where(d => d.Root is not null))
        {
            foreach (var node in SchemaWalker.DescendantsAndSelf(document.Root!))
            {
                foreach (var reference in new[] { node.Ref, node.DynamicRef })
                {
                    if (reference is null)
                    {
                        continue;
                    }

                    var absolute = resources.Absolute(document, node, reference);
                    if (!resources.HasResource(absolute) && FolderOf(UriReferences.SplitFragment(absolute).Resource) is { } folder)
                    {
                        folders.Add(folder);
                    }
                }
            }
        }

        if (folders.Count == 0)
        {
            return documents;
        }

        var added = documents.AddRange(folders.SelectMany(folder => Parsed.GetOrAdd(folder, name => Read(name).ToImmutableArray())));
        resources = new SchemaResources(added);
        return added;
    }

    /// <summary>The meta-schemas of one embedded folder, read as internal validators.</summary>
    private static IEnumerable<SchemaDocument> Read(string folder)
    {
        var assembly = typeof(MetaSchemas).Assembly;
        var settings = new SchemaFileSettings(Namespace, SchemaMode.Validator, null, SchemaVisibility.Internal);
        foreach (var name in assembly.GetManifestResourceNames().OrderBy(n => n, StringComparer.Ordinal))
        {
            // RecursiveDir separates folders with the building machine's separator.
            var relative = name.Replace('\\', '/');
            if (!relative.StartsWith(ResourcePrefix + folder + "/", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var path = PathPrefix + relative.Substring(ResourcePrefix.Length);
            yield return SchemaReader.ReadFile(path, settings, SourceText.From(reader.ReadToEnd()));
        }
    }
}
