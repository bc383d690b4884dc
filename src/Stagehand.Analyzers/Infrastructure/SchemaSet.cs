using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Stagehand.Schema;

namespace Stagehand.Analyzers.Infrastructure;

/// <summary>
/// Every schema file of a compilation, read by the shared reader and built by the shared model builder once. Rules
/// ask it for files by path, resolve <c>$ref</c>s with it, and keep their own per-set results in <see cref="GetOrAdd{T}"/>.
/// </summary>
internal sealed class SchemaSet
{
    public static readonly SchemaSet Empty = new(ImmutableArray<SchemaFile>.Empty);

    private readonly Dictionary<string, SchemaFile> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaFile> _byRelativePath = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<object>> _results = new(StringComparer.Ordinal);

    /// <summary>Where references lead, by URI as JSON Schema says: the generator's own index.</summary>
    private readonly SchemaResources _resources;

    private SchemaSet(ImmutableArray<SchemaFile> files)
    {
        Files = files;
        _resources = new SchemaResources(files.Select(f => f.Document));
        foreach (var file in files)
        {
            if (!_byPath.ContainsKey(file.Path))
            {
                _byPath[file.Path] = file;
            }

            if (!_byRelativePath.ContainsKey(file.RelativePath))
            {
                _byRelativePath[file.RelativePath] = file;
            }
        }
    }

    public ImmutableArray<SchemaFile> Files { get; }

    public bool IsEmpty => Files.IsEmpty;

    /// <summary>Builds the set from parsed documents: the model is built here, once, over all of them.</summary>
    public static SchemaSet Build(ImmutableArray<(string OriginalPath, SchemaDocument Document)> documents, CancellationToken cancellationToken)
    {
        if (documents.IsEmpty)
        {
            return Empty;
        }

        var results = ContractModelBuilder.BuildOrReport(documents.Select(d => d.Document).ToImmutableArray(), cancellationToken);

        // The builder keys its results by the path relative to the common folder of all files, in path order.
        var commonRoot = SchemaPaths.CommonDirectory(documents.Select(d => d.Document.Path).Distinct(StringComparer.Ordinal));
        var byRelative = new Dictionary<string, ContractBuildResult>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            byRelative[result.SchemaPath] = result;
        }

        var files = ImmutableArray.CreateBuilder<SchemaFile>(documents.Length);
        foreach (var (originalPath, document) in documents)
        {
            var relative = SchemaPaths.RelativeTo(commonRoot, document.Path);
            var found = byRelative.TryGetValue(relative, out var result);
            var problems = found ? result!.Problems.Items : document.Problems.Items;
            files.Add(new SchemaFile(originalPath, document, relative, found ? result!.File : null, problems));
        }

        return new SchemaSet(files.MoveToImmutable());
    }

    public SchemaFile? Find(string path) =>
        _byPath.TryGetValue(SchemaPaths.Normalize(path), out var file) ? file : null;

    public SchemaFile? FindByRelativePath(string relativePath) =>
        _byRelativePath.TryGetValue(relativePath, out var file) ? file : null;

    /// <summary>
    /// Resolves a reference written in <paramref name="at"/> (a schema of <paramref name="from"/>) to the file and schema
    /// it names, or null: by URI against the base URI around it, as the generator does, else as a path relative to the file.
    /// </summary>
    public (SchemaFile File, SchemaNode Node)? Resolve(SchemaFile from, SchemaNode at, string reference)
    {
        if (_resources.Find(_resources.Absolute(from.Document, at, reference)) is { } located
            && _byPath.TryGetValue(located.Document.Path, out var owner))
        {
            return (owner, located.Node);
        }

        return Resolve(from, reference);
    }

    /// <summary>Resolves a path written in <paramref name="from"/> (<c>x-stagehand-mirrors</c>, or a reference by path) to the file and schema it names, or null.</summary>
    public (SchemaFile File, SchemaNode Node)? Resolve(SchemaFile from, string reference) => ResolvePath(from.Path, reference);

    /// <summary>
    /// Resolves a reference written in a file that is not a schema (an operations file at <paramref name="fromPath"/>) to
    /// the schema it names, or null: by URI against the file's own (a schema's <c>$id</c> finds it), else as a path
    /// relative to the file.
    /// </summary>
    public (SchemaFile File, SchemaNode Node)? ResolveFrom(string fromPath, string reference)
    {
        if (_resources.Find(UriReferences.Resolve(UriReferences.FromPath(fromPath), reference)) is { } located
            && _byPath.TryGetValue(located.Document.Path, out var owner))
        {
            return (owner, located.Node);
        }

        return ResolvePath(fromPath, reference);
    }

    private (SchemaFile File, SchemaNode Node)? ResolvePath(string fromPath, string reference)
    {
        var (path, fragment) = SchemaPaths.Resolve(fromPath, reference);
        if (!_byPath.TryGetValue(path, out var target) || target.Root is null)
        {
            return null;
        }

        var node = SchemaPointers.Find(target.Root, fragment);
        return node is null ? null : (target, node);
    }

    /// <summary>Follows <c>$ref</c> chains to the schema that says what a value is; null when one is broken or loops.</summary>
    public (SchemaFile File, SchemaNode Node)? Dereference(SchemaFile file, SchemaNode node)
    {
        var visited = new HashSet<(string, string)>();
        while (node.Ref is not null)
        {
            var target = Resolve(file, node, node.Ref);
            if (target is null || !visited.Add((target.Value.File.Path, target.Value.Node.Pointer)))
            {
                return null;
            }

            (file, node) = target.Value;
        }

        return (file, node);
    }

    /// <summary>A result a rule computes once per schema set, whichever analyzer asks first.</summary>
    public T GetOrAdd<T>(string key, Func<SchemaSet, T> factory)
        where T : class =>
        (T)_results.GetOrAdd(key, _ => new Lazy<object>(() => factory(this), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
