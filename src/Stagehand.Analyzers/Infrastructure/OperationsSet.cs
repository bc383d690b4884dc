using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Schema;
using Stagehand.Schema.Operations;

namespace Stagehand.Analyzers.Infrastructure;

/// <summary>One operations file of a compilation: the path the build gave it and what the shared reader made of it.</summary>
internal sealed class OperationsFile
{
    public OperationsFile(string originalPath, OperationsDocument document)
    {
        OriginalPath = originalPath;
        Document = document;
    }

    /// <summary>The path as the build gave it; diagnostics in the file use it.</summary>
    public string OriginalPath { get; }

    public OperationsDocument Document { get; }

    /// <summary>The normalized path (forward slashes), the one its <c>$ref</c>s resolve against.</summary>
    public string Path => Document.Path;
}

/// <summary>
/// The operations files of a compilation (<c>*.operations.json</c> additional files), each read once per text, with the
/// compilation's <see cref="SchemaSet"/> their <c>$ref</c>s resolve in. The operations rules (STH0014, STH0015) share it.
/// </summary>
internal sealed class OperationsSet
{
    private static readonly ConditionalWeakTable<SourceText, ParsedText> Parsed = new();
    private static readonly object ParseGate = new();

    private readonly Lazy<SchemaSet> _schemas;

    private OperationsSet(ImmutableArray<OperationsFile> files, Lazy<SchemaSet> schemas)
    {
        Files = files;
        _schemas = schemas;
    }

    public ImmutableArray<OperationsFile> Files { get; }

    public bool IsEmpty => Files.IsEmpty;

    /// <summary>The compilation's schemas, the ones operations refer to (built when first asked).</summary>
    public SchemaSet Schemas => _schemas.Value;

    /// <summary>The operations files of the compilation whose options are <paramref name="options"/>, in path order.</summary>
    public static OperationsSet Get(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var files = ImmutableArray.CreateBuilder<OperationsFile>();
        foreach (var file in options.AdditionalFiles)
        {
            if (!OperationsFormat.IsOperationsFile(file.Path))
            {
                continue;
            }

            var settings = SchemaFileSettings.FromOptions(options.AnalyzerConfigOptionsProvider.GlobalOptions, options.AnalyzerConfigOptionsProvider.GetOptions(file));
            files.Add(new OperationsFile(file.Path, Read(file.Path, file.GetText(cancellationToken), settings.DefaultVisibility, cancellationToken)));
        }

        var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToImmutableArray();
        return new OperationsSet(ordered, new Lazy<SchemaSet>(() => SchemaAnalysis.GetSchemas(options, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication));
    }

    public OperationsFile? Find(string path) => Files.FirstOrDefault(f => f.OriginalPath == path);

    /// <summary>The schema file and schema a reference of <paramref name="file"/> names, or null when it names none.</summary>
    public (SchemaFile File, SchemaNode Node)? Resolve(OperationsFile file, string reference) => Schemas.ResolveFrom(file.Path, reference);

    /// <summary>The operations of other files, before <paramref name="file"/> in path order, on the same method and route as <paramref name="operation"/>.</summary>
    public (OperationsFile File, HttpOperation Operation)? EarlierRoute(OperationsFile file, HttpOperation operation)
    {
        if (operation.Method is null || operation.Path is null)
        {
            return null;
        }

        foreach (var other in Files)
        {
            if (ReferenceEquals(other, file))
            {
                return null;
            }

            foreach (var candidate in other.Document.Http)
            {
                if (candidate.Method == operation.Method && candidate.Path is not null && candidate.Path.Route == operation.Path.Route)
                {
                    return (other, candidate);
                }
            }
        }

        return null;
    }

    /// <summary>Reads a file once per text: the IDE hands the same text object while the file is unchanged.</summary>
    private static OperationsDocument Read(string path, SourceText? text, SchemaVisibility defaultVisibility, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            return OperationsReader.ReadFile(path, null, defaultVisibility, cancellationToken);
        }

        lock (ParseGate)
        {
            if (Parsed.TryGetValue(text, out var cached) && cached.Path == path && cached.Document.DefaultVisibility == defaultVisibility)
            {
                return cached.Document;
            }

            var document = OperationsReader.ReadFile(path, text, defaultVisibility, cancellationToken);
            Parsed.Remove(text);
            Parsed.Add(text, new ParsedText(path, document));
            return document;
        }
    }

    private sealed class ParsedText
    {
        public ParsedText(string path, OperationsDocument document)
        {
            Path = path;
            Document = document;
        }

        public string Path { get; }

        public OperationsDocument Document { get; }
    }
}
