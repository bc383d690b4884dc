using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Stagehand.Schema;

namespace Stagehand.Analyzers.Infrastructure;

/// <summary>
/// Hands every analyzer of a compilation the same <see cref="SchemaSet"/>. Each schema text is parsed once per
/// <see cref="SourceText"/> (a <see cref="ConditionalWeakTable{TKey,TValue}"/>), and the set is built once per
/// distinct set of texts: the IDE makes a new compilation for every edit of a C# file, but the schema texts stay the
/// same objects, so the set is reused.
/// </summary>
internal static class SchemaSetCache
{
    private const int Capacity = 4;

    private static readonly ConditionalWeakTable<SourceText, ParsedText> Parsed = new();
    private static readonly object Gate = new();
    private static readonly LinkedList<Entry> Recent = new();

    /// <summary>The schema set of the compilation whose options are <paramref name="options"/>.</summary>
    public static SchemaSet Get(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var inputs = ReadInputs(options, cancellationToken);
        if (inputs.IsEmpty)
        {
            return SchemaSet.Empty;
        }

        Lazy<SchemaSet> lazy;
        lock (Gate)
        {
            lazy = FindOrAdd(inputs);
        }

        return lazy.Value;
    }

    private static Lazy<SchemaSet> FindOrAdd(ImmutableArray<Input> inputs)
    {
        for (var node = Recent.First; node is not null; node = node.Next)
        {
            if (SameInputs(node.Value.Inputs, inputs))
            {
                Recent.Remove(node);
                Recent.AddFirst(node);
                return node.Value.Set;
            }
        }

        var set = new Lazy<SchemaSet>(() => BuildSet(inputs), LazyThreadSafetyMode.ExecutionAndPublication);
        Recent.AddFirst(new Entry(inputs, set));
        while (Recent.Count > Capacity)
        {
            Recent.RemoveLast();
        }

        return set;
    }

    private static bool SameInputs(ImmutableArray<Input> left, ImmutableArray<Input> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (!string.Equals(left[i].Path, right[i].Path, StringComparison.Ordinal)
                || !string.Equals(left[i].Namespace, right[i].Namespace, StringComparison.Ordinal)
                || !string.Equals(left[i].NamespaceProblem, right[i].NamespaceProblem, StringComparison.Ordinal)
                || !ReferenceEquals(left[i].Text, right[i].Text))
            {
                return false;
            }
        }

        return true;
    }

    private static ImmutableArray<Input> ReadInputs(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        ImmutableArray<Input>.Builder? inputs = null;
        string? rootNamespace = null;
        var rootRead = false;
        foreach (var file in options.AdditionalFiles)
        {
            if (!SchemaPaths.IsSchemaFile(file.Path))
            {
                continue;
            }

            if (!rootRead)
            {
                options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(SchemaNamespace.RootNamespaceKey, out rootNamespace);
                rootRead = true;
            }

            options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(SchemaNamespace.MetadataKey, out var metadata);
            var @namespace = SchemaNamespace.Resolve(metadata, rootNamespace, out var problem);
            inputs ??= ImmutableArray.CreateBuilder<Input>();
            inputs.Add(new Input(file.Path, @namespace, problem, file.GetText(cancellationToken)));
        }

        return inputs?.ToImmutable() ?? ImmutableArray<Input>.Empty;
    }

    private static SchemaSet BuildSet(ImmutableArray<Input> inputs)
    {
        var documents = ImmutableArray.CreateBuilder<(string, SchemaDocument)>(inputs.Length);
        foreach (var input in inputs)
        {
            documents.Add((input.Path, Parse(input)));
        }

        return SchemaSet.Build(documents.MoveToImmutable(), CancellationToken.None);
    }

    private static SchemaDocument Parse(Input input)
    {
        var start = new LocationInfo(input.Path, 0, 0, 0, 0, 0, 0);
        if (input.Text is null)
        {
            var unreadable = new SchemaProblem("json", "The schema file could not be read.", start);
            return new SchemaDocument(SchemaPaths.Normalize(input.Path), input.Namespace, null, ImmutableArray.Create(unreadable).ToEquatableArray());
        }

        SchemaDocument document;
        lock (Parsed)
        {
            if (Parsed.TryGetValue(input.Text, out var cached) && cached.Path == input.Path && cached.Namespace == input.Namespace)
            {
                document = cached.Document;
            }
            else
            {
                document = Read(input, start);
                Parsed.Remove(input.Text);
                Parsed.Add(input.Text, new ParsedText(input.Path, input.Namespace, document));
            }
        }

        if (input.NamespaceProblem is not null)
        {
            var problems = document.Problems.Items.Add(new SchemaProblem("StagehandNamespace", input.NamespaceProblem, start));
            document = document with { Problems = problems.ToEquatableArray() };
        }

        return document;
    }

    private static SchemaDocument Read(Input input, LocationInfo start)
    {
        try
        {
            return SchemaReader.Read(input.Path, input.Namespace, input.Text!, CancellationToken.None);
        }
        catch (Exception exception)
        {
            var failure = new SchemaProblem("json", "The schema could not be read: " + exception.Message, start);
            return new SchemaDocument(SchemaPaths.Normalize(input.Path), input.Namespace, null, ImmutableArray.Create(failure).ToEquatableArray());
        }
    }

    private sealed record Input(string Path, string Namespace, string? NamespaceProblem, SourceText? Text);

    private sealed record Entry(ImmutableArray<Input> Inputs, Lazy<SchemaSet> Set);

    private sealed class ParsedText
    {
        public ParsedText(string path, string @namespace, SchemaDocument document)
        {
            Path = path;
            Namespace = @namespace;
            Document = document;
        }

        public string Path { get; }

        public string Namespace { get; }

        public SchemaDocument Document { get; }
    }
}
